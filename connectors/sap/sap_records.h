// connectors/sap/sap_records.h — an OData answer cut into raw records
// (internal to the sap module). V2 {"d":{"__count":"N","results":[..],
// "__next":".."}}, V4 {"@odata.count":N,"value":[..],"@odata.nextLink":".."}.
// Each record keeps its exact JSON text (with __metadata, /Date(..)/ values
// and Edm.Decimal strings as SAP sent them), so the mapper reads it exactly.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/sap/sap_query.h"
#include "connectors/source.h"
#include "core/time.h"

namespace o2c::sap {

struct RecordKeys {
  std::string id_field;        // the key property, matched exactly (OData names are case-sensitive)
  std::string modstamp_field;  // the cursor property
};

struct ODataPage {
  std::optional<long> count;   // __count / @odata.count, when present
  std::string next;            // __next / @odata.nextLink as sent, "" = none
  std::vector<connectors::RawRecord> records;
};

// "/Date(1714556400000)/", "/Date(1714556400000+0120)/" (ms since the epoch,
// UTC; the offset says in which zone the value was entered, it does not move
// the instant — field-pitfalls #22) or ISO 8601 with a zone (V4).
std::optional<Timestamp> parse_odata_timestamp(std::string_view text);

// Cuts one answer body into records. Returns nullopt and says why in
// `problem` when the body is not a usable answer (malformed or truncated
// JSON, an error object in a 2xx, no results/value), which the caller treats
// as transient. An entity without a readable key or modstamp comes back with
// `defect` set; bytes that are not UTF-8 stay in that record's body.
std::optional<ODataPage> cut_odata_page(std::string_view body, Protocol protocol, const RecordKeys& keys,
                                        std::string& problem);

}  // namespace o2c::sap
