// connectors/oracle/oracle_records.h — a Fusion collection answer cut into
// raw records (internal to the oracle module). Each record keeps its exact
// JSON text as the pod sent it (amounts as their exact number or string
// tokens, nulls as null), keyed by the mapping's id attribute and modstamp.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/source.h"

namespace o2c::oracle {

struct CollectionPage {
  long count = 0;                       // items in this page, as announced
  bool has_more = false;
  long limit = -1;                      // the limit the server used, -1 when absent
  long offset = -1;                     // as announced, -1 when absent
  std::optional<long> total_results;    // absent unless the pod counted
  std::vector<connectors::RawRecord> records;
};

// Cuts one answer body. Returns nullopt and says why in `problem` when the
// body is not a usable answer (malformed or truncated JSON, or without
// items, count or hasMore), which the caller treats as transient. An item
// without a readable id or modstamp (ISO 8601 with offset) comes back with
// `defect` set; bytes that are not UTF-8 stay in that record's body.
std::optional<CollectionPage> cut_collection_page(std::string_view body, std::string_view id_field,
                                                  std::string_view cursor_field, std::string& problem);

}  // namespace o2c::oracle
