// reconcile/ledger.h — the records as the rules see them: invalid records
// removed, voided documents set aside, documents in (trandate, id) order,
// CRM accounts and ERP customers indexed, and who requires a PO and why.
// Holds pointers into the Inputs it was built from (which must outlive it).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "reconcile/reconcile.h"
#include "reconcile/tolerance.h"

namespace o2c::reconcile {

inline bool is_signed_order(const schema::Order& o) { return o.is_signed && !o.meta.deleted; }

struct Ledger {
  Date today{};
  int renewal_horizon_days = 0;
  Tolerance tolerance{"0"};

  std::vector<const schema::Order*> orders;                       // valid, any status, input order
  std::unordered_map<std::string_view, std::size_t> order_by_id;  // index into orders
  std::vector<const schema::Invoice*> documents;                  // valid, not voided, by (trandate, id)
  std::unordered_map<std::string_view, const schema::InvalidRecord*> invalid_by_id;
  std::unordered_map<std::string_view, const schema::Customer*> crm_accounts;   // by external id
  std::unordered_map<std::string_view, const schema::Customer*> erp_customers;  // by external id
  // Why a customer requires a PO ("CRM account flag requires_po", "reconcile.require_po entry 'X'").
  std::unordered_map<std::string_view, std::string> crm_po_reason;
  std::unordered_map<std::string_view, std::string> erp_po_reason;

  Stats stats;
  std::vector<std::string> warnings;

  const schema::Customer* erp_customer_of(const schema::Invoice& doc) const;
  // invoice.crm_account_id if set, else its ERP customer's crm_account_id ("" if unknown).
  std::string_view crm_account_of(const schema::Invoice& doc) const;
  // "" when the customer does not require a PO, else the reason it does.
  std::string po_requirement(std::string_view crm_account_id, const schema::Customer* erp_customer) const;
  // The CRM account's name, else the ERP customer's, else "".
  std::string customer_name(std::string_view crm_account_id, const schema::Customer* erp_customer = nullptr) const;
};

// Throws Error(config) on invalid settings.
Ledger build_ledger(const Inputs& inputs, const Settings& settings);

// Case folding for matching names typed by an admin: ASCII and the Latin-1
// letters (É → é), enough for the customer names the ERPs hold.
std::string fold_case(std::string_view text);

}  // namespace o2c::reconcile
