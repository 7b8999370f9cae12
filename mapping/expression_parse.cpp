// mapping/expression_parse.cpp — tokenizer and recursive-descent parser of
// mapping expressions into an unchecked AST (function calls still by name;
// expression_check.cpp resolves and type-checks them).
#include <cctype>

#include <fmt/format.h>

#include "mapping/expression.h"
#include "mapping/expression_internal.h"

namespace o2c::mapping::detail {
namespace {

struct SyntaxError {
  int pos;
  std::string message;
};

enum class Tok { end, ident, string, number, lparen, rparen, lbrace, rbrace, comma, colon, eq, ne };

struct Token {
  Tok kind = Tok::end;
  std::string text;
  int pos = 0;
};

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) { advance(); }

  Expr parse_all() {
    Expr e = parse_comparison();
    if (tok_.kind != Tok::end) fail(tok_.pos, fmt::format("unexpected '{}' after the expression", tok_.text));
    return e;
  }

 private:
  [[noreturn]] void fail(int pos, std::string message) { throw SyntaxError{pos, std::move(message)}; }

  void advance() {
    while (i_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[i_]))) ++i_;
    tok_ = Token{};
    tok_.pos = static_cast<int>(i_);
    if (i_ >= text_.size()) return;
    const char c = text_[i_];
    auto single = [&](Tok k) {
      tok_.kind = k;
      tok_.text = std::string(1, c);
      ++i_;
    };
    if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
      const std::size_t start = i_;
      while (i_ < text_.size() && (std::isalnum(static_cast<unsigned char>(text_[i_])) || text_[i_] == '_' ||
                                   text_[i_] == '.'))
        ++i_;
      tok_.kind = Tok::ident;
      tok_.text = std::string(text_.substr(start, i_ - start));
    } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+') {
      const std::size_t start = i_++;
      while (i_ < text_.size() && (std::isdigit(static_cast<unsigned char>(text_[i_])) || text_[i_] == '.')) ++i_;
      tok_.kind = Tok::number;
      tok_.text = std::string(text_.substr(start, i_ - start));
      if (tok_.text == "-" || tok_.text == "+") fail(tok_.pos, fmt::format("unexpected '{}'", tok_.text));
    } else if (c == '\'' || c == '"') {
      ++i_;
      std::string s;
      while (true) {
        if (i_ >= text_.size()) fail(tok_.pos, "unterminated string literal");
        if (text_[i_] == '\\' && i_ + 1 < text_.size()) {
          s += text_[i_ + 1];
          i_ += 2;
        } else if (text_[i_] == c) {
          ++i_;
          break;
        } else {
          s += text_[i_++];
        }
      }
      tok_.kind = Tok::string;
      tok_.text = std::move(s);
    } else if (c == '=' || c == '!') {
      if (i_ + 1 >= text_.size() || text_[i_ + 1] != '=')
        fail(tok_.pos, fmt::format("unexpected '{}' (comparisons are written == and !=)", c));
      tok_.kind = c == '=' ? Tok::eq : Tok::ne;
      tok_.text = c == '=' ? "==" : "!=";
      i_ += 2;
    } else if (c == '(') {
      single(Tok::lparen);
    } else if (c == ')') {
      single(Tok::rparen);
    } else if (c == '{') {
      single(Tok::lbrace);
    } else if (c == '}') {
      single(Tok::rbrace);
    } else if (c == ',') {
      single(Tok::comma);
    } else if (c == ':') {
      single(Tok::colon);
    } else {
      fail(tok_.pos, fmt::format("unexpected character '{}'", c));
    }
  }

  void expect(Tok kind, std::string_view what) {
    if (tok_.kind != kind)
      fail(tok_.pos, tok_.kind == Tok::end ? fmt::format("expected {} before the end of the expression", what)
                                           : fmt::format("expected {}, found '{}'", what, tok_.text));
    advance();
  }

  Expr parse_comparison() {
    Expr left = parse_operand();
    if (tok_.kind != Tok::eq && tok_.kind != Tok::ne) return left;
    Expr cmp;
    cmp.op = tok_.kind == Tok::eq ? Op::equals : Op::not_equals;
    cmp.pos = tok_.pos;
    advance();
    cmp.args.push_back(std::move(left));
    cmp.args.push_back(parse_operand());
    return cmp;
  }

  static Expr literal(Value v, int pos) {
    Expr e;
    e.op = Op::literal;
    e.literal = std::move(v);
    e.pos = pos;
    return e;
  }

  Expr parse_operand() {
    const Token t = tok_;
    switch (t.kind) {
      case Tok::string: advance(); return literal(Value::string(t.text), t.pos);
      case Tok::number: {
        advance();
        Value v;
        v.kind = Value::Kind::number;
        v.text = t.text;
        return literal(std::move(v), t.pos);
      }
      case Tok::ident: break;
      case Tok::end: fail(t.pos, "expected a value before the end of the expression");
      default: fail(t.pos, fmt::format("expected a field, a literal or a function call, found '{}'", t.text));
    }
    advance();
    if (t.text == "true" || t.text == "false") {
      Value v;
      v.kind = Value::Kind::boolean;
      v.flag = t.text == "true";
      return literal(std::move(v), t.pos);
    }
    if (t.text == "null") return literal(Value{}, t.pos);
    if (tok_.kind != Tok::lparen) {
      if (t.text.front() == '.' || t.text.back() == '.' || t.text.find("..") != std::string::npos)
        fail(t.pos, fmt::format("malformed field path '{}'", t.text));
      Expr f;
      f.op = Op::field;
      f.name = t.text;
      f.pos = t.pos;
      return f;
    }
    advance();  // (
    Expr call;
    call.op = Op::call;
    call.name = t.text;
    call.pos = t.pos;
    if (t.text == "case") return parse_case(std::move(call));
    if (tok_.kind != Tok::rparen) {
      while (true) {
        call.args.push_back(parse_comparison());
        if (tok_.kind != Tok::comma) break;
        advance();
      }
    }
    expect(Tok::rparen, "')'");
    return call;
  }

  std::string parse_case_literal() {
    if (tok_.kind != Tok::string && tok_.kind != Tok::ident && tok_.kind != Tok::number)
      fail(tok_.pos, tok_.kind == Tok::end ? "expected a value before the end of the expression"
                                           : fmt::format("expected a literal value, found '{}'", tok_.text));
    std::string s = tok_.text;
    advance();
    return s;
  }

  Expr parse_case(Expr call) {
    call.op = Op::case_of;
    call.args.push_back(parse_comparison());
    expect(Tok::comma, "',' and a {value: result, ...} map");
    expect(Tok::lbrace, "'{'");
    while (tok_.kind != Tok::rbrace) {
      std::string key = parse_case_literal();
      expect(Tok::colon, "':'");
      call.case_value_pos.push_back(tok_.pos);
      call.cases.emplace_back(std::move(key), parse_case_literal());
      if (tok_.kind != Tok::comma) break;
      advance();
    }
    expect(Tok::rbrace, "'}'");
    if (tok_.kind == Tok::comma) {
      advance();
      if (tok_.kind != Tok::ident || tok_.text != "default") fail(tok_.pos, "expected 'default: value'");
      advance();
      expect(Tok::colon, "':'");
      call.case_value_pos.push_back(tok_.pos);
      call.case_default = parse_case_literal();
    }
    expect(Tok::rparen, "')'");
    return call;
  }

  std::string_view text_;
  std::size_t i_ = 0;
  Token tok_;
};

}  // namespace

std::optional<Expr> parse_expression(std::string_view text, const CompileContext& ctx) {
  try {
    return Parser(text).parse_all();
  } catch (const SyntaxError& e) {
    ctx.problems->add(ctx.line, ctx.column + e.pos, e.message);
    return std::nullopt;
  }
}

}  // namespace o2c::mapping::detail
