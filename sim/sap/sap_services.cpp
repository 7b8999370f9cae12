#include "sim/sap/sap_services.h"

#include <fmt/format.h>

namespace o2c::sim::sap {

const EntitySetDef* ServiceDef::set(std::string_view name) const {
  for (const auto& s : sets)
    if (s.name == name) return &s;
  return nullptr;
}

std::string ServiceDef::v2_path() const { return fmt::format("/sap/opu/odata/sap/{}/", v2_name); }

std::string ServiceDef::v4_path() const {
  return fmt::format("/sap/opu/odata4/sap/{}/srvd_a2x/sap/{}/0001/", v4_service, v4_name);
}

std::string ServiceDef::schema_namespace(ODataVersion version) const {
  if (version == ODataVersion::v2) return v2_name;
  return fmt::format("com.sap.gateway.srvd_a2x.{}.v0001", v4_name);
}

const std::vector<ServiceDef>& sap_services() {
  static const std::vector<ServiceDef> services{
      {"API_BUSINESS_PARTNER", "api_business_partner", "businesspartner", {{"A_Customer", {"Customer"}, {}}}},
      {"API_BILLING_DOCUMENT_SRV",
       "api_billingdocument",
       "billingdocument",
       {{"A_BillingDocument",
         {"BillingDocument"},
         {{"to_Item", "A_BillingDocumentItem", "BillingDocument", "BillingDocument"}}},
        {"A_BillingDocumentItem", {"BillingDocument", "BillingDocumentItem"}, {}}}},
      {"API_OPLACCTGDOCITEMCUBE_SRV",
       "api_oplacctgdocitemcube",
       "oplacctgdocitemcube",
       {{"A_OperationalAcctgDocItemCube", {"AccountingDocument"}, {}}}},
      {"API_SALES_ORDER_SRV",
       "api_salesorder",
       "salesorder",
       {{"A_SalesOrder", {"SalesOrder"}, {{"to_Item", "A_SalesOrderItem", "SalesOrder", "SalesOrder"}}},
        {"A_SalesOrderItem", {"SalesOrder", "SalesOrderItem"}, {}}}},
  };
  return services;
}

std::string_view edm_type(SimType type, ODataVersion version) {
  switch (type) {
    case SimType::boolean: return "Edm.Boolean";
    case SimType::decimal: return "Edm.Decimal";
    case SimType::date: return version == ODataVersion::v2 ? "Edm.DateTime" : "Edm.Date";
    case SimType::datetime: return "Edm.DateTimeOffset";
    case SimType::text:
    case SimType::id:
    case SimType::reference: return "Edm.String";
  }
  return "Edm.String";
}

std::vector<std::size_t> key_columns(const EntitySetDef& set, const SimTable& table) {
  std::vector<std::size_t> out;
  for (const auto& key : set.keys)
    if (const auto column = table.column_index(key, false)) out.push_back(*column);
  if (out.empty()) out.push_back(0);
  return out;
}

}  // namespace o2c::sim::sap
