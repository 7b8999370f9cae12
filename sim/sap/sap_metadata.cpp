#include "sim/sap/sap_metadata.h"

#include <algorithm>

#include <fmt/format.h>

#include "sim/sim_json.h"

namespace o2c::sim::sap {

namespace {

std::string xml_escape(std::string_view s) {
  std::string out;
  for (const char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

bool available(const SetResolver& sets, const EntitySetDef& set, const Navigation& nav) {
  return sets.resolve(set.name).second && sets.resolve(nav.target_set).second;
}

std::string property_xml(const SimColumn& column, bool key, ODataVersion version, const MetadataStyle& style) {
  std::string out = fmt::format(R"(<Property Name="{}" Type="{}")", xml_escape(column.name), edm_type(column.type, version));
  if (key) out += R"( Nullable="false")";
  switch (column.type) {
    case SimType::decimal:
      out += style.omit_decimal_scale ? R"( Precision="16")" : R"( Precision="16" Scale="3")";
      break;
    case SimType::date:
      if (version == ODataVersion::v2) out += R"( Precision="0" sap:display-format="Date")";
      break;
    case SimType::datetime: out += R"( Precision="7")"; break;
    default: break;
  }
  if (version == ODataVersion::v2 && !column.label.empty()) out += fmt::format(R"( sap:label="{}")", xml_escape(column.label));
  return out + "/>";
}

std::string entity_type_xml(const EntitySetDef& set, const SimTable& table, const SetResolver& sets,
                            ODataVersion version, const MetadataStyle& style) {
  const std::string ns = sets.service->schema_namespace(version);
  const std::vector<std::size_t> keys = key_columns(set, table);
  std::string out = fmt::format(R"(<EntityType Name="{}"{}><Key>)", set.type_name(),
                                version == ODataVersion::v2 ? R"( sap:content-version="1")" : "");
  for (const std::size_t k : keys) out += fmt::format(R"(<PropertyRef Name="{}"/>)", table.columns()[k].name);
  out += "</Key>";
  for (std::size_t c = 0; c < table.columns().size(); ++c)
    out += property_xml(table.columns()[c], std::find(keys.begin(), keys.end(), c) != keys.end(), version, style);
  for (const auto& nav : set.navigations) {
    if (!available(sets, set, nav)) continue;
    if (version == ODataVersion::v2)
      out += fmt::format(R"(<NavigationProperty Name="{0}" Relationship="{1}.assoc_{2}_{0}" FromRole="FromRole_{2}" )"
                         R"(ToRole="ToRole_{3}"/>)", nav.name, ns, set.name, nav.target_set);
    else
      out += fmt::format(R"x(<NavigationProperty Name="{}" Type="Collection({}.{}Type)"/>)x", nav.name, ns, nav.target_set);
  }
  return out + "</EntityType>";
}

std::string associations_v2(const SetResolver& sets) {
  const std::string ns = sets.service->schema_namespace(ODataVersion::v2);
  std::string out;
  for (const auto& set : sets.service->sets)
    for (const auto& nav : set.navigations)
      if (available(sets, set, nav))
        out += fmt::format(R"(<Association Name="assoc_{0}_{1}"><End Type="{2}.{0}Type" Multiplicity="1" )"
                         R"(Role="FromRole_{0}"/><End Type="{2}.{3}Type" Multiplicity="*" Role="ToRole_{3}"/>)"
                         R"(<ReferentialConstraint><Principal Role="FromRole_{0}"><PropertyRef Name="{4}"/></Principal>)"
                         R"(<Dependent Role="ToRole_{3}"><PropertyRef Name="{5}"/></Dependent></ReferentialConstraint>)"
                         R"(</Association>)", set.name, nav.name, ns, nav.target_set, nav.from_property, nav.to_property);
  return out;
}

std::string container_xml(const SetResolver& sets, ODataVersion version) {
  const std::string ns = sets.service->schema_namespace(version);
  std::string out = version == ODataVersion::v2
                        ? fmt::format(R"(<EntityContainer Name="{}_Entities" m:IsDefaultEntityContainer="true">)", ns)
                        : std::string(R"(<EntityContainer Name="Container">)");
  for (const auto& set : sets.service->sets) {
    if (!sets.resolve(set.name).second) continue;
    out += fmt::format(R"(<EntitySet Name="{}" EntityType="{}.{}")", set.name, ns, set.type_name());
    if (version == ODataVersion::v2) {
      out += R"( sap:creatable="false" sap:updatable="false" sap:deletable="false" sap:content-version="1"/>)";
      continue;
    }
    out += ">";
    for (const auto& nav : set.navigations)
      if (available(sets, set, nav))
        out += fmt::format(R"(<NavigationPropertyBinding Path="{}" Target="{}"/>)", nav.name, nav.target_set);
    out += "</EntitySet>";
  }
  if (version == ODataVersion::v2)
    for (const auto& set : sets.service->sets)
      for (const auto& nav : set.navigations)
        if (available(sets, set, nav))
          out += fmt::format(R"(<AssociationSet Name="assoc_{0}_{1}_set" Association="{2}.assoc_{0}_{1}">)"
                           R"(<End EntitySet="{0}" Role="FromRole_{0}"/><End EntitySet="{3}" Role="ToRole_{3}"/>)"
                           R"(</AssociationSet>)", set.name, nav.name, ns, nav.target_set);
  return out + "</EntityContainer>";
}

}  // namespace

std::string metadata_xml(const SetResolver& sets, ODataVersion version, const MetadataStyle& style) {
  const bool v2 = version == ODataVersion::v2;
  std::string out = R"(<?xml version="1.0" encoding="utf-8"?>)";
  if (v2)
    out += R"(<edmx:Edmx Version="1.0" xmlns:edmx="http://schemas.microsoft.com/ado/2007/06/edmx" )"
           R"(xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" )"
           R"(xmlns:sap="http://www.sap.com/Protocols/SAPData"><edmx:DataServices m:DataServiceVersion="2.0">)";
  else
    out += R"(<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>)";
  out += fmt::format(R"(<Schema Namespace="{}" xml:lang="en" {}>)", sets.service->schema_namespace(version),
                     v2 ? R"(sap:schema-version="1" xmlns="http://schemas.microsoft.com/ado/2008/09/edm")"
                        : R"(xmlns="http://docs.oasis-open.org/odata/ns/edm")");
  for (const auto& set : sets.service->sets)
    if (const auto table = sets.resolve(set.name).second) out += entity_type_xml(set, *table, sets, version, style);
  if (v2) out += associations_v2(sets);
  out += container_xml(sets, version);
  out += "</Schema></edmx:DataServices></edmx:Edmx>";
  return out;
}

std::string service_document(const SetResolver& sets, ODataVersion version) {
  std::string out = version == ODataVersion::v2 ? "{\"d\":{\"EntitySets\":[" : "{\"@odata.context\":\"$metadata\",\"value\":[";
  bool first = true;
  for (const auto& set : sets.service->sets) {
    if (!sets.resolve(set.name).second) continue;
    if (!first) out += ',';
    first = false;
    if (version == ODataVersion::v2) {
      append_json_string(out, set.name);
    } else {
      out += "{\"name\":";
      append_json_string(out, set.name);
      out += ",\"url\":";
      append_json_string(out, set.name);
      out += '}';
    }
  }
  return out + (version == ODataVersion::v2 ? "]}}" : "]}");
}

}  // namespace o2c::sim::sap
