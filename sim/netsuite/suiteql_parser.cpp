#include "sim/netsuite/suiteql_parser.h"

#include <fmt/format.h>

#include "core/text.h"
#include "sim/netsuite/suiteql_error.h"
#include "sim/netsuite/suiteql_lexer.h"

namespace o2c::sim::netsuite {

namespace {

// Words that end an expression or start a clause, so they are never taken
// as an alias.
constexpr std::string_view kReserved[] = {
    "SELECT", "FROM", "WHERE", "AND",   "OR",    "NOT",  "IN",    "IS",     "NULL",  "LIKE",
    "BETWEEN", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS",  "ON",    "AS",
    "ORDER",  "BY",   "ASC",   "DESC",  "GROUP", "HAVING", "UNION", "MINUS", "INTERSECT",
    "FETCH", "DISTINCT"};

bool is_reserved(const Token& t) {
  if (t.kind != TokenKind::identifier) return false;
  for (auto word : kReserved)
    if (iequals(t.text, word)) return true;
  return false;
}

std::string show(const Token& t) {
  switch (t.kind) {
    case TokenKind::end: return "end of query";
    case TokenKind::string: return fmt::format("string '{}'", t.text);
    case TokenKind::quoted_identifier: return fmt::format("\"{}\"", t.text);
    default: return fmt::format("'{}'", t.text);
  }
}

ExprPtr make(ExprKind kind, std::size_t position) {
  auto e = std::make_unique<Expr>();
  e->kind = kind;
  e->position = position;
  return e;
}

ExprPtr make_binary(ExprKind kind, ExprPtr a, ExprPtr b) {
  auto e = make(kind, a->position);
  e->args.push_back(std::move(a));
  e->args.push_back(std::move(b));
  return e;
}

class Parser {
 public:
  explicit Parser(std::vector<Token> tokens) : t_(std::move(tokens)) {}

  SelectQuery query() {
    SelectQuery q;
    expect_keyword("SELECT");
    if (is_keyword("DISTINCT")) unsupported("SELECT DISTINCT");
    do q.select.push_back(select_item());
    while (accept_symbol(","));
    expect_keyword("FROM");
    q.from = table_ref();
    if (is_symbol(",")) unsupported("comma-separated FROM tables (use JOIN ... ON)");
    while (auto kind = join_start()) q.joins.push_back(join(*kind));
    if (accept_keyword("WHERE")) q.where = expr();
    if (accept_keyword("ORDER")) {
      expect_keyword("BY");
      do q.order_by.push_back(order_item());
      while (accept_symbol(","));
    }
    for (auto word : {"GROUP", "HAVING", "UNION", "MINUS", "INTERSECT", "FETCH"})
      if (is_keyword(word)) unsupported(word);
    accept_symbol(";");
    if (peek().kind != TokenKind::end) fail(fmt::format("unexpected {} after the end of the query", show(peek())));
    return q;
  }

 private:
  const Token& peek(std::size_t ahead = 0) const { return t_[std::min(i_ + ahead, t_.size() - 1)]; }
  const Token& take() { return t_[i_ < t_.size() - 1 ? i_++ : i_]; }
  bool is_keyword(std::string_view word, std::size_t ahead = 0) const {
    return peek(ahead).kind == TokenKind::identifier && iequals(peek(ahead).text, word);
  }
  bool is_symbol(std::string_view s) const { return peek().kind == TokenKind::symbol && peek().text == s; }
  bool accept_keyword(std::string_view word) { return is_keyword(word) ? (take(), true) : false; }
  bool accept_symbol(std::string_view s) { return is_symbol(s) ? (take(), true) : false; }
  [[noreturn]] void fail(std::string message) const { throw QueryError(std::move(message), peek().position); }
  [[noreturn]] void unsupported(std::string_view what) const {
    fail(fmt::format("{} is not supported by the simulated SuiteQL", what));
  }
  void expect_keyword(std::string_view word) {
    if (!accept_keyword(word)) fail(fmt::format("expected {} but found {}", word, show(peek())));
  }
  void expect_symbol(std::string_view s) {
    if (!accept_symbol(s)) fail(fmt::format("expected '{}' but found {}", s, show(peek())));
  }
  std::string identifier(std::string_view what) {
    const Token& t = peek();
    if ((t.kind == TokenKind::identifier && !is_reserved(t)) || t.kind == TokenKind::quoted_identifier)
      return take().text;
    fail(fmt::format("expected {} but found {}", what, show(t)));
  }

  bool starts_alias() const {
    return (peek().kind == TokenKind::identifier && !is_reserved(peek())) ||
           peek().kind == TokenKind::quoted_identifier;
  }

  SelectItem select_item() {
    if (is_symbol("*")) unsupported("SELECT * (list the columns)");
    SelectItem item;
    item.expr = expr();
    if (accept_keyword("AS")) item.alias = identifier("an alias after AS");
    else if (starts_alias()) item.alias = take().text;
    return item;
  }

  TableRef table_ref() {
    TableRef ref;
    ref.position = peek().position;
    ref.name = identifier("a table name");
    if (is_symbol("(")) unsupported("a subquery or table function in FROM");
    if (accept_keyword("AS")) ref.alias = identifier("a table alias after AS");
    else if (starts_alias()) ref.alias = take().text;
    return ref;
  }

  std::optional<JoinKind> join_start() {
    if (accept_keyword("JOIN")) return JoinKind::inner;
    if (is_keyword("INNER")) {
      take();
      expect_keyword("JOIN");
      return JoinKind::inner;
    }
    if (is_keyword("LEFT")) {
      take();
      accept_keyword("OUTER");
      expect_keyword("JOIN");
      return JoinKind::left;
    }
    for (auto word : {"RIGHT", "FULL", "CROSS"})
      if (is_keyword(word)) unsupported(fmt::format("{} JOIN", word));
    return std::nullopt;
  }

