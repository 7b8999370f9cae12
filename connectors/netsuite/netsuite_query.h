// connectors/netsuite/netsuite_query.h — the SuiteQL text of one window of a
// pass, the JSON body that carries it and the paging URL (internal to the
// netsuite module).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "connectors/netsuite/netsuite_timezone.h"
#include "connectors/source.h"
#include "core/time.h"

namespace o2c::netsuite {

inline constexpr std::string_view kIdAlias = "o2c_id";              // the record id column of every query
inline constexpr std::string_view kModifiedAlias = "o2c_modified";  // its modstamp, 'YYYY-MM-DD HH24:MI:SS' wall time
inline constexpr std::string_view kSuiteqlPath = "/services/rest/query/v1/suiteql";

bool is_netsuite_id(std::string_view text);   // an internal id: 1 to 19 digits

// SELECT <id> AS o2c_id, TO_CHAR(<cursor>, 'YYYY-MM-DD HH24:MI:SS') AS o2c_modified, <expr> AS <alias>, ...
// FROM <from> WHERE [(<where>) AND] [<cursor> >= TO_DATE('<since>', 'YYYY-MM-DD HH24:MI:SS') AND] [<id> > <after_id>]
// ORDER BY <id> ASC   ("1 = 1" when there is no condition).
// <since> is the UTC cursor as wall time in `zone` (AccountTimeZone::lower_bound_text).
// Throws Error(config) naming the mapping's object on a select, from or where
// that cannot be sent as written, Error(store) when `after_id` (from a stored
// cursor) is not an internal id.
std::string build_suiteql(const connectors::QuerySpec& query, std::optional<Timestamp> since,
                          std::string_view after_id, const AccountTimeZone& zone);

// {"q":"<suiteql>"} with JSON escaping.
std::string suiteql_body(std::string_view suiteql);
// {base}/services/rest/query/v1/suiteql?limit=L&offset=K
std::string suiteql_url(std::string_view base, int limit, long offset);

}  // namespace o2c::netsuite
