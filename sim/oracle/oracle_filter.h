// sim/oracle/oracle_filter.h
// The `q` parameter of a collection GET, parsed. REST-Framework-Version 1
// reads query-by-example: `Attr=value;Attr2>value` (conditions joined by
// `;` mean AND, values unquoted or quoted, operators = != <> < <= > >= and
// LIKE). Version 2 and later read rowmatch expressions: comparisons,
// `and`/`or`/`not`, parentheses, `[not] like`, `[not] between .. and ..`,
// `[not] in (..)`, `is [not] null`, quoted string literals ('' escapes a
// quote), numbers, true/false. Keywords are case-insensitive, attribute
// names are not. Both give the same tree, bound by oracle_filter_bind.h.
#pragma once

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace o2c::sim::oracle {

class FilterError : public std::runtime_error {
 public:
  FilterError(std::string message, std::size_t position)
      : std::runtime_error(std::move(message)), position_(position) {}
  std::size_t position() const { return position_; }   // byte offset into the q text

 private:
  std::size_t position_;
};

struct FilterLiteral {
  enum class Kind { text, number, boolean };
  Kind kind = Kind::text;
  std::string text;            // the string, or the number as written
  bool flag = false;           // boolean
  std::size_t position = 0;
};

enum class FilterOp { eq, ne, lt, le, gt, ge, like, between, in, is_null };

struct FilterNode {
  enum class Kind { and_, or_, not_, predicate };
  Kind kind = Kind::predicate;
  std::vector<std::unique_ptr<FilterNode>> args;   // and/or: 2, not: 1
  // predicate: <attribute> <op> <values>, negated for not like / not between / not in / is not null
  std::string attribute;
  std::size_t position = 0;
  FilterOp op = FilterOp::eq;
  bool negated = false;
  std::vector<FilterLiteral> values;
};

// Throws FilterError naming what is wrong and where.
std::unique_ptr<FilterNode> parse_rowmatch(std::string_view text);
std::unique_ptr<FilterNode> parse_query_by_example(std::string_view text);

// "at character 17 (near 'foo')" for error messages.
std::string describe_position(std::string_view text, std::size_t position);

}  // namespace o2c::sim::oracle
