#include "sim/salesforce/soql_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <iterator>

#include "sim/salesforce/salesforce_error.h"
#include "sim/salesforce/soql_lexer.h"

namespace o2c::sim::salesforce::soql {

std::string FieldPath::text() const {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out.push_back('.');
    out += p;
  }
  return out;
}

namespace {

// SOQL reserved words: never a field or object name.
bool is_reserved(const Token& t) {
  static constexpr std::string_view kReserved[] = {"AND",    "ASC",   "DESC",     "EXCLUDES", "FIRST", "FROM",  "GROUP",
                                                   "HAVING", "IN",    "INCLUDES", "LAST",     "LIKE",  "LIMIT", "NOT",
                                                   "NULL",   "NULLS", "OR",       "SELECT",   "WHERE", "WITH"};
  return std::any_of(std::begin(kReserved), std::end(kReserved),
                     [&](std::string_view kw) { return is_keyword(t, kw); });
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  Query query() {
    Query q;
    expect_keyword("SELECT");
    select_list(q);
    expect_keyword("FROM");
    const Token& object = expect_identifier();
    q.object = object.text;
    q.object_position = object.position;
    if (accept_keyword("WHERE")) q.where = condition();
    if (accept_keyword("ORDER")) {
      expect_keyword("BY");
      do q.order_by.push_back(order_item());
      while (accept(TokenKind::comma));
    }
    if (accept_keyword("LIMIT")) q.limit = integer();
    if (accept_keyword("OFFSET")) {
      const std::size_t position = peek().position;
      q.offset = integer();
      if (*q.offset > kMaxOffset)
        throw ApiError(400, "NUMBER_OUTSIDE_VALID_RANGE",
                       fmt::format("Maximum SOQL offset allowed is {} (position {})", kMaxOffset, position));
    }
    if (peek().kind != TokenKind::end) unexpected();
    return q;
  }

 private:
  const Token& peek(std::size_t ahead = 0) const { return tokens_[std::min(pos_ + ahead, tokens_.size() - 1)]; }
  const Token& next() {
    const Token& t = peek();
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  [[noreturn]] void unexpected() const { throw_unexpected_token(peek().text, peek().position); }

  bool accept(TokenKind kind) {
    if (peek().kind != kind) return false;
    next();
    return true;
  }
  bool accept_keyword(std::string_view kw) {
    if (!is_keyword(peek(), kw)) return false;
    next();
    return true;
  }
  void expect(TokenKind kind) {
    if (!accept(kind)) unexpected();
  }
  void expect_keyword(std::string_view kw) {
    if (!accept_keyword(kw)) unexpected();
  }
  const Token& expect_identifier() {
    if (peek().kind != TokenKind::identifier || is_reserved(peek())) unexpected();
    return next();
  }

  void select_list(Query& q) {
    if (is_keyword(peek(), "COUNT") && peek(1).kind == TokenKind::open_paren) {
      next();
      next();
      expect(TokenKind::close_paren);
      q.count_only = true;
      return;
    }
    do q.select.push_back(field_path());
    while (accept(TokenKind::comma));
  }

  FieldPath field_path() {
    FieldPath path;
    path.position = peek().position;
    path.parts.push_back(expect_identifier().text);
    while (accept(TokenKind::dot)) path.parts.push_back(expect_identifier().text);
    return path;
  }

  std::size_t integer() {
    const Token& t = peek();
    std::size_t value = 0;
    const auto& text = t.literal.text;
    if (t.kind != TokenKind::literal || t.literal.kind != LiteralKind::number) unexpected();
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size()) unexpected();
    next();
    return value;
  }

  OrderItem order_item() {
    OrderItem item;
    item.field = field_path();
    if (accept_keyword("DESC"))
      item.descending = true;
    else
      accept_keyword("ASC");
    item.nulls_first = !item.descending;
    if (accept_keyword("NULLS")) {
      if (accept_keyword("FIRST"))
        item.nulls_first = true;
      else if (accept_keyword("LAST"))
        item.nulls_first = false;
      else
        unexpected();
    }
    return item;
  }

  Condition condition() {
    Condition first = term();
    const bool is_and = is_keyword(peek(), "AND");
    if (!is_and && !is_keyword(peek(), "OR")) return first;
    Condition group;
    group.kind = is_and ? Condition::Kind::all_of : Condition::Kind::any_of;
    group.position = first.position;
    group.children.push_back(std::move(first));
    while (accept_keyword(is_and ? "AND" : "OR")) group.children.push_back(term());
    if (is_keyword(peek(), is_and ? "OR" : "AND")) unexpected();  // SOQL wants parentheses here
    return group;
  }

  Condition term() {
    const std::size_t position = peek().position;
    if (accept_keyword("NOT")) {
      Condition neg;
      neg.kind = Condition::Kind::negation;
      neg.position = position;
      neg.children.push_back(term());
      return neg;
    }
    if (accept(TokenKind::open_paren)) {
      Condition inner = condition();
      expect(TokenKind::close_paren);
      return inner;
    }
    return predicate();
  }

  Condition predicate() {
    Condition p;
    p.field = field_path();
    p.position = peek().position;
    if (peek().kind == TokenKind::op) {
      p.op = comparison(next().text);
      p.values.push_back(literal());
    } else if (accept_keyword("LIKE")) {
      p.op = CompareOp::like;
      p.values.push_back(literal());
    } else if (is_keyword(peek(), "IN") || (is_keyword(peek(), "NOT") && is_keyword(peek(1), "IN"))) {
      p.op = accept_keyword("NOT") ? CompareOp::not_in : CompareOp::in;
      next();
      expect(TokenKind::open_paren);
      do p.values.push_back(literal());
      while (accept(TokenKind::comma));
      expect(TokenKind::close_paren);
    } else {
      unexpected();
    }
    return p;
  }

  static CompareOp comparison(std::string_view op) {
    if (op == "=") return CompareOp::eq;
    if (op == "!=" || op == "<>") return CompareOp::ne;
    if (op == "<") return CompareOp::lt;
    if (op == "<=") return CompareOp::le;
    if (op == ">") return CompareOp::gt;
    return CompareOp::ge;
  }

  Literal literal() {
    if (peek().kind != TokenKind::literal) unexpected();
    return next().literal;
  }

  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
};

}  // namespace

Query parse_query(std::string_view soql) { return Parser(tokenize(soql)).query(); }

}  // namespace o2c::sim::salesforce::soql
