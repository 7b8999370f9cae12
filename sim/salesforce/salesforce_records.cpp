#include "sim/salesforce/salesforce_records.h"

#include "sim/salesforce/salesforce_json.h"

namespace o2c::sim::salesforce {

namespace {

void append_attributes(std::string& out, const SimTable& table, std::size_t row, std::string_view version) {
  out += "\"attributes\":{\"type\":";
  append_json_string(out, table.name());
  out += ",\"url\":";
  std::string url = "/services/data/v";
  url += version;
  url += "/sobjects/";
  url += table.name();
  url += '/';
  if (const SimValue key = table.value(row, 0); const auto* id = std::get_if<std::string>(&key)) url += *id;
  append_json_string(out, url);
  out += '}';
}

}  // namespace

void append_record(std::string& out, const SimTable& table, std::size_t row,
                   const std::vector<soql::SelectNode>& select, std::string_view version) {
  out += '{';
  append_attributes(out, table, row, version);
  for (const auto& node : select) {
    out += ',';
    append_json_string(out, node.key);
    out += ':';
    const SimValue value = table.value(row, node.column);
    if (!node.is_relationship()) {
      append_json_value(out, value);
      continue;
    }
    const auto* id = std::get_if<std::string>(&value);
    const auto target_row = id ? node.target->find(*id) : std::nullopt;
    if (target_row)
      append_record(out, *node.target, *target_row, node.children, version);
    else
      out += "null";
  }
  out += '}';
}

}  // namespace o2c::sim::salesforce
