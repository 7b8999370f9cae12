// connectors/sap/sap_metadata.cpp — EDMX read with pugixml. V2 and V4 differ
// in namespaces only for what is read here (Schema, EntityType, Property,
// NavigationProperty, EntityContainer/EntitySet), so elements are matched by
// local name.
#include "connectors/sap/sap_metadata.h"

#include <algorithm>

#include <fmt/format.h>
#include <pugixml.hpp>

#include "core/error.h"
#include "core/text.h"

namespace o2c::sap {
namespace {

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

template <typename Visit>
void for_children(const pugi::xml_node& parent, std::string_view name, Visit visit) {
  for (const pugi::xml_node& child : parent.children())
    if (child.type() == pugi::node_element && local_name(child) == name) visit(child);
}

struct TypeShape {
  std::vector<std::string> properties, navigations;
};

bool contains(const std::vector<std::string>& names, std::string_view name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::map<std::string, EntitySetShape> parse_metadata(std::string_view xml) {
  pugi::xml_document doc;
  const pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed)
    fail(Error::Kind::remote, "$metadata is not XML ({} at byte {})", parsed.description(), parsed.offset);
  std::map<std::string, TypeShape> types;  // qualified name → shape
  std::vector<std::pair<std::string, std::string>> sets;  // set name → qualified type name
  bool any_schema = false;
  const auto read_schema = [&](const pugi::xml_node& schema) {
    any_schema = true;
    const std::string ns = schema.attribute("Namespace").value();
    const std::string alias = schema.attribute("Alias").value();
    for_children(schema, "EntityType", [&](const pugi::xml_node& type) {
      TypeShape shape;
      for_children(type, "Property", [&](const pugi::xml_node& p) { shape.properties.emplace_back(p.attribute("Name").value()); });
      for_children(type, "NavigationProperty",
                   [&](const pugi::xml_node& p) { shape.navigations.emplace_back(p.attribute("Name").value()); });
      const std::string name = type.attribute("Name").value();
      types[ns + "." + name] = shape;
      if (!alias.empty()) types[alias + "." + name] = std::move(shape);
    });
    for_children(schema, "EntityContainer", [&](const pugi::xml_node& container) {
      for_children(container, "EntitySet", [&](const pugi::xml_node& set) {
        sets.emplace_back(set.attribute("Name").value(), set.attribute("EntityType").value());
      });
    });
  };
  for_children(doc, "Edmx", [&](const pugi::xml_node& edmx) {
    for_children(edmx, "DataServices", [&](const pugi::xml_node& ds) { for_children(ds, "Schema", read_schema); });
  });
  if (!any_schema) fail(Error::Kind::remote, "$metadata has no edmx:Edmx/edmx:DataServices/Schema");
  std::map<std::string, EntitySetShape> out;
  for (const auto& [set, type] : sets) {
    const auto found = types.find(type);
    if (found == types.end()) fail(Error::Kind::remote, "$metadata: entity set {} has the undefined type '{}'", set, type);
    out[set] = EntitySetShape{type, found->second.properties, found->second.navigations};
  }
  return out;
}

std::vector<std::string> metadata_problems(const std::map<std::string, EntitySetShape>& sets,
                                           const connectors::QuerySpec& query) {
  std::vector<std::string> problems;
  const auto set = sets.find(query.object);
  if (set == sets.end()) {
    std::vector<std::string> names;
    for (const auto& [name, shape] : sets) names.push_back(name);
    problems.push_back(fmt::format("the service {} has no entity set {}{}", query.service, query.object,
                                   suggestion_suffix(query.object, names)));
    return problems;
  }
  const EntitySetShape& shape = set->second;
  const auto check_property = [&](std::string_view what, const std::string& name) {
    if (name.empty() || contains(shape.properties, name)) return;
    problems.push_back(fmt::format("{} '{}' is not a property of {}{}", what, name, query.object,
                                   suggestion_suffix(name, shape.properties)));
  };
  for (const auto& field : query.fields) {
    const std::string head = field.substr(0, field.find('.'));
    if (contains(shape.navigations, head) && head != field) continue;  // to_Item.NetAmount: checked by the server
    check_property("field", head);
  }
  check_property("id", query.id_field);
  check_property("cursor", query.cursor_field);
  for (const auto& nav : query.expand)
    if (!contains(shape.navigations, nav))
      problems.push_back(fmt::format("expand '{}' is not a navigation property of {}{}", nav, query.object,
                                     suggestion_suffix(nav, shape.navigations)));
  return problems;
}

}  // namespace o2c::sap
