// sim/sap/sap_services.h
// The OData services the simulated S/4HANA system exposes (api-contracts §3.1,
// erp-contract "Tables each ERP serves"): each has a V2 name under
// /sap/opu/odata/sap/<NAME>/ and a V4 path under
// /sap/opu/odata4/sap/<service>/srvd_a2x/sap/<name>/0001/, and serves the
// entity sets whose tables the catalog holds (entity set name = table name).
// Also the EDM type of each column and the keys and navigation properties
// of each entity set.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/sap/sap_error.h"
#include "sim/sim_table.h"

namespace o2c::sim::sap {

struct Navigation {
  std::string name;            // "to_Item"
  std::string target_set;      // "A_BillingDocumentItem"
  std::string from_property;   // in the source entity set: "BillingDocument"
  std::string to_property;     // in the target entity set: "BillingDocument"
};

struct EntitySetDef {
  std::string name;                     // "A_BillingDocument" = the catalog table name
  std::vector<std::string> keys;        // key properties, in order; empty = the table's column 0
  std::vector<Navigation> navigations;  // to-many navigation properties
  std::string type_name() const { return name + "Type"; }   // SAP's convention: A_BillingDocumentType
};

struct ServiceDef {
  std::string v2_name;      // "API_BILLING_DOCUMENT_SRV"
  std::string v4_service;   // "api_billingdocument"
  std::string v4_name;      // "billingdocument"
  std::vector<EntitySetDef> sets;
  const EntitySetDef* set(std::string_view name) const;   // case-sensitive, as OData is
  std::string v2_path() const;   // "/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV/"
  std::string v4_path() const;   // "/sap/opu/odata4/sap/api_billingdocument/srvd_a2x/sap/billingdocument/0001/"
  std::string schema_namespace(ODataVersion version) const;
};

// API_BUSINESS_PARTNER (A_Customer), API_BILLING_DOCUMENT_SRV (A_BillingDocument
// with to_Item, A_BillingDocumentItem), API_OPLACCTGDOCITEMCUBE_SRV
// (A_OperationalAcctgDocItemCube), API_SALES_ORDER_SRV (A_SalesOrder with
// to_Item, A_SalesOrderItem).
const std::vector<ServiceDef>& sap_services();

// "Edm.String", "Edm.Decimal", "Edm.DateTime" (V2 date) / "Edm.Date" (V4), ...
std::string_view edm_type(SimType type, ODataVersion version);

// The key properties of a set over its table (keys, or column 0), as column indexes.
std::vector<std::size_t> key_columns(const EntitySetDef& set, const SimTable& table);

}  // namespace o2c::sim::sap
