// connectors/json_records.h — cutting a page of JSON records into RawRecords
// (simdjson On-Demand), shared by the connectors: each record's key scalars
// (its id and modstamp) read as exact text, never through a double, and its
// body taken from the original bytes by offset — so a page whose invalid
// UTF-8 bytes were masked for the parser still hands the mapper the bytes
// the system sent.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <simdjson.h>

namespace o2c::connectors {

// nullopt for null; "(not a scalar)" for an object or array.
std::optional<std::string> json_scalar_text(simdjson::ondemand::value value);
// A raw JSON token without the whitespace simdjson leaves after it.
std::string_view trim_json_token(std::string_view token);

struct JsonItem {
  bool is_object = false;
  std::optional<std::string> id, modstamp;   // the two key fields, when present
  std::string body;                          // the item's exact text, from `original`
};

// Reads one item of a page parsed from a copy of `original` whose data starts
// at `parsed_base` (same length, same offsets). Key names match exactly, or
// ignoring ASCII case when `ignore_case`.
JsonItem cut_json_item(simdjson::ondemand::value item, std::string_view id_key, std::string_view modstamp_key,
                       bool ignore_case, const char* parsed_base, std::string_view original);

}  // namespace o2c::connectors
