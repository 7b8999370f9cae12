// connectors/salesforce/salesforce_query.h — the SOQL text of one query of a
// pass and the GET URL that carries it (internal to the salesforce module).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "connectors/source.h"
#include "core/time.h"

namespace o2c::salesforce {

// Salesforce answers 414/431 once request line + headers pass 16,384 bytes;
// the URL keeps 1 KiB of that for the headers (Authorization, Host, ...).
inline constexpr std::size_t kMaxUrlBytes = 16384 - 1024;

bool is_salesforce_id(std::string_view text);     // 15 or 18 characters [A-Za-z0-9]
bool is_soql_identifier(std::string_view text);   // Name, Customer_PO__c
bool is_soql_field_path(std::string_view text);   // Name, Account.Owner.Name

// SELECT Id, SystemModstamp, <fields> FROM <object>
// [WHERE SystemModstamp >= <since, whole seconds, UTC>Z] [AND Id > '<after_id>'] [AND (<where>)]
// ORDER BY Id ASC
// Fields are deduplicated case-insensitively. Throws Error(config) on an
// object, field or where clause that cannot be sent as written, and
// Error(store) when `after_id` (from a stored cursor) is not a Salesforce id.
std::string build_soql(const connectors::QuerySpec& query, std::optional<Timestamp> since, std::string_view after_id);

// {base}/services/data/v{api_version}/{query|queryAll}?q=<soql, percent-encoded>.
// Throws Error(config) naming the object when the URL would exceed kMaxUrlBytes.
std::string soql_url(std::string_view base, std::string_view api_version, bool include_deleted,
                     std::string_view soql, std::string_view object);

// "Id" / "SystemModstamp" unless the mapping names other fields.
std::string id_field_of(const connectors::QuerySpec& query);
std::string modstamp_field_of(const connectors::QuerySpec& query);

}  // namespace o2c::salesforce
