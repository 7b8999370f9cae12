// connectors/oracle/oracle_query.h — the q filter of one query window, the
// fields/expand projection and the collection URL of a page (internal to the
// oracle module). The id and cursor must be attribute names and the keyset
// id is written as a literal, so nothing read from a cursor or an answer can
// change the meaning of a query; the mapping's where is checked for closed
// literals and balanced parentheses before it is wrapped.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "connectors/source.h"
#include "core/time.h"

namespace o2c::oracle {

// '2026-11-24T10:00:00+00:00': the cursor cut to the whole second, UTC.
std::string timestamp_literal(Timestamp t);
// 100457 for an all-digit id, else 'text' with '' for a quote.
std::string id_literal(std::string_view id);

// <cursor> >= '<since>' and <id> > <after_id> and (<where>) — each part when
// it applies; "" when none does. Throws Error(config) naming the mapping's
// object when its id, cursor or where cannot be sent as written.
std::string build_q(const connectors::QuerySpec& query, std::optional<Timestamp> since, std::string_view after_id);

// fields= value: "A,B;child:C,D" from the mapping's field paths (plus the id
// and cursor); "" = every attribute. Throws Error(config) on a path that is
// neither an attribute nor child.attribute of an expanded child.
std::string fields_param(const connectors::QuerySpec& query);
// expand= value, "" when none. Throws Error(config) on a name that is not one.
std::string expand_param(const connectors::QuerySpec& query);

struct PageRequest {
  std::string fields, expand, q;   // as built above, unencoded
  int limit = 500;
  long offset = 0;
};
// {url}{service}?onlyData=true&totalResults=true&limit=..&offset=..&orderBy=<id>:asc[&fields=..][&q=..][&expand=..]
std::string collection_url(std::string_view url, const connectors::QuerySpec& query, const PageRequest& page);

}  // namespace o2c::oracle
