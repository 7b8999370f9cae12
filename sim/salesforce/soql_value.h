// sim/salesforce/soql_value.h
// How SOQL compares values: decimals exactly from their text (never through a
// double), Ids byte-wise, other text case-insensitively (as Salesforce does),
// dates and datetimes as instants, LIKE with '%' / '_' case-insensitively.
// A row value whose type differs from the literal's (planted bad data) is
// incomparable: it satisfies no =, <, >, LIKE or IN, and every != / NOT IN.
#pragma once

#include <optional>
#include <string_view>

#include "sim/salesforce/soql_ast.h"
#include "sim/sim_table.h"

namespace o2c::sim::salesforce::soql {

// <0, 0, >0 comparing two decimal texts ("-12.50" vs "3"); nullopt if either is not a decimal.
std::optional<int> compare_decimal_text(std::string_view a, std::string_view b);
// Case-folded (ASCII) comparison, then byte-wise.
int compare_text_case_insensitive(std::string_view a, std::string_view b);

// Row value against a non-null literal, for a column of type `type`.
std::optional<int> compare_to_literal(const SimValue& value, const Literal& literal, SimType type);
// SOQL LIKE: '%' any run, '_' one character, '\' escapes; case-insensitive.
bool like_match(std::string_view text, std::string_view pattern);

// Total order for ORDER BY between two non-null values of a column of type `type`
// (values of different SimValue alternatives order by alternative).
int compare_for_order(const SimValue& a, const SimValue& b, SimType type);

}  // namespace o2c::sim::salesforce::soql
