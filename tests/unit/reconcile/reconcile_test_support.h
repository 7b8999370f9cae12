// tests/unit/reconcile/reconcile_test_support.h — small hand-built books:
// CRM accounts with their ERP customers, orders, invoices, credit notes.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "reconcile/reconcile.h"

namespace o2c::reconcile::testing {

using schema::Customer;
using schema::ExceptionItem;
using schema::ExceptionKind;
using schema::Invoice;
using schema::Order;

inline Date day(int y, unsigned m, unsigned d) {
  return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}
inline Money eur(const char* amount) { return Money::parse(amount, Currency::parse("EUR")); }
inline Money money(const char* amount, const char* currency) { return Money::parse(amount, Currency::parse(currency)); }

// A CRM account (Salesforce) and the ERP customer (NetSuite) linked to it:
// account "001<n>", customer "<n>".
class Book {
 public:
  Book() { inputs.today = day(2026, 11, 24); }

  void add_customer(const std::string& n, const std::string& name, bool requires_po = false) {
    Customer crm;
    crm.meta = {"salesforce", "Account", "001" + n, {}, false};
    crm.name = name;
    crm.number = "ACC-" + n;
    crm.requires_po = requires_po;
    crm.crm_account_id = "001" + n;
    Customer erp;
    erp.meta = {"netsuite", "customer", n, {}, false};
    erp.name = name;
    erp.number = "CUST-" + n;
    erp.crm_account_id = "001" + n;
    inputs.customers.push_back(crm);
    inputs.customers.push_back(erp);
  }

  // A signed order of account "001<customer>".
  Order& add_order(const std::string& id, const std::string& customer, Money amount, const std::string& po = "") {
    Order o;
    o.meta = {"salesforce", "Order", id, {}, false};
    o.number = "ORD-" + id;
    o.customer_id = "001" + customer;
    o.po_number = po;
    o.amount = amount;
    o.is_signed = true;
    o.effective_date = day(2026, 3, 1);
    o.signed_at = to_timestamp(day(2026, 2, 20));
    inputs.orders.push_back(o);
    return inputs.orders.back();
  }

  // An invoice of ERP customer "<customer>", referencing `order_ref` ("" = none).
  Invoice& add_invoice(const std::string& id, const std::string& customer, Money amount, const std::string& order_ref,
                       const std::string& po = "", Date issued = day(2026, 3, 2)) {
    Invoice d;
    d.meta = {"netsuite", "transaction", id, {}, false};
    d.number = "INV" + id;
    d.customer_id = customer;
    d.order_ref = order_ref;
    d.po_number = po;
    d.amount = amount;
    d.issue_date = issued;
    inputs.invoices.push_back(d);
    return inputs.invoices.back();
  }

  Invoice& add_credit_note(const std::string& id, const std::string& customer, Money amount,
                           const std::string& order_ref, const std::string& po = "") {
    Invoice& d = add_invoice(id, customer, amount, order_ref, po, day(2026, 3, 5));
    d.kind = schema::InvoiceKind::credit_note;
    d.number = "CM" + id;
    return d;
  }

  std::vector<ExceptionItem> run() const { return reconcile(inputs, settings); }

  Inputs inputs;
  Settings settings;
};

inline std::vector<ExceptionItem> of_kind(const std::vector<ExceptionItem>& items, ExceptionKind kind) {
  std::vector<ExceptionItem> out;
  std::copy_if(items.begin(), items.end(), std::back_inserter(out), [&](const auto& i) { return i.kind == kind; });
  return out;
}

inline std::string evidence(const ExceptionItem& item, const std::string& name) {
  for (const auto& e : item.evidence)
    if (e.name == name) return e.value;
  return "<no evidence '" + name + "'>";
}

// "KIND order/invoice/record" per item, to compare whole outcomes at once.
inline std::vector<std::string> summary(const std::vector<ExceptionItem>& items) {
  std::vector<std::string> out;
  for (const auto& i : items) {
    std::string key = i.kind == ExceptionKind::data_invalid ? i.record_key
                      : i.invoice_id.empty()                ? i.order_id
                                                            : i.invoice_id;
    out.push_back(std::string(schema::info(i.kind).name) + " " + key);
  }
  return out;
}

}  // namespace o2c::reconcile::testing
