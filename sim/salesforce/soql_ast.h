// sim/salesforce/soql_ast.h
// The SOQL subset as parsed, before names are resolved against a table.
// Positions are 1-based character offsets into the query text (what error
// messages report).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "sim/sim_table.h"

namespace o2c::sim::salesforce::soql {

struct FieldPath {
  std::vector<std::string> parts;  // "Account.Parent.Name" → {"Account","Parent","Name"}
  std::size_t position = 0;
  std::string text() const;  // the path as written, joined by '.'
};

enum class LiteralKind { null, boolean, number, string, date, datetime };

struct Literal {
  LiteralKind kind = LiteralKind::null;
  bool boolean = false;
  std::string text;          // number: decimal text; string: decoded value
  std::string like_pattern;  // string: decoded, but \% \_ \\ kept escaped (for LIKE)
  SimDate date{};
  SimTime time{};
  std::string raw;  // as written, for error messages
  std::size_t position = 0;
};

enum class CompareOp { eq, ne, lt, le, gt, ge, like, in, not_in };

struct Condition {
  enum class Kind { all_of, any_of, negation, predicate };
  Kind kind = Kind::predicate;
  std::vector<Condition> children;  // all_of / any_of: 2+; negation: 1
  FieldPath field;                  // predicate
  CompareOp op = CompareOp::eq;
  std::vector<Literal> values;  // predicate: 1, or the IN list
  std::size_t position = 0;
};

struct OrderItem {
  FieldPath field;
  bool descending = false;
  bool nulls_first = true;  // SOQL default: ASC NULLS FIRST, DESC NULLS LAST
};

struct Query {
  bool count_only = false;  // SELECT COUNT()
  std::vector<FieldPath> select;
  std::string object;
  std::size_t object_position = 0;
  std::optional<Condition> where;
  std::vector<OrderItem> order_by;
  std::optional<std::size_t> limit;
  std::optional<std::size_t> offset;
};

}  // namespace o2c::sim::salesforce::soql
