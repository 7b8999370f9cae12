// sim/oracle/oracle_filter_parse.cpp — the two q syntaxes (oracle_filter.h):
// a small lexer and recursive-descent parser for rowmatch expressions, and a
// splitter for query-by-example conditions.
#include <fmt/format.h>

#include "core/text.h"
#include "sim/oracle/oracle_filter.h"

namespace o2c::sim::oracle {

namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

struct Token {
  enum class Kind { word, string, number, op, open, close, comma, end };
  Kind kind = Kind::end;
  std::string text;            // word / operator as written, string unescaped, number as written
  std::size_t position = 0;
};

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Token next() {
    while (pos_ < text_.size() && is_space(text_[pos_])) ++pos_;
    Token t;
    t.position = pos_;
    if (pos_ >= text_.size()) return t;
    const char c = text_[pos_];
    if (is_letter(c)) {
      const std::size_t start = pos_;
      while (pos_ < text_.size() && (is_letter(text_[pos_]) || is_digit(text_[pos_]))) ++pos_;
      t.kind = Token::Kind::word;
      t.text = text_.substr(start, pos_ - start);
    } else if (c == '\'') {
      t.kind = Token::Kind::string;
      t.text = quoted();
    } else if (is_digit(c) || (c == '-' && pos_ + 1 < text_.size() && is_digit(text_[pos_ + 1]))) {
      t.kind = Token::Kind::number;
      t.text = number();
    } else if (c == '(' || c == ')' || c == ',') {
      t.kind = c == '(' ? Token::Kind::open : c == ')' ? Token::Kind::close : Token::Kind::comma;
      t.text = std::string(1, c);
      ++pos_;
    } else {
      t.kind = Token::Kind::op;
      t.text = comparison();
    }
    return t;
  }

 private:
  std::string quoted() {
    const std::size_t start = pos_++;
    std::string out;
    while (pos_ < text_.size()) {
      const char c = text_[pos_++];
      if (c != '\'') {
        out += c;
      } else if (pos_ < text_.size() && text_[pos_] == '\'') {
        out += '\'';
        ++pos_;
      } else {
        return out;
      }
    }
    throw FilterError("the string literal is not closed", start);
  }

  std::string number() {
    const std::size_t start = pos_;
    if (text_[pos_] == '-') ++pos_;
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      if (pos_ >= text_.size() || !is_digit(text_[pos_])) throw FilterError("a number ends with '.'", start);
      while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
    }
    if (pos_ < text_.size() && (is_letter(text_[pos_]) || text_[pos_] == '.'))
      throw FilterError("a number runs into other characters", start);
    return std::string(text_.substr(start, pos_ - start));
  }

  std::string comparison() {
    static constexpr std::string_view kOps[] = {"<=", ">=", "!=", "<>", "=", "<", ">"};
    for (const std::string_view op : kOps)
      if (text_.substr(pos_, op.size()) == op) {
        pos_ += op.size();
        return std::string(op);
      }
    throw FilterError(fmt::format("unexpected character '{}'", text_[pos_]), pos_);
  }

  std::string_view text_;
  std::size_t pos_ = 0;
};

FilterOp comparison_op(std::string_view op) {
  if (op == "=") return FilterOp::eq;
  if (op == "!=" || op == "<>") return FilterOp::ne;
  if (op == "<") return FilterOp::lt;
  if (op == "<=") return FilterOp::le;
  if (op == ">") return FilterOp::gt;
  return FilterOp::ge;
}

std::unique_ptr<FilterNode> combine(FilterNode::Kind kind, std::unique_ptr<FilterNode> a,
                                    std::unique_ptr<FilterNode> b) {
  auto node = std::make_unique<FilterNode>();
  node->kind = kind;
  node->position = a->position;
  node->args.push_back(std::move(a));
  if (b) node->args.push_back(std::move(b));
  return node;
}

class RowmatchParser {
 public:
  explicit RowmatchParser(std::string_view text) : lexer_(text) { advance(); }

  std::unique_ptr<FilterNode> parse() {
    if (at_end()) throw FilterError("the expression is empty", 0);
    auto node = disjunction();
    if (!at_end()) throw FilterError(fmt::format("unexpected '{}' after a complete expression", tok_.text), tok_.position);
    return node;
  }

 private:
  void advance() { tok_ = lexer_.next(); }
  bool at_end() const { return tok_.kind == Token::Kind::end; }
  bool keyword(std::string_view word) const { return tok_.kind == Token::Kind::word && iequals_ascii(tok_.text, word); }
  bool accept(std::string_view word) {
    if (!keyword(word)) return false;
    advance();
    return true;
  }

  std::unique_ptr<FilterNode> disjunction() {
    auto left = conjunction();
    while (accept("or")) left = combine(FilterNode::Kind::or_, std::move(left), conjunction());
    return left;
  }

  std::unique_ptr<FilterNode> conjunction() {
    auto left = negation();
    while (accept("and")) left = combine(FilterNode::Kind::and_, std::move(left), negation());
    return left;
  }

  std::unique_ptr<FilterNode> negation() {
    if (accept("not")) return combine(FilterNode::Kind::not_, negation(), nullptr);
    if (tok_.kind == Token::Kind::open) {
      advance();
      auto inner = disjunction();
      if (tok_.kind != Token::Kind::close) throw FilterError("')' expected", tok_.position);
      advance();
      return inner;
    }
    return predicate();
  }

