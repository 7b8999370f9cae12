// connectors/salesforce/salesforce_records.h — a /query answer cut into raw
// records (internal to the salesforce module). Each record keeps its exact
// JSON text, so amounts keep their exact digits and the mapper sees the
// record as Salesforce sent it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/source.h"

namespace o2c::salesforce {

struct RecordKeys {
  std::string id_field = "Id";                  // matched case-insensitively among a record's top-level keys
  std::string modstamp_field = "SystemModstamp";
};

struct QueryBatch {
  long total_size = 0;                          // records the whole query yields
  bool done = false;
  std::string next_records_url;                 // host-relative, set while !done
  std::vector<connectors::RawRecord> records;
};

// Cuts one answer body into records. Returns nullopt and says why in
// `problem` when the body is not a usable answer (malformed or truncated
// JSON, or without totalSize/done/records/nextRecordsUrl), which the caller
// treats as transient. A record without a readable Id or modstamp comes back
// with `defect` set; bytes that are not UTF-8 stay in the record's body as
// they arrived (the mapper reports them) and do not affect other records.
std::optional<QueryBatch> cut_query_batch(std::string_view body, const RecordKeys& keys, std::string& problem);

}  // namespace o2c::salesforce
