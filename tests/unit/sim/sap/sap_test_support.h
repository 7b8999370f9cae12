// tests/unit/sim/sap/sap_test_support.h — a small SAP catalog of the shape
// sim/DATA.md gives the SAP tables (A_Customer, A_BillingDocument,
// A_BillingDocumentItem, A_OperationalAcctgDocItemCube), a table that reports
// natural order and counts its cell reads (to measure what a page costs), and
// helpers to call SapApi as a client would.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/text.h"
#include "core/time.h"
#include "sim/sap/sap_api.h"
#include "sim/sap/sap_auth.h"
#include "sim/sim_table.h"

namespace o2c::sim::sap::test {

inline const Timestamp kNow = parse_timestamp("2026-11-24T12:00:00Z");

// Rows in natural order for the columns named; counts cell reads.
class CountingTable final : public SimTable {
 public:
  CountingTable(std::string name, std::vector<SimColumn> columns, std::vector<std::vector<SimValue>> rows,
                std::set<std::string> ordered_by)
      : name_(std::move(name)), columns_(std::move(columns)), rows_(std::move(rows)), ordered_(std::move(ordered_by)) {}
  const std::string& name() const override { return name_; }
  const std::vector<SimColumn>& columns() const override { return columns_; }
  std::size_t size() const override { return rows_.size(); }
  SimValue value(std::size_t row, std::size_t col) const override {
    ++reads_;
    return rows_.at(row).at(col);
  }
  std::optional<std::size_t> find(std::string_view key) const override {
    for (std::size_t i = 0; i < rows_.size(); ++i)
      if (const auto* s = std::get_if<std::string>(&rows_[i][0]); s && *s == key) return i;
    return std::nullopt;
  }
  bool naturally_ordered_by(std::string_view column) const override { return ordered_.contains(std::string(column)); }
  long reads() const { return reads_.load(); }
  void reset_reads() { reads_ = 0; }
  std::vector<std::vector<SimValue>>& rows() { return rows_; }

 private:
  std::string name_;
  std::vector<SimColumn> columns_;
  std::vector<std::vector<SimValue>> rows_;
  std::set<std::string> ordered_;
  mutable std::atomic<long> reads_{0};
};

class TestCatalog final : public SimCatalog {
 public:
  SimTablePtr table(std::string_view name) const override {
    for (const auto& [n, t] : tables_)
      if (iequals_ascii(n, name)) return t;
    return nullptr;
  }
  void add(std::shared_ptr<const SimTable> t) { tables_[t->name()] = std::move(t); }

