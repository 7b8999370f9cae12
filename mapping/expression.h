// mapping/expression.h — the mapping expression language (this release's
// subset): field paths (Account.Name), literals, ==/!=, and the functions
// coalesce, trim, upper, lower, concat, money, date, datetime, bool, case,
// negate. An expression is compiled once (parse → AST → type check against
// the functions' signatures) and evaluated per record against the values the
// record extractor put into slots. Everything outside this header sees only
// compile_expression() and evaluate(), so a fuller language can replace it.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "mapping/value.h"

namespace o2c::mapping {

enum class Op {
  literal, field, call,                       // call: resolved to one of the ops below by the checker
  coalesce, trim, upper, lower, concat, money, date, datetime, to_bool, case_of, negate,
  equals, not_equals,
};

struct Expr {
  Op op = Op::literal;
  ExprType type = ExprType::any;
  int pos = 0;                  // byte offset in the expression text (for errors)
  Value literal;                // Op::literal
  std::string name;             // field path (Op::field) or function name (Op::call)
  int slot = -1;                // Op::field: index of the extracted value
  std::vector<Expr> args;
  // case(x, {k: v, ...}, default: d): keys and results as literal text.
  std::vector<std::pair<std::string, std::string>> cases;
  std::optional<std::string> case_default;
  std::vector<int> case_value_pos;   // positions of each case result (and the default last)
  std::string date_format;           // date(x, "M/D/YYYY")
};

// Where an expression sits in its file, and how field paths become slots.
struct CompileContext {
  int line = 0;                 // 1-based line of the first character of the expression
  int column = 0;               // 1-based column of the first character
  Problems* problems = nullptr;
  // Registers a field path and returns its slot, or reports a problem (with
  // the given text offset) and returns -1.
  std::function<int(const std::string& path, int pos)> resolve_field;
};

// Parses and type-checks `text`. Problems go to ctx.problems; the returned
// tree is only meaningful when none were added.
Expr compile_expression(std::string_view text, const CompileContext& ctx);

// Evaluates a compiled expression. Throws EvalError (or o2c::Error(data) from
// Money/time parsing) for a value that does not fit, e.g. an unknown currency.
Value evaluate(const Expr& expr, const std::vector<Value>& slots);

// Collects the result values of case() nodes in `expr` (for enum checks),
// with their offsets in the text.
void collect_case_results(const Expr& expr, std::vector<std::pair<std::string, int>>& out);

// "M/D/YYYY", "DD.MM.YYYY", "YYYY-MM-DD": tokens YYYY, MM, M, DD, D; anything else literal.
bool is_valid_date_format(std::string_view format);
std::optional<Date> parse_date_with_format(std::string_view text, std::string_view format);

}  // namespace o2c::mapping
