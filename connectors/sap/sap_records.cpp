// connectors/sap/sap_records.cpp — one pass of simdjson On-Demand over an
// OData answer: the envelope, and per entity its key and modstamp plus its
// exact text (taken from the original bytes by offset).
#include "connectors/sap/sap_records.h"

#include <charconv>

#include <fmt/format.h>
#include <simdjson.h>

#include "connectors/json_records.h"
#include "connectors/sap/sap_verdict.h"
#include "core/text.h"

namespace o2c::sap {
namespace {

namespace od = simdjson::ondemand;

connectors::RawRecord cut_entity(od::value item, const RecordKeys& keys, const char* parsed_base,
                                 std::string_view original) {
  connectors::JsonItem cut =
      connectors::cut_json_item(item, keys.id_field, keys.modstamp_field, false, parsed_base, original);
  connectors::RawRecord record;
  record.body = std::move(cut.body);
  if (!cut.is_object) {
    record.defect = "entity is not a JSON object";
    return record;
  }
  if (!cut.id || cut.id->empty() || *cut.id == "(not a scalar)")
    record.defect = fmt::format("entity has no {}", keys.id_field);
  else
    record.id = *cut.id;
  if (const auto t = cut.modstamp ? parse_odata_timestamp(*cut.modstamp) : std::nullopt) record.modified = *t;
  else if (record.defect.empty())
    record.defect = cut.modstamp ? fmt::format("{} '{}' is not an OData date-time", keys.modstamp_field,
                                               cut.modstamp->substr(0, 40))
                                 : fmt::format("entity has no {}", keys.modstamp_field);
  return record;
}

std::optional<long> read_count(od::value value) {
  if (value.type().value() == od::json_type::string) {
    const std::string_view text = value.get_string().value();
    long n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc() || end != text.data() + text.size() || n < 0) return std::nullopt;
    return n;
  }
  return static_cast<long>(value.get_uint64().value());
}

struct Envelope {
  bool have_records = false, bad_count = false;
  bool error = false;   // an {"error":..} where the data should be
};

void read_collection(od::object object, Protocol protocol, const RecordKeys& keys, const char* base,
                     std::string_view original, ODataPage& page, Envelope& env) {
  const bool v2 = protocol == Protocol::v2;
  for (auto field : object) {
    const std::string_view key = field.unescaped_key();
    if (key == (v2 ? "results" : "value")) {
      for (auto item : field.value().get_array()) page.records.push_back(cut_entity(item.value(), keys, base, original));
      env.have_records = true;
    } else if (key == (v2 ? "__count" : "@odata.count")) {
      page.count = read_count(field.value());
      env.bad_count = !page.count;
    } else if (key == (v2 ? "__next" : "@odata.nextLink")) {
      page.next = std::string(field.value().get_string().value());
    } else if (key == "error") {
      env.error = true;
    }
  }
}

}  // namespace

std::optional<Timestamp> parse_odata_timestamp(std::string_view s) {
  if (!s.starts_with("/Date(")) return try_parse_timestamp(s);
  if (s.size() < 9 || !s.ends_with(")/")) return std::nullopt;
  std::string_view inner = s.substr(6, s.size() - 8);
  long long ms = 0;
  const auto [end, ec] = std::from_chars(inner.data(), inner.data() + inner.size(), ms);
  if (ec != std::errc() || end == inner.data()) return std::nullopt;
  const std::string_view offset = inner.substr(static_cast<std::size_t>(end - inner.data()));
  if (!offset.empty()) {   // ±mmmm: minutes, informational (the ticks are UTC)
    if (offset.size() != 5 || (offset[0] != '+' && offset[0] != '-')) return std::nullopt;
    for (const char c : offset.substr(1))
      if (c < '0' || c > '9') return std::nullopt;
  }
  return Timestamp{std::chrono::milliseconds{ms}};
}

std::optional<ODataPage> cut_odata_page(std::string_view body, Protocol protocol, const RecordKeys& keys,
                                        std::string& problem) {
  simdjson::padded_string json(body);
  if (!is_valid_utf8(body)) replace_invalid_utf8(json.data(), json.size());   // rare: keep the fast path fast
  ODataPage page;
  Envelope env;
  try {
    od::parser parser;
    od::document doc = parser.iterate(json);
    od::object root = doc.get_object();
    if (protocol == Protocol::v2) {
      for (auto field : root) {
        const std::string_view key = field.unescaped_key();
        if (key == "d") read_collection(field.value().get_object(), protocol, keys, json.data(), body, page, env);
        else if (key == "error") env.error = true;
      }
    } else {
      read_collection(root, protocol, keys, json.data(), body, page, env);
    }
    if (!doc.current_location().error()) {
      problem = fmt::format("JSON answer with content after its end ({} bytes)", body.size());
      return std::nullopt;
    }
  } catch (const simdjson::simdjson_error& e) {
    problem = fmt::format("truncated or malformed JSON ({} bytes): {}", body.size(), e.what());
    return std::nullopt;
  }
  if (env.error) {
    const SapError e = sap_error(body);
    problem = fmt::format("an SAP error in a successful answer: {}: {}", e.code, e.message.substr(0, 300));
    return std::nullopt;
  }
  if (!env.have_records || env.bad_count) {
    problem = env.bad_count ? std::string("a count that is not a number")
                            : fmt::format("JSON answer without {}", protocol == Protocol::v2 ? "d.results" : "value");
    return std::nullopt;
  }
  return page;
}

}  // namespace o2c::sap
