// connectors/netsuite/netsuite_records.h — a SuiteQL answer cut into raw
// records (internal to the netsuite module). Each record keeps its exact JSON
// text (every value a string, null columns omitted, keys the lower-cased
// aliases), so the mapper sees the item as NetSuite sent it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/netsuite/netsuite_timezone.h"
#include "connectors/source.h"

namespace o2c::netsuite {

struct SuiteqlPage {
  long total_results = 0;      // rows the whole query yields
  long count = 0;              // items in this page, as announced
  bool has_more = false;
  long offset = -1;            // as announced, -1 when absent
  std::vector<connectors::RawRecord> records;
};

// Cuts one answer body into records (id from o2c_id, modified from
// o2c_modified, wall time in `zone`). Returns nullopt and says why in
// `problem` when the body is not a usable answer (malformed or truncated
// JSON, or without items, count, hasMore or totalResults), which the caller
// treats as transient. An item without a readable id or modstamp comes back
// with `defect` set; bytes that are not UTF-8 stay in that record's body as
// they arrived.
std::optional<SuiteqlPage> cut_suiteql_page(std::string_view body, const AccountTimeZone& zone,
                                            std::string& problem);

}  // namespace o2c::netsuite
