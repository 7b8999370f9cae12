// connectors/sql/sql_query.h — the mapping's SELECT made ready for ODBC
// (internal to the sql module): each :cursor and :last_id outside quotes and
// comments becomes a positional '?', so a parameter may appear any number of
// times (SOCI's named binding binds only the first occurrence of a name).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace o2c::sql {

enum class Parameter { cursor, last_id };

struct BoundQuery {
  std::string text;                  // what is prepared
  std::vector<Parameter> parameters; // one per '?', in order
};

// Comments are dropped (SOCI's parser does not know them), optimizer hints
// /*+ ... */ kept. Throws Error(config) with a message starting "query: " for
// a missing :cursor or :last_id, any other :name or '?', and PostgreSQL's
// x::type casts (SOCI would read ":type" as a parameter; write CAST(x AS type)).
BoundQuery bind_parameters(std::string_view sql);

}  // namespace o2c::sql