  JoinClause join(JoinKind kind) {
    JoinClause j;
    j.kind = kind;
    j.table = table_ref();
    expect_keyword("ON");
    j.on = expr();
    return j;
  }

  OrderItem order_item() {
    OrderItem item;
    item.expr = expr();
    if (accept_keyword("DESC")) item.descending = true;
    else accept_keyword("ASC");
    if (is_keyword("NULLS")) unsupported("NULLS FIRST/LAST");
    return item;
  }

  ExprPtr expr() {
    ExprPtr left = conjunction();
    while (is_keyword("OR")) {
      take();
      left = make_binary(ExprKind::or_, std::move(left), conjunction());
    }
    return left;
  }

  ExprPtr conjunction() {
    ExprPtr left = negation();
    while (is_keyword("AND")) {
      take();
      left = make_binary(ExprKind::and_, std::move(left), negation());
    }
    return left;
  }

  ExprPtr negation() {
    if (!is_keyword("NOT")) return predicate();
    auto e = make(ExprKind::not_, take().position);
    e->args.push_back(negation());
    return e;
  }

  static std::optional<CompareOp> compare_op(const Token& t) {
    if (t.kind != TokenKind::symbol) return std::nullopt;
    if (t.text == "=") return CompareOp::eq;
    if (t.text == "!=" || t.text == "<>") return CompareOp::ne;
    if (t.text == "<") return CompareOp::lt;
    if (t.text == "<=") return CompareOp::le;
    if (t.text == ">") return CompareOp::gt;
    if (t.text == ">=") return CompareOp::ge;
    return std::nullopt;
  }

  ExprPtr predicate() {
    ExprPtr left = primary();
    reject_arithmetic();
    if (const auto op = compare_op(peek())) {
      take();
      auto e = make_binary(ExprKind::compare, std::move(left), primary());
      e->op = *op;
      return e;
    }
    if (accept_keyword("IS")) {
      auto e = make(ExprKind::is_null, left->position);
      e->negated = accept_keyword("NOT");
      expect_keyword("NULL");
      e->args.push_back(std::move(left));
      return e;
    }
    const bool negated = is_keyword("NOT") && (is_keyword("IN", 1) || is_keyword("LIKE", 1) ||
                                               is_keyword("BETWEEN", 1));
    if (negated) take();
    if (accept_keyword("IN")) return in_list(std::move(left), negated);
    if (accept_keyword("LIKE")) {
      auto e = make_binary(ExprKind::like, std::move(left), primary());
      e->negated = negated;
      if (is_keyword("ESCAPE")) unsupported("LIKE ... ESCAPE");
      return e;
    }
    if (accept_keyword("BETWEEN")) {
      auto e = make_binary(ExprKind::between, std::move(left), primary());
      expect_keyword("AND");
      e->args.push_back(primary());
      e->negated = negated;
      return e;
    }
    return left;
  }

  ExprPtr in_list(ExprPtr left, bool negated) {
    auto e = make(ExprKind::in_list, left->position);
    e->negated = negated;
    e->args.push_back(std::move(left));
    expect_symbol("(");
    if (is_keyword("SELECT")) unsupported("a subquery in IN (...)");
    do e->args.push_back(primary());
    while (accept_symbol(","));
    expect_symbol(")");
    return e;
  }

  ExprPtr primary() {
    const Token& t = peek();
    if (t.kind == TokenKind::number) {
      auto e = make(ExprKind::number, t.position);
      e->name = take().text;
      return e;
    }
    if (t.kind == TokenKind::string) {
      auto e = make(ExprKind::string, t.position);
      e->name = take().text;
      return e;
    }
    if (t.kind == TokenKind::symbol && t.text == "-" && peek(1).kind == TokenKind::number) {
      auto e = make(ExprKind::number, take().position);
      e->name = "-" + take().text;
      return e;
    }
    if (accept_symbol("(")) {
      if (is_keyword("SELECT")) unsupported("a subquery");
      ExprPtr inner = expr();
      expect_symbol(")");
      return inner;
    }
    if (is_keyword("NULL")) return make(ExprKind::null, take().position);
    if (t.kind == TokenKind::identifier && !is_reserved(t) && peek(1).kind == TokenKind::symbol &&
        peek(1).text == "(")
      return function_call();
    if ((t.kind == TokenKind::identifier && !is_reserved(t)) || t.kind == TokenKind::quoted_identifier)
      return column();
    reject_arithmetic();
    fail(fmt::format("expected an expression but found {}", show(t)));
  }

  void reject_arithmetic() const {
    const Token& t = peek();
    if (t.kind == TokenKind::symbol && (t.text == "+" || t.text == "-" || t.text == "*" || t.text == "/" ||
                                        t.text == "||"))
      unsupported(fmt::format("the operator '{}'", t.text));
  }

  ExprPtr function_call() {
    auto e = make(ExprKind::function, peek().position);
    e->name = to_upper_ascii(take().text);
    expect_symbol("(");
    if (!is_symbol(")")) {
      do e->args.push_back(expr());
      while (accept_symbol(","));
    }
    expect_symbol(")");
    return e;
  }

  ExprPtr column() {
    auto e = make(ExprKind::column, peek().position);
    e->name = take().text;
    if (accept_symbol(".")) {
      e->qualifier = std::move(e->name);
      e->name = identifier("a column name after '.'");
    }
    return e;
  }

  std::vector<Token> t_;
  std::size_t i_ = 0;
};

}  // namespace

SelectQuery parse_suiteql(std::string_view query) { return Parser(tokenize(query)).query(); }

}  // namespace o2c::sim::netsuite
