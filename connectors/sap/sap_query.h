// connectors/sap/sap_query.h — the OData text of one query of a pass, its
// URL, and the checks on a next link before it is followed (internal to the
// sap module).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "connectors/source.h"
#include "core/time.h"

namespace o2c::sap {

enum class Protocol { v2, v4 };
const char* to_string(Protocol protocol);

// "v2"/"v4" as configured, or with "auto" from the mapping's service path
// (under /sap/opu/odata4/ → V4, else V2).
Protocol protocol_of(std::string_view odata_version, const connectors::QuerySpec& query);

bool is_odata_identifier(std::string_view text);   // BillingDocument, YY1_SalesforceOrder_BDH
// SAP's ALPHA order of document numbers: all-digit keys by value, others byte-wise.
int compare_keys(std::string_view a, std::string_view b);

// (<where>) and <cursor> ge datetimeoffset'<since, whole seconds>Z' and <id> gt '<after_id>'
// (V4: <cursor> ge <since>Z). "" when there is no condition. Throws
// Error(config) naming the mapping's object on a where, id or cursor that
// cannot be sent as written, Error(store) on an after_id no key can have.
std::string build_filter(const connectors::QuerySpec& query, Protocol protocol, std::optional<Timestamp> since,
                         std::string_view after_id);

struct QueryUrl {
  std::string url;        // absolute, encoded
  std::string path;       // {service}/{object}, for messages
};
// {base}{service}/{object}?sap-client=..&$format=json&$select=..&$filter=..&$orderby=<id> asc
// &$top=<top>&$inlinecount=allpages[&$expand=..]  (V4: $count=true, no $format).
QueryUrl build_query_url(std::string_view base, std::string_view sap_client, const connectors::QuerySpec& query,
                         Protocol protocol, std::optional<Timestamp> since, std::string_view after_id, int top);

// The next link as the client sends it: resolved against the request URL
// when relative (V4 nextLink), kept byte for byte otherwise, sap-client
// appended when the server left it out. Throws Error(remote) when the link is
// not a URL or leaves the origin (scheme, host, port) of `request_url`.
std::string next_url(std::string_view request_url, std::string_view next, std::string_view sap_client,
                     std::string_view object);

}  // namespace o2c::sap