  std::unique_ptr<FilterNode> predicate() {
    if (tok_.kind != Token::Kind::word || is_reserved(tok_.text))
      throw FilterError(at_end() ? "an attribute name expected at the end" : "an attribute name expected", tok_.position);
    auto node = std::make_unique<FilterNode>();
    node->attribute = tok_.text;
    node->position = tok_.position;
    advance();
    if (tok_.kind == Token::Kind::op) {
      node->op = comparison_op(tok_.text);
      advance();
      node->values.push_back(literal());
      return node;
    }
    if (accept("is")) {
      node->op = FilterOp::is_null;
      node->negated = accept("not");
      if (!accept("null")) throw FilterError("'null' expected after 'is'", tok_.position);
      return node;
    }
    node->negated = accept("not");
    if (accept("like")) {
      node->op = FilterOp::like;
      node->values.push_back(literal());
    } else if (accept("between")) {
      node->op = FilterOp::between;
      node->values.push_back(literal());
      if (!accept("and")) throw FilterError("'and' expected in between", tok_.position);
      node->values.push_back(literal());
    } else if (accept("in")) {
      node->op = FilterOp::in;
      in_list(*node);
    } else {
      throw FilterError(fmt::format("a comparison operator expected after '{}'", node->attribute), tok_.position);
    }
    return node;
  }

  void in_list(FilterNode& node) {
    if (tok_.kind != Token::Kind::open) throw FilterError("'(' expected after in", tok_.position);
    advance();
    node.values.push_back(literal());
    while (tok_.kind == Token::Kind::comma) {
      advance();
      node.values.push_back(literal());
    }
    if (tok_.kind != Token::Kind::close) throw FilterError("')' expected to close the in list", tok_.position);
    advance();
  }

  FilterLiteral literal() {
    FilterLiteral lit;
    lit.position = tok_.position;
    if (tok_.kind == Token::Kind::string) {
      lit.text = tok_.text;
    } else if (tok_.kind == Token::Kind::number) {
      lit.kind = FilterLiteral::Kind::number;
      lit.text = tok_.text;
    } else if (keyword("true") || keyword("false")) {
      lit.kind = FilterLiteral::Kind::boolean;
      lit.flag = keyword("true");
      lit.text = to_lower_ascii(tok_.text);
    } else {
      throw FilterError(tok_.kind == Token::Kind::word
                            ? fmt::format("a literal expected, not '{}' (quote text values: '{}')", tok_.text, tok_.text)
                            : "a literal expected",
                        tok_.position);
    }
    advance();
    return lit;
  }

  static bool is_reserved(std::string_view word) {
    for (const std::string_view r : {"and", "or", "not", "like", "between", "in", "is", "null"})
      if (iequals_ascii(word, r)) return true;
    return false;
  }

  Lexer lexer_;
  Token tok_;
};

// One query-by-example condition: `Attr<op>value` or `Attr LIKE value`.
std::unique_ptr<FilterNode> qbe_condition(std::string_view text, std::size_t base) {
  std::size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  const std::size_t name_start = i;
  while (i < text.size() && (is_letter(text[i]) || is_digit(text[i]))) ++i;
  if (i == name_start || !is_letter(text[name_start])) throw FilterError("an attribute name expected", base + name_start);
  auto node = std::make_unique<FilterNode>();
  node->attribute = std::string(text.substr(name_start, i - name_start));
  node->position = base + name_start;
  while (i < text.size() && is_space(text[i])) ++i;
  std::size_t op_end = i;
  std::string_view rest = text.substr(i);
  static constexpr std::string_view kOps[] = {"<=", ">=", "!=", "<>", "=", "<", ">"};
  bool found = false;
  for (const std::string_view op : kOps)
    if (rest.starts_with(op)) {
      node->op = comparison_op(op);
      op_end = i + op.size();
      found = true;
      break;
    }
  if (!found && rest.size() > 5 && iequals_ascii(rest.substr(0, 5), "LIKE ")) {
    node->op = FilterOp::like;
    op_end = i + 5;
    found = true;
  }
  if (!found) throw FilterError(fmt::format("an operator expected after '{}'", node->attribute), base + i);
  FilterLiteral value;
  std::string_view raw = text.substr(op_end);
  const std::size_t first = raw.find_first_not_of(" \t");
  value.position = base + op_end + (first == std::string_view::npos ? 0 : first);
  raw = trim(raw);
  if (raw.size() >= 2 && (raw.front() == '\'' || raw.front() == '"') && raw.back() == raw.front())
    raw = raw.substr(1, raw.size() - 2);
  value.text = std::string(raw);
  node->values.push_back(std::move(value));
  return node;
}

}  // namespace

std::unique_ptr<FilterNode> parse_rowmatch(std::string_view text) { return RowmatchParser(text).parse(); }

std::unique_ptr<FilterNode> parse_query_by_example(std::string_view text) {
  std::unique_ptr<FilterNode> result;
  std::size_t start = 0;
  char quote = 0;
  for (std::size_t i = 0; i <= text.size(); ++i) {
    const char c = i < text.size() ? text[i] : ';';
    if (quote) {
      if (c == quote) quote = 0;
      if (i < text.size()) continue;
      throw FilterError("a quoted value is not closed", start);
    }
    if (c == '\'' || c == '"') quote = c;
    if (c != ';') continue;
    if (!trim(text.substr(start, i - start)).empty()) {
      auto condition = qbe_condition(text.substr(start, i - start), start);
      result = result ? combine(FilterNode::Kind::and_, std::move(result), std::move(condition)) : std::move(condition);
    }
    start = i + 1;
  }
  if (!result) throw FilterError("the expression is empty", 0);
  return result;
}

std::string describe_position(std::string_view text, std::size_t position) {
  if (position >= text.size()) return fmt::format("at character {} (the end)", position + 1);
  std::string near(text.substr(position, 20));
  return fmt::format("at character {} (near '{}')", position + 1, near);
}

}  // namespace o2c::sim::oracle
