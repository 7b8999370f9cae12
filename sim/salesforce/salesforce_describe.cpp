#include "sim/salesforce/salesforce_describe.h"

#include <fmt/format.h>

#include "sim/salesforce/salesforce_json.h"
#include "sim/salesforce/soql_plan.h"

namespace o2c::sim::salesforce {

namespace {

void append_field(std::string& out, const SimColumn& column) {
  out += "{\"name\":";
  append_json_string(out, column.name);
  out += ",\"type\":";
  append_json_string(out, soql::describe_type(column.type));
  out += ",\"label\":";
  append_json_string(out, column.label.empty() ? column.name : column.label);
  // Salesforce reports Ids and checkboxes as never null.
  const bool nillable = column.type != SimType::id && column.type != SimType::boolean;
  out += nillable ? ",\"nillable\":true" : ",\"nillable\":false";
  const std::string relationship = soql::relationship_name(column);
  out += ",\"referenceTo\":[";
  if (column.type == SimType::reference && !column.references.empty()) append_json_string(out, column.references);
  out += "],\"relationshipName\":";
  if (relationship.empty())
    out += "null";
  else
    append_json_string(out, relationship);
  out += ",\"custom\":";
  out += column.name.ends_with("__c") ? "true" : "false";
  out += '}';
}

}  // namespace

std::string describe_json(const SimTable& table) {
  std::string out = "{\"name\":";
  append_json_string(out, table.name());
  out += ",\"label\":";
  append_json_string(out, table.name());
  out += ",\"custom\":";
  out += table.name().ends_with("__c") ? "true" : "false";
  out += ",\"queryable\":true,\"fields\":[";
  const auto& columns = table.columns();
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += ',';
    append_field(out, columns[i]);
  }
  out += "]}";
  return out;
}

std::string limits_json(long max_requests, long remaining_requests) {
  return fmt::format("{{\"DailyApiRequests\":{{\"Max\":{},\"Remaining\":{}}}}}", max_requests, remaining_requests);
}

}  // namespace o2c::sim::salesforce
