// tests/unit/daemon/push/push_test_support.h — stored records of a small
// business (a French customer billed with 20 % VAT, a German one under
// reverse charge, a credit note), the seller, and a portal double that keeps
// what it received and answers as a test scripts it.
#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>

#include "daemon/push/push.h"
#include "store/store.h"

namespace o2c::push::testing {

inline Money eur(const char* amount) { return Money::parse(amount, Currency::parse("EUR")); }

inline schema::RecordMeta meta(std::string source, std::string object, std::string id) {
  return {std::move(source), std::move(object), std::move(id), parse_timestamp("2026-11-20T10:00:00Z"), false};
}

struct Records {
  std::vector<schema::Customer> customers;
  std::vector<schema::Order> orders;
  std::vector<schema::Invoice> invoices;
  std::vector<schema::InvoiceLine> lines;

  // CRM accounts A1 (FR) and A2 (DE); ERP customers 1001 → A1, 1002 → A2.
  Records() {
    customers.push_back({meta("crm", "Account", "A1"), "Société Générale Équipements", "ACC-1", "", "FR",
                         Currency::parse("EUR"), false, "A1", "", "12 rue de la République", "Lyon", "69001"});
    customers.push_back({meta("crm", "Account", "A2"), "Müller & Söhne GmbH", "ACC-2", "", "DE",
                         Currency::parse("EUR"), false, "A2", "", "Hauptstraße 7", "Berlin", "10115"});
    customers.push_back({meta("erp", "customer", "1001"), "Société Générale Équipements", "CUST-1", "", "", std::nullopt,
                         false, "A1", "FR40303265045", "", "", ""});
    customers.push_back({meta("erp", "customer", "1002"), "Müller & Söhne GmbH", "CUST-2", "", "", std::nullopt, false,
                         "A2", "DE123456788", "", "", ""});
    orders.push_back({meta("crm", "Order", "801A"), "00000001", "A1", "PO-2026-000001", eur("1000.42"),
                      schema::OrderKind::new_business, true, parse_date("2026-11-01"), std::nullopt, std::nullopt});
    add_invoice("100001", "INV100001", "1001", "801A", "po 2026 000001 ", "1200.50", "200.08", "1000.42", "S", "20");
    add_invoice("100002", "INV100002", "1002", "", "PO-77", "500.00", "0.00", "500.00", "AE", "0");
  }

  schema::Invoice& add_invoice(const std::string& id, const std::string& number, const std::string& customer,
                               const std::string& order_ref, const std::string& po, const char* total, const char* tax,
                               const char* line_net, const char* category, const char* rate) {
    schema::Invoice inv{meta("erp", "transaction", id), number, schema::InvoiceKind::invoice, customer, "", order_ref, po,
                        eur(total), eur(total), parse_date("2026-11-10"), parse_date("2026-12-10"), eur(tax)};
    invoices.push_back(inv);
    lines.push_back({meta("erp", "transactionline", id + "-1"), id, "1", "Subscription « Pro »", "1", "", "", eur(line_net),
                     category, rate, eur(tax)});
    return invoices.back();
  }

  InvoiceBook book() const { return InvoiceBook(customers, orders, invoices, lines); }
};

inline PushSettings seller_settings() {
  PushSettings s;
  s.seller.name = "Acme Cloud Software SAS";
  s.seller.vat_id = "FR96552100554";
  s.seller.legal_id = {"552100554", "0002"};
  s.seller.endpoint = {"55210055400013", "0009"};
  s.seller.address = {"12 rue de la Paix", "", "Paris", "75002", "", "FR"};
  s.payment = einvoice::PaymentMeans{"58", "FR7630006000011234567890189", "AGRIFRPPXXX", "", "", ""};
  s.payment_terms = "Payment within 30 days";
  s.since = parse_date("2026-01-01");
  return s;
}

// A portal that renders UBL and records what it got; each call's answer can be scripted.
class FakePortal final : public portals::Portal {
 public:
  std::string_view kind() const override { return "fake"; }
  std::string new_key(const std::string& invoice_number, Timestamp) override {
    return invoice_number + "#" + std::to_string(++keys_);
  }
  portals::Payload render(const einvoice::Document& doc, const portals::Route&, const std::string& key,
                          Timestamp) const override {
    return {"ubl", "application/xml", doc.number + ".xml", "<!-- " + key + " -->\n" + einvoice::write_ubl(doc, einvoice::Profile::en16931_ubl)};
  }
  portals::Answer submit(const portals::SubmissionRef& ref, const portals::Payload& payload) override {
    std::lock_guard lock(mutex_);
    ++submits;
    if (submit_script) return submit_script(ref, payload);
    deliver(ref.invoice_number, payload);
    return {portals::Outcome::submitted, "ref-" + ref.invoice_number, "received", "", std::nullopt};
  }
  portals::Answer lookup(const portals::SubmissionRef& ref) override {
    std::lock_guard lock(mutex_);
    ++lookups;
    if (!delivered.contains(ref.invoice_number)) return {portals::Outcome::not_found, "", "", "", std::nullopt};
    return {portals::Outcome::submitted, "ref-" + ref.invoice_number, "received", "", std::nullopt};
  }
  portals::Answer status(const portals::SubmissionRef& ref) override {
    std::lock_guard lock(mutex_);
    ++statuses;
    const auto it = decisions.find(ref.invoice_number);
    if (it == decisions.end()) return {portals::Outcome::accepted, ref.portal_ref, "approved", "", std::nullopt};
    return it->second;
  }
  bool resend_is_idempotent() const override { return idempotent; }

  // Records a delivery (for scripts that accept).
  void deliver(const std::string& number, const portals::Payload& payload) {
    ++delivered[number];
    bodies[number] = payload.body;
  }

  std::function<portals::Answer(const portals::SubmissionRef&, const portals::Payload&)> submit_script;
  std::map<std::string, portals::Answer> decisions;
  std::map<std::string, int> delivered;  // invoice number → documents the portal holds
  std::map<std::string, std::string> bodies;
  int submits = 0, lookups = 0, statuses = 0;
  bool idempotent = false;

 private:
  std::mutex mutex_;
  std::atomic<int> keys_{0};
};

// A migrated SQLite store in a temp file, loaded with the records.
class PushFixture : public ::testing::Test {
 protected:
  void SetUp() override;
  void TearDown() override;
  void load(const Records& r);
  PushStats push(PushOptions options = {});
  std::vector<schema::Submission> submissions() { return store_->submissions({}); }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
  FixedClock clock_{parse_timestamp("2026-11-24T12:00:00Z")};
  FakePortal portal_;
  PushSettings settings_ = seller_settings();
  RoutingTable routing_{{{"fake", "1001", "", "", "", "", false, false}, {"fake", "1002", "", "", "", "", false, false}}};
};

}  // namespace o2c::push::testing
