// sim/sap/odata_filter.h
// $filter and $orderby as the simulated Gateway reads them: a lexer and a
// recursive-descent parser for the subset o2csync and ordinary clients send —
// eq ne gt ge lt le, and or not, parentheses, string literals with ''
// escapes, numbers (12, 12.50, 12.50M, 12L), true/false, null, and the
// date/time literals of each protocol version: V2 datetime'2026-11-24T10:00:00'
// and datetimeoffset'2026-11-24T10:00:00Z'; V4 bare 2026-11-24T10:00:00Z and
// 2026-11-24. Errors are ODataError 400 naming the problem and its offset.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sim/sap/sap_error.h"
#include "sim/sap/sap_values.h"

namespace o2c::sim::sap {

enum class CompareOp { eq, ne, gt, ge, lt, le };
const char* op_name(CompareOp op);

struct FilterNode {
  enum class Kind { all_of, any_of, negation, compare };
  Kind kind = Kind::compare;
  std::vector<FilterNode> children;   // all_of / any_of: 2+, negation: 1
  std::string property;               // compare: the property (always on the left after parsing)
  std::size_t property_position = 0;
  CompareOp op = CompareOp::eq;
  Literal literal;
};

// Throws ODataError(400) naming what is wrong and where.
FilterNode parse_filter(std::string_view text, ODataVersion version);

struct OrderKey {
  std::string property;
  bool descending = false;
  std::size_t position = 0;
};
// "BillingDocument asc, LastChangeDateTime desc". Throws ODataError(400).
std::vector<OrderKey> parse_orderby(std::string_view text);

}  // namespace o2c::sim::sap
