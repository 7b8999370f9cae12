// connectors/oracle/oracle_records.cpp — one pass of simdjson On-Demand over
// a collection answer: the envelope, and per item its id and modstamp plus
// its exact text (taken from the original bytes by offset).
#include "connectors/oracle/oracle_records.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "connectors/json_records.h"
#include "core/text.h"
#include "core/time.h"

namespace o2c::oracle {
namespace {

namespace od = simdjson::ondemand;

connectors::RawRecord cut_item(od::value item, std::string_view id_field, std::string_view cursor_field,
                               const char* parsed_base, std::string_view original) {
  connectors::JsonItem cut = connectors::cut_json_item(item, id_field, cursor_field, false, parsed_base, original);
  connectors::RawRecord record;
  record.body = std::move(cut.body);
  if (!cut.is_object) {
    record.defect = "item is not a JSON object";
    return record;
  }
  if (!cut.id || cut.id->empty() || *cut.id == "(not a scalar)") {
    record.defect = fmt::format("item has no {} (the mapping's id attribute)", id_field);
    if (cut.id && *cut.id == "(not a scalar)") record.defect = fmt::format("{} is not a scalar", id_field);
    return record;
  }
  record.id = *cut.id;
  if (const auto t = cut.modstamp ? try_parse_timestamp(*cut.modstamp) : std::nullopt)
    record.modified = *t;
  else
    record.defect = cut.modstamp ? fmt::format("{} '{}' is not an ISO 8601 timestamp", cursor_field,
                                               cut.modstamp->substr(0, 40))
                                 : fmt::format("item has no {} (the mapping's cursor attribute is null)", cursor_field);
  return record;
}

long read_count(od::value value) { return static_cast<long>(value.get_int64().value()); }

}  // namespace

std::optional<CollectionPage> cut_collection_page(std::string_view body, std::string_view id_field,
                                                  std::string_view cursor_field, std::string& problem) {
  simdjson::padded_string json(body);
  if (!is_valid_utf8(body)) replace_invalid_utf8(json.data(), json.size());   // rare: keep the fast path fast
  CollectionPage page;
  bool have_items = false, have_count = false, have_more = false;
  try {
    od::parser parser;
    od::document doc = parser.iterate(json);
    for (auto field : doc.get_object()) {
      const std::string_view key = field.unescaped_key();
      if (key == "items") {
        for (auto item : field.value().get_array())
          page.records.push_back(cut_item(item.value(), id_field, cursor_field, json.data(), body));
        have_items = true;
      } else if (key == "count") {
        page.count = read_count(field.value());
        have_count = true;
      } else if (key == "hasMore") {
        page.has_more = field.value().get_bool();
        have_more = true;
      } else if (key == "totalResults") {
        page.total_results = read_count(field.value());
      } else if (key == "limit") {
        page.limit = read_count(field.value());
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
  if (!have_items || !have_count || !have_more) {
    problem = fmt::format("JSON answer without {}", !have_items ? "items" : !have_count ? "count" : "hasMore");
    return std::nullopt;
  }
  return page;
}

}  // namespace o2c::oracle
