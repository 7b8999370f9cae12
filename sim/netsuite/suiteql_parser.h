// sim/netsuite/suiteql_parser.h
// Recursive-descent parser for the SuiteQL subset:
//   SELECT expr [[AS] alias], ...
//   FROM table [alias] {[INNER] JOIN | LEFT [OUTER] JOIN table [alias] ON cond}
//   [WHERE cond] [ORDER BY expr [ASC|DESC], ...] [;]
// with expressions: [alias.]column, 'string', number, NULL, name(args),
// ( ), comparisons = != <> < <= > >=, [NOT] IN (...), IS [NOT] NULL,
// [NOT] LIKE, [NOT] BETWEEN .. AND .., NOT, AND, OR. Throws QueryError with
// the position of the offending token; names are resolved later (binder).
#pragma once

#include <string_view>

#include "sim/netsuite/suiteql_ast.h"

namespace o2c::sim::netsuite {

SelectQuery parse_suiteql(std::string_view query);

}  // namespace o2c::sim::netsuite
