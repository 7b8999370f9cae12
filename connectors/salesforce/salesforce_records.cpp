// connectors/salesforce/salesforce_records.cpp — one pass of simdjson
// On-Demand over an answer: the envelope fields, and per record its Id and
// modstamp plus its exact text (taken from the original bytes by offset).
#include "connectors/salesforce/salesforce_records.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "connectors/json_records.h"
#include "connectors/salesforce/salesforce_query.h"
#include "core/text.h"
#include "core/time.h"

namespace o2c::salesforce {
namespace {

namespace od = simdjson::ondemand;

connectors::RawRecord cut_record(od::value item, const RecordKeys& keys, const char* parsed_base,
                                 std::string_view original) {
  connectors::JsonItem cut =
      connectors::cut_json_item(item, keys.id_field, keys.modstamp_field, true, parsed_base, original);
  connectors::RawRecord record;
  record.body = std::move(cut.body);
  if (!cut.is_object) {
    record.defect = "record is not a JSON object";
    return record;
  }
  const auto& id = cut.id;
  const auto& modstamp = cut.modstamp;
  if (!id) record.defect = fmt::format("record has no {}", keys.id_field);
  else if (record.id = *id; !is_salesforce_id(*id))
    record.defect = fmt::format("{} '{}' is not a Salesforce record id", keys.id_field, id->substr(0, 40));
  if (const auto t = modstamp ? try_parse_timestamp(*modstamp) : std::nullopt) record.modified = *t;
  else if (record.defect.empty())
    record.defect = modstamp ? fmt::format("{} '{}' is not a timestamp", keys.modstamp_field, modstamp->substr(0, 40))
                             : fmt::format("record has no {}", keys.modstamp_field);
  return record;
}

}  // namespace

std::optional<QueryBatch> cut_query_batch(std::string_view body, const RecordKeys& keys, std::string& problem) {
  simdjson::padded_string json(body);
  if (!is_valid_utf8(body)) replace_invalid_utf8(json.data(), json.size());   // rare: keep the fast path fast
  QueryBatch batch;
  bool have_total = false, have_done = false, have_records = false;
  try {
    od::parser parser;
    od::document doc = parser.iterate(json);
    for (auto field : doc.get_object()) {
      const std::string_view key = field.unescaped_key();
      if (key == "totalSize") {
        batch.total_size = static_cast<long>(field.value().get_uint64().value());
        have_total = true;
      } else if (key == "done") {
        batch.done = field.value().get_bool();
        have_done = true;
      } else if (key == "nextRecordsUrl") {
        od::value v = field.value();
        if (!v.is_null()) batch.next_records_url = std::string(v.get_string().value());
      } else if (key == "records") {
        for (auto item : field.value().get_array())
          batch.records.push_back(cut_record(item.value(), keys, json.data(), body));
        have_records = true;
      }
    }
    if (!doc.current_location().error()) {
      problem = fmt::format("JSON answer with content after its end ({} bytes)", body.size());
      return std::nullopt;
    }
  } catch (const simdjson::simdjson_error& e) {
    problem = fmt::format("truncated or malformed JSON ({} bytes): {}", body.size(), e.what());
    return std::nullopt;
  }
  if (!have_total || !have_done || !have_records) {
    problem = fmt::format("JSON answer without {}", !have_total ? "totalSize" : !have_done ? "done" : "records");
    return std::nullopt;
  }
  if (!batch.done && batch.next_records_url.empty()) {
    problem = "JSON answer with done=false but no nextRecordsUrl";
    return std::nullopt;
  }
  return batch;
}

}  // namespace o2c::salesforce
