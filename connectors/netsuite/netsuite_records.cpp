// connectors/netsuite/netsuite_records.cpp — one pass of simdjson On-Demand
// over a SuiteQL answer: the envelope, and per item its o2c_id and
// o2c_modified plus its exact text (taken from the original bytes by offset).
#include "connectors/netsuite/netsuite_records.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "connectors/json_records.h"
#include "connectors/netsuite/netsuite_query.h"
#include "core/text.h"
#include "core/time.h"

namespace o2c::netsuite {
namespace {

namespace od = simdjson::ondemand;

void check_keys(connectors::RawRecord& record, const std::optional<std::string>& id,
                const std::optional<std::string>& modified, const AccountTimeZone& zone) {
  if (!id) record.defect = fmt::format("item has no {} (the mapping's id expression gave null)", kIdAlias);
  else if (record.id = *id; !is_netsuite_id(*id))
    record.defect = fmt::format("{} '{}' is not a NetSuite internal id", kIdAlias, id->substr(0, 40));
  if (const auto t = modified ? zone.parse_wall_time(*modified) : std::nullopt) record.modified = *t;
  else if (record.defect.empty())
    record.defect = modified ? fmt::format("{} '{}' is not a 'YYYY-MM-DD HH24:MI:SS' timestamp", kModifiedAlias,
                                           modified->substr(0, 40))
                             : fmt::format("item has no {} (the mapping's cursor column is null)", kModifiedAlias);
}

connectors::RawRecord cut_item(od::value item, const char* parsed_base, std::string_view original,
                               const AccountTimeZone& zone) {
  connectors::JsonItem cut = connectors::cut_json_item(item, kIdAlias, kModifiedAlias, false, parsed_base, original);
  connectors::RawRecord record;
  record.body = std::move(cut.body);
  if (!cut.is_object)
    record.defect = "item is not a JSON object";
  else
    check_keys(record, cut.id, cut.modstamp, zone);
  return record;
}

long read_count(od::value value) { return static_cast<long>(value.get_uint64().value()); }

}  // namespace

std::optional<SuiteqlPage> cut_suiteql_page(std::string_view body, const AccountTimeZone& zone,
                                            std::string& problem) {
  simdjson::padded_string json(body);
  if (!is_valid_utf8(body)) replace_invalid_utf8(json.data(), json.size());   // rare: keep the fast path fast
  SuiteqlPage page;
  bool have_items = false, have_count = false, have_more = false, have_total = false;
  try {
    od::parser parser;
    od::document doc = parser.iterate(json);
    for (auto field : doc.get_object()) {
      const std::string_view key = field.unescaped_key();
      if (key == "items") {
        for (auto item : field.value().get_array())
          page.records.push_back(cut_item(item.value(), json.data(), body, zone));
        have_items = true;
      } else if (key == "count") {
        page.count = read_count(field.value());
        have_count = true;
      } else if (key == "hasMore") {
        page.has_more = field.value().get_bool();
        have_more = true;
      } else if (key == "totalResults") {
        page.total_results = read_count(field.value());
        have_total = true;
      } else if (key == "offset") {
        page.offset = read_count(field.value());
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
  if (!have_items || !have_count || !have_more || !have_total) {
    problem = fmt::format("JSON answer without {}", !have_items ? "items" : !have_count ? "count"
                                                    : !have_more ? "hasMore" : "totalResults");
    return std::nullopt;
  }
  return page;
}

}  // namespace o2c::netsuite