 private:
  std::map<std::string, SimTablePtr> tables_;
};

inline SimTime at(std::string_view iso) { return SimTime{parse_timestamp(iso).time_since_epoch()}; }
inline SimDate day(std::string_view iso) { return std::chrono::floor<std::chrono::days>(at(iso)); }

struct SapFixture {
  std::shared_ptr<TestCatalog> catalog = std::make_shared<TestCatalog>();
  std::shared_ptr<CountingTable> customers, documents, items, payments;
};

// `documents` billing documents "100001".. ascending; LastChangeDateTime ascending with runs of 3
// equal values; every 4th a G2 credit memo, every 7th cancelled; two items per document.
inline SapFixture make_fixture(std::size_t documents = 12) {
  SapFixture f;
  using T = SimType;
  f.customers = std::make_shared<CountingTable>(
      "A_Customer",
      std::vector<SimColumn>{{"Customer", T::id, "", "Customer"},
                             {"CustomerName", T::text, "", "Name"},
                             {"YY1_SalesforceAccount_cus", T::text, "", "Salesforce Account"},
                             {"DeletionIndicator", T::boolean, "", "Deletion Indicator"},
                             {"LastChangeDateTime", T::datetime, "", "Last Change"},
                             {"VATRegistration", T::text, "", "VAT Registration Number"}},
      std::vector<std::vector<SimValue>>{
          {std::string("1001"), std::string("Société Générale Équipements"), std::string("0015g00000000A1AAI"), false,
           at("2026-11-01T08:00:00Z"), std::string("FR96552100554")},
          {std::string("1002"), std::string("Müller & Söhne GmbH"), std::string("0015g00000000A2AAI"), false,
           at("2026-11-02T08:00:00Z"), std::string("DE123456788")},
          {std::string("1003"), std::string("O'Brien Ltd"), std::string(), true, at("2026-11-03T08:00:00Z"),
           std::string()}},
      std::set<std::string>{"Customer", "LastChangeDateTime"});
  std::vector<std::vector<SimValue>> docs, item_rows;
  for (std::size_t i = 0; i < documents; ++i) {
    const std::string id = std::to_string(100001 + i);
    const bool credit = i % 4 == 3;
    const std::string amount = fmt::format("{}.{:02}", 100 + i, i % 100);
    docs.push_back({id, std::string(credit ? "G2" : "F2"), day("2026-10-01T00:00:00Z") + std::chrono::days(i % 30),
                    std::string(i % 3 == 0 ? "1001" : "1002"), std::string(i % 5 == 4 ? "USD" : "EUR"),
                    Decimal{amount}, Decimal{amount}, i % 2 ? SimValue{std::string("PO-2026-" + id)} : SimValue{},
                    i % 7 == 6, at("2026-11-10T10:00:00Z") + std::chrono::seconds(i / 3),
                    std::string("8015g0000000" + id), Decimal{"0.00"}});
    for (int n = 1; n <= 2; ++n)
      item_rows.push_back({id, std::to_string(n * 10), Decimal{fmt::format("{}.00", 50 + i)}, std::string("EUR"),
                           std::string("SO" + id)});
  }
  f.documents = std::make_shared<CountingTable>(
      "A_BillingDocument",
      std::vector<SimColumn>{{"BillingDocument", T::id, "", "Billing Document"},
                             {"BillingDocumentType", T::text, "", "Billing Type"},
                             {"BillingDocumentDate", T::date, "", "Billing Date"},
                             {"SoldToParty", T::reference, "A_Customer", "Sold-to Party"},
                             {"TransactionCurrency", T::text, "", "Currency"},
                             {"TotalNetAmount", T::decimal, "", "Net Value"},
                             {"TotalGrossAmount", T::decimal, "", "Gross Value"},
                             {"PurchaseOrderByCustomer", T::text, "", "Customer Reference"},
                             {"BillingDocumentIsCancelled", T::boolean, "", "Cancelled"},
                             {"LastChangeDateTime", T::datetime, "", "Last Change"},
                             {"YY1_SalesforceOrder_BDH", T::text, "", "Salesforce Order"},
                             {"TaxAmount", T::decimal, "", "Tax Amount"}},
      std::move(docs), std::set<std::string>{"BillingDocument", "LastChangeDateTime"});
  f.items = std::make_shared<CountingTable>(
      "A_BillingDocumentItem",
      std::vector<SimColumn>{{"BillingDocument", T::id, "", "Billing Document"},
                             {"BillingDocumentItem", T::text, "", "Item"},
                             {"NetAmount", T::decimal, "", "Net Value"},
                             {"TransactionCurrency", T::text, "", "Currency"},
                             {"SalesDocument", T::text, "", "Sales Document"}},
      std::move(item_rows), std::set<std::string>{"BillingDocument"});
  f.payments = std::make_shared<CountingTable>(
      "A_OperationalAcctgDocItemCube",
      std::vector<SimColumn>{{"AccountingDocument", T::id, "", "Journal Entry"},
                             {"CompanyCode", T::text, "", "Company Code"},
                             {"FiscalYear", T::text, "", "Fiscal Year"},
                             {"Customer", T::reference, "A_Customer", "Customer"},
                             {"AmountInTransactionCurrency", T::decimal, "", "Amount"},
                             {"TransactionCurrency", T::text, "", "Currency"},
                             {"PostingDate", T::date, "", "Posting Date"},
                             {"DocumentReferenceID", T::text, "", "Reference"},
                             {"AccountingDocumentType", T::text, "", "Document Type"},
                             {"IsReversed", T::boolean, "", "Reversed"},
                             {"LastChangeDateTime", T::datetime, "", "Last Change"}},
      std::vector<std::vector<SimValue>>{{std::string("140001"), std::string("1010"), std::string("2026"),
                                          std::string("1001"), Decimal{"-1234567890123.45"}, std::string("EUR"),
                                          day("2026-11-05T00:00:00Z"), std::string("Remittance 100001"),
                                          std::string("DZ"), false, at("2026-11-05T09:00:00Z")}},
      std::set<std::string>{"AccountingDocument"});
  f.catalog->add(f.customers);
  f.catalog->add(f.documents);
  f.catalog->add(f.items);
  f.catalog->add(f.payments);
  return f;
}

inline const std::string kBilling = "/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV/";
inline const std::string kBillingV4 = "/sap/opu/odata4/sap/api_billingdocument/srvd_a2x/sap/billingdocument/0001/";

inline std::string basic(const std::string& user = "O2C_COMM_USER", const std::string& password = "o2c-demo-password") {
  return "Basic " + base64_encode(user + ":" + password);
}

inline SimRequest get(const std::string& target, std::string authorization = basic()) {
  SimRequest r;
  r.method = "GET";
  r.target = target;
  r.host = "127.0.0.1:50000";
  if (!authorization.empty()) r.headers.emplace_back("authorization", std::move(authorization));
  r.headers.emplace_back("accept", "application/json");
  return r;
}

inline std::string header_of(const SimReply& r, std::string_view name) {
  for (const auto& [k, v] : r.headers)
    if (iequals_ascii(k, name)) return v;
  return {};
}

inline boost::json::value json_of(const SimReply& r) { return boost::json::parse(r.body); }
inline std::string sap_message(const SimReply& r) {
  const boost::json::value doc = json_of(r);
  const auto& m = doc.at("error").at("message");
  return m.is_string() ? std::string(m.as_string()) : std::string(m.at("value").as_string());
}
inline boost::json::array results_of(const SimReply& r) { return json_of(r).at("d").at("results").as_array(); }

}  // namespace o2c::sim::sap::test
