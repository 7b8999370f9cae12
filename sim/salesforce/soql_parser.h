// sim/salesforce/soql_parser.h
// Recursive-descent parser for the SOQL subset the simulator serves:
//   SELECT (COUNT() | path {, path}) FROM object
//   [WHERE cond] [ORDER BY path [ASC|DESC] [NULLS FIRST|LAST] {, ...}]
//   [LIMIT n] [OFFSET n]
//   cond := term {AND term} | term {OR term}   (mixing AND and OR needs parentheses, as in SOQL)
//   term := NOT term | '(' cond ')' | path op literal | path [NOT] IN (literal, ...) | path LIKE 'pattern'
// Errors are ApiError MALFORMED_QUERY "unexpected token 'X' at position N";
// OFFSET above 2000 is NUMBER_OUTSIDE_VALID_RANGE.
#pragma once

#include <string_view>

#include "sim/salesforce/soql_ast.h"

namespace o2c::sim::salesforce::soql {

inline constexpr std::size_t kMaxOffset = 2000;

Query parse_query(std::string_view soql);

}  // namespace o2c::sim::salesforce::soql
