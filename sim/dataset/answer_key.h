// sim/dataset/answer_key.h — the answer key of DATA.md: every exception a
// correct reconciliation reports. Computed from the records exactly as the
// tables serve them (never from the planting step): each row is checked the
// way the example mappings map it (a row that would fail is DATA_INVALID and
// does not exist for the rules), then the four rules of DATA.md are applied.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/sim_table.h"

namespace o2c::sim {
class PortalDirectory;
}

namespace o2c::sim::dataset {

inline constexpr std::array<std::string_view, 13> kAnswerKeyKinds{
    "ORDER_NOT_INVOICED", "ORDER_PARTIALLY_INVOICED", "ORDER_OVER_INVOICED", "AMOUNT_MISMATCH",
    "CURRENCY_MISMATCH",  "DUPLICATE_INVOICE",        "INVOICE_WITHOUT_ORDER", "PO_MISSING",
    "PO_MISMATCH",        "PO_NEEDED_FOR_RENEWAL",    "DATA_INVALID",          "PORTAL_REJECTED",
    "PORTAL_NOT_SUBMITTED"};

inline constexpr std::string_view kAmountTolerance = "0.01";
inline constexpr int kRenewalHorizonDays = 30;

struct ExpectedException {
  std::string kind;
  std::string order_id, order_number;      // order kinds; invoice kinds when the invoice is linked
  std::string invoice_id, invoice_number;  // invoice kinds
  std::string source, object, record_id;   // DATA_INVALID
  // What a scorer matches on: the order id, the invoice id, or
  // "source/object/record_id" for DATA_INVALID.
  std::string key() const;
  bool keyed_by_invoice() const;
};

// The exceptions, sorted by kind then key (listed_before). With `portals`,
// every invoice and credit memo of a routed customer is pushed to its portal
// (DATA.md "Portals"): the routes that require a PO count as the account's
// PO requirement, and PORTAL_REJECTED / PORTAL_NOT_SUBMITTED are expected.
std::vector<ExpectedException> compute_answer_key(const SimCatalog& salesforce, const SimCatalog& netsuite, SimTime now,
                                                  const PortalDirectory* portals = nullptr);
bool listed_before(const ExpectedException& a, const ExpectedException& b);

// How an ERP's demo source and example mappings name the NetSuite records
// (DATA.md "One answer key for every ERP"): source = erp.
// `invalid_line`: the object of the invoice line that is DATA_INVALID with a
// planted invalid invoice total, where the ERP keeps the amount on the line
// too and the demo reads lines (EBS: EXTENDED_AMOUNT NULL); "" elsewhere
// (NetSuite's line of that invoice is valid, SAP and Oracle lines are not read).
// `pushes`: the demo of that ERP reads invoice lines and pushes to the portals.
struct ErpObjects {
  std::string_view erp, invoice, payment, customer, invalid_line;
  bool pushes = false;
};
inline constexpr std::array<ErpObjects, 4> kErpObjects{{
    {"netsuite", "transaction", "transaction", "customer", "", true},
    {"sap", "A_BillingDocument", "A_OperationalAcctgDocItemCube", "A_Customer", "", false},
    {"oracle", "receivablesInvoices", "standardReceipts", "receivablesCustomerAccountActivities", "", false},
    {"ebs", "RA_CUSTOMER_TRX_ALL", "AR_CASH_RECEIPTS_ALL", "HZ_CUST_ACCOUNTS", "RA_CUSTOMER_TRX_LINES_ALL", true},
}};
const ErpObjects* erp_objects(std::string_view erp);  // case-insensitive; nullptr if unknown

// The DATA_INVALID entries of NetSuite records named as `erp` names them,
// re-sorted; `transactions` (NetSuite) tells payments from invoices.
std::vector<ExpectedException> name_for_erp(std::vector<ExpectedException> exceptions, const ErpObjects& erp,
                                            const SimTable& transactions);

struct AnswerKeyHeader {
  std::uint64_t seed = 0;
  std::size_t orders = 0;
  SimTime now;
};
std::string answer_key_json(const AnswerKeyHeader& header, const std::vector<ExpectedException>& exceptions);

std::string normalised_po(std::string_view po);  // ASCII letters upper-cased and digits; other ASCII dropped

}  // namespace o2c::sim::dataset
