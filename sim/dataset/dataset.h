// sim/dataset/dataset.h
// dataset — the simulated business: deterministic records generated from
// (seed, index) per sim/DATA.md, served as SimTables under each system's own
// names, the planted exceptions, the answer key, and mutations for
// incremental-sync tests. Knows nothing of HTTP or of any wire format.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "sim/dataset/portal_directory.h"
#include "sim/sim_table.h"

namespace o2c::sim {

struct DatasetOptions {
  std::uint64_t seed = 42;
  std::size_t orders = 2000;
  SimTime now;                       // layout anchor (see DATA.md "Clock")
};

struct Mutation {
  std::string action;                // touch | delete | undelete | insert_late
  std::string system;                // salesforce | netsuite | sap | oracle | ebs (ERP objects act on
                                     // the NetSuite record with the same id, DATA.md "Mutations")
  std::string object;                // "Order", "transaction", "A_BillingDocument", ...
  std::string id;                    // primary key of the record; insert_late on transaction: the Order
                                     // to bill ("" = the last order row); ignored by insert_late on Order
};

// One case the planting step put into the data (DATA.md "Planted exceptions"),
// keyed as in the answer key: the order Id, the NetSuite invoice internal id,
// or "source/object/record_id" for DATA_INVALID.
struct PlantedCase {
  std::string kind;
  std::string key;
  bool consequence = false;  // follows from another case: the invoice of a DATA_INVALID order is
                             // INVOICE_WITHOUT_ORDER, the order of a DATA_INVALID invoice ORDER_NOT_INVOICED
};

class Dataset {
 public:
  explicit Dataset(DatasetOptions options);
  ~Dataset();
  Dataset(const Dataset&) = delete;
  Dataset& operator=(const Dataset&) = delete;

  const DatasetOptions& options() const;
  // Tables under Salesforce names (Account, Order), case-insensitive. The
  // tables stay valid after the Dataset is gone (they share its data).
  std::shared_ptr<const SimCatalog> salesforce() const;
  // Tables under NetSuite names (customer, currency, transaction), case-insensitive.
  std::shared_ptr<const SimCatalog> netsuite() const;
  // The same ERP records as SAP S/4HANA entity sets (A_Customer,
  // A_BillingDocument, A_BillingDocumentItem, A_OperationalAcctgDocItemCube),
  // Oracle Fusion resources (receivablesInvoices, receivablesInvoiceLines,
  // standardReceipts, receivablesCustomerAccountActivities) and EBS tables
  // (sim/dataset/ebs_schema.h): views over the NetSuite rows, so NetSuite
  // mutations show in them (DATA.md "The other ERPs"). Case-insensitive.
  std::shared_ptr<const SimCatalog> sap() const;
  std::shared_ptr<const SimCatalog> oracle() const;
  std::shared_ptr<const SimCatalog> ebs() const;
  // The vendor portals' side of the business (DATA.md "Portals").
  std::shared_ptr<const PortalDirectory> portals() const;

  // The answer key JSON of DATA.md for the data as it is now (mutations
  // included), with the DATA_INVALID records of the ERP side named as `erp`
  // (netsuite, sap, oracle or ebs; case-insensitive) names them. Computed on
  // first use after a change (about a second per 200,000 orders), then cached.
  // Throws o2c::Error(config) naming an unknown ERP.
  std::string answer_key_json(std::string_view erp = "netsuite") const;

  // What the planting step intended, as generated (mutations not applied). The
  // answer key is computed independently; a test checks that the two agree.
  std::vector<PlantedCase> planted() const;

  // Applies one mutation (thread-safe with concurrent reads). Returns "" on
  // success, else an error message naming what was wrong. The id of a row
  // created by insert_late is returned through `created_id`.
  std::string mutate(const Mutation& m, std::string* created_id = nullptr);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace o2c::sim
