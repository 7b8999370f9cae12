#include "sim/oracle/oracle_resources.h"

#include <algorithm>

#include "sim/sim_json.h"

namespace o2c::sim::oracle {

namespace {

bool listed(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

AttrType type_of(const SimColumn& column, bool amount_as_text) {
  switch (column.type) {
    case SimType::boolean: return AttrType::boolean;
    case SimType::decimal: return amount_as_text ? AttrType::number_text : AttrType::number;
    case SimType::date: return AttrType::date;
    case SimType::datetime: return AttrType::datetime;
    case SimType::id:
    case SimType::reference: return AttrType::integer;
    case SimType::text: break;
  }
  return AttrType::string;
}

std::vector<Attribute> attributes_of(const SimTable& table, const std::vector<std::string>& not_queryable,
                                     const std::vector<std::string>& amounts_as_text) {
  std::vector<Attribute> out;
  const auto& columns = table.columns();
  for (std::size_t i = 0; i < columns.size(); ++i)
    out.push_back({columns[i].name, i, type_of(columns[i], listed(amounts_as_text, columns[i].name)),
                   !listed(not_queryable, columns[i].name)});
  return out;
}

void append_attributes(std::string& out, const std::vector<Attribute>& attributes, const SimTable& table) {
  out += "\"attributes\":[";
  for (std::size_t i = 0; i < attributes.size(); ++i) {
    const Attribute& a = attributes[i];
    if (i) out += ',';
    out += "{\"name\":";
    append_json_string(out, a.name);
    out += ",\"type\":";
    append_json_string(out, describe_type(a.type));
    out += ",\"updatable\":false,\"mandatory\":";
    out += a.column == 0 ? "true" : "false";
    out += ",\"queryable\":";
    out += a.queryable ? "true" : "false";
    out += ",\"allowChanges\":\"never\",\"title\":";
    const std::string& label = table.columns()[a.column].label;
    append_json_string(out, label.empty() ? a.name : label);
    out += '}';
  }
  out += ']';
}

}  // namespace

std::string_view describe_type(AttrType type) {
  switch (type) {
    case AttrType::integer: return "integer";
    case AttrType::number: return "number";
    case AttrType::number_text: return "string";
    case AttrType::date: return "date";
    case AttrType::datetime: return "datetime";
    case AttrType::boolean: return "boolean";
    case AttrType::string: break;
  }
  return "string";
}

std::vector<ResourceSpec> fusion_resources() {
  const std::string fscm(kFscmRoot);
  return {
      ResourceSpec{fscm, "receivablesInvoices", "", "Receivables Invoices", {"InvoiceBalanceAmount"}, {},
                   {ChildSpec{"receivablesInvoiceLines", "receivablesInvoiceLines", "CustomerTransactionId", {}}}},
      ResourceSpec{fscm, "standardReceipts", "", "Standard Receipts", {"UnappliedAmount"},
                   {"Amount", "UnappliedAmount"}, {}},
      ResourceSpec{fscm, "receivablesCustomerAccountActivities", "", "Receivables Customer Account Activities", {},
                   {}, {}},
  };
}

const Attribute* Resource::attribute(std::string_view name) const {
  for (const auto& a : attributes)
    if (a.name == name) return &a;
  return nullptr;
}

const BoundChild* Resource::child(std::string_view name) const {
  for (const auto& c : children)
    if (c.spec->name == name) return &c;
  return nullptr;
}

std::vector<std::string> Resource::attribute_names() const {
  std::vector<std::string> names;
  for (const auto& a : attributes) names.push_back(a.name);
  return names;
}

std::optional<Resource> bind_resource(const ResourceSpec& spec, const SimCatalog& catalog) {
  Resource r;
  r.spec = &spec;
  r.table = catalog.table(spec.table.empty() ? spec.name : spec.table);
  if (!r.table || r.table->columns().empty()) return std::nullopt;
  r.attributes = attributes_of(*r.table, spec.not_queryable, spec.amounts_as_text);
  for (const auto& c : spec.children) {
    BoundChild child;
    child.spec = &c;
    child.table = catalog.table(c.table);
    if (!child.table) continue;
    const auto key = child.table->column_index(c.parent_key, false);
    if (!key) continue;
    child.parent_key_column = *key;
    child.attributes = attributes_of(*child.table, {}, c.amounts_as_text);
    r.children.push_back(std::move(child));
  }
  return r;
}

std::string describe_json(const Resource& resource) {
  std::string out = "{\"Resources\":{";
  append_json_string(out, resource.spec->name);
  out += ":{\"discrColumnType\":false,\"title\":";
  append_json_string(out, resource.spec->title.empty() ? resource.spec->name : resource.spec->title);
  out += ',';
  append_attributes(out, resource.attributes, *resource.table);
  out += ",\"collection\":{\"rangeSize\":25,\"finders\":[],\"actions\":[{\"name\":\"get\",\"method\":\"GET\"}]}";
  out += ",\"item\":{\"actions\":[{\"name\":\"get\",\"method\":\"GET\"}]},\"children\":{";
  for (std::size_t i = 0; i < resource.children.size(); ++i) {
    const BoundChild& c = resource.children[i];
    if (i) out += ',';
    append_json_string(out, c.spec->name);
    out += ":{\"discrColumnType\":false,\"title\":";
    append_json_string(out, c.spec->name);
    out += ',';
    append_attributes(out, c.attributes, *c.table);
    out += '}';
  }
  out += "}}}}";
  return out;
}

}  // namespace o2c::sim::oracle
