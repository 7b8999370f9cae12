// sim/netsuite/suiteql_ast.h
// The syntax tree of the SuiteQL subset the simulator understands, as the
// parser builds it. The binder then annotates expressions in place (which
// table slot and column a name refers to, static types, folded constants,
// parsed date formats), so one tree serves parsing, checking and evaluation.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/netsuite/suiteql_datefmt.h"
#include "sim/netsuite/suiteql_value.h"

namespace o2c::sim::netsuite {

enum class ExprKind {
  column,    // [qualifier.]name
  number,    // numeric literal (text kept exact)
  string,    // 'text'
  null,      // NULL
  function,  // name(args...), name upper-cased
  compare,   // args[0] op args[1]
  and_,      // args[0] AND args[1]
  or_,       // args[0] OR args[1]
  not_,      // NOT args[0]
  in_list,   // args[0] [NOT] IN (args[1..])
  is_null,   // args[0] IS [NOT] NULL
  like,      // args[0] [NOT] LIKE args[1]
  between,   // args[0] [NOT] BETWEEN args[1] AND args[2]
};

enum class CompareOp { eq, ne, lt, le, gt, ge };

// Static type of an expression, known after binding.
enum class ValueType { unknown, null, boolean, number, key, text, date, time, predicate };

struct Expr {
  ExprKind kind = ExprKind::null;
  std::size_t position = 0;  // byte offset of the expression's first token
  std::string qualifier;     // column: table alias as written, or ""
  std::string name;          // column name, function name (upper case), literal text
  CompareOp op = CompareOp::eq;
  bool negated = false;      // NOT IN, IS NOT NULL, NOT LIKE, NOT BETWEEN
  std::vector<std::unique_ptr<Expr>> args;

  // Filled by the binder.
  int slot = -1;                     // column: index of its table in the FROM clause
  std::size_t column = 0;            // column: index into that table's columns()
  SimType column_type = SimType::text;
  ValueType type = ValueType::unknown;
  int depth = -1;                    // deepest slot referenced, -1 = constant
  std::optional<Val> constant;       // value folded at bind time
  std::optional<DateFormat> format;  // TO_CHAR / TO_DATE format argument
};
using ExprPtr = std::unique_ptr<Expr>;

struct SelectItem {
  ExprPtr expr;
  std::string alias;  // as written, "" when none
};

struct TableRef {
  std::string name;   // as written
  std::string alias;  // as written, "" when none
  std::size_t position = 0;
};

enum class JoinKind { inner, left };

struct JoinClause {
  JoinKind kind = JoinKind::inner;
  TableRef table;
  ExprPtr on;
};

struct OrderItem {
  ExprPtr expr;
  bool descending = false;
};

struct SelectQuery {
  std::vector<SelectItem> select;
  TableRef from;
  std::vector<JoinClause> joins;
  ExprPtr where;  // null when absent
  std::vector<OrderItem> order_by;
};

}  // namespace o2c::sim::netsuite
