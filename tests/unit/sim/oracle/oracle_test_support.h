// tests/unit/sim/oracle/oracle_test_support.h
// Fixtures for the simulated Oracle Fusion REST API: generated tables in the
// shape of the Oracle catalog (receivablesInvoices with lines,
// standardReceipts, accounts) whose rows are computed from the index and may
// claim natural order, a catalog, and a client that sends GETs with Basic
// auth and a REST-Framework-Version to OracleApi::handle().
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include <boost/json.hpp>
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/time.h"
#include "sim/oracle/oracle_api.h"
#include "sim/oracle/oracle_auth.h"
#include "sim/sim_table.h"

namespace o2c::sim::oracle::test {

// Rows computed on demand; the key (column 0) of row r is first_key + r.
class GeneratedTable final : public SimTable {
 public:
  using Cell = std::function<SimValue(std::size_t row, std::size_t col)>;
  GeneratedTable(std::string name, std::vector<SimColumn> columns, std::size_t rows, long first_key, Cell cell,
                 std::set<std::string> natural = {})
      : name_(std::move(name)), columns_(std::move(columns)), rows_(rows), first_key_(first_key),
        cell_(std::move(cell)), natural_(std::move(natural)) {}
  const std::string& name() const override { return name_; }
  const std::vector<SimColumn>& columns() const override { return columns_; }
  std::size_t size() const override { return rows_; }
  SimValue value(std::size_t row, std::size_t col) const override { return cell_(row, col); }
  std::optional<std::size_t> find(std::string_view key) const override {
    long k = 0;
    for (char c : key) {
      if (c < '0' || c > '9' || k > first_key_ + static_cast<long>(rows_)) return std::nullopt;
      k = k * 10 + (c - '0');
    }
    if (key.empty() || k < first_key_ || k >= first_key_ + static_cast<long>(rows_)) return std::nullopt;
    return static_cast<std::size_t>(k - first_key_);
  }
  bool naturally_ordered_by(std::string_view column) const override { return natural_.count(std::string(column)) > 0; }

 private:
  std::string name_;
  std::vector<SimColumn> columns_;
  std::size_t rows_;
  long first_key_;
  Cell cell_;
  std::set<std::string> natural_;
};

class TestCatalog final : public SimCatalog {
 public:
  void add(SimTablePtr t) { tables_[t->name()] = std::move(t); }
  SimTablePtr table(std::string_view name) const override {
    const auto it = tables_.find(std::string(name));
    return it == tables_.end() ? nullptr : it->second;
  }

 private:
  std::map<std::string, SimTablePtr> tables_;
};

inline SimTime at(int y, unsigned m, unsigned d, int h = 0, int min = 0, int s = 0) {
  using namespace std::chrono;
  return SimTime(sys_days(year{y} / month{m} / day{d}) + hours{h} + minutes{min} + seconds{s});
}
inline SimDate on(int y, unsigned m, unsigned d) {
  using namespace std::chrono;
  return SimDate(year{y} / month{m} / day{d});
}

// receivablesInvoices: CustomerTransactionId 100001 + row; LastUpdateDate
// ascending in runs of 3 rows sharing one second; every 7th document a
// credit memo (negative amount); row 4 carries the planted amount "abc";
// PurchaseOrder null on every 5th row.
inline std::shared_ptr<GeneratedTable> invoices(std::size_t rows, bool natural = true) {
  std::vector<SimColumn> cols = {
      {"CustomerTransactionId", SimType::id, "", "Transaction ID"},
      {"TransactionNumber", SimType::text, "", "Transaction Number"},
      {"TransactionType", SimType::text, "", ""},
      {"TransactionDate", SimType::date, "", ""},
      {"BillToCustomerNumber", SimType::text, "", ""},
      {"InvoiceCurrencyCode", SimType::text, "", ""},
      {"EnteredAmount", SimType::decimal, "", ""},
      {"InvoiceBalanceAmount", SimType::decimal, "", ""},
      {"PurchaseOrder", SimType::text, "", ""},
      {"CrossReference", SimType::text, "", ""},
      {"LastUpdateDate", SimType::datetime, "", ""}};
  auto cell = [](std::size_t r, std::size_t c) -> SimValue {
    const bool credit = r % 7 == 6;
    switch (c) {
      case 0: return std::to_string(100001 + r);
      case 1: return fmt::format("{}{}", credit ? "CM" : "INV", 100001 + r);
      case 2: return std::string(credit ? "Credit Memo" : "Invoice");
      case 3: return SimDate(on(2026, 1, 1) + std::chrono::days(static_cast<long>(r % 300)));
      case 4: return std::to_string(1001 + r % 40);
      case 5: return std::string(r % 3 == 0 ? "EUR" : "USD");
      case 6:
        if (r == 4) return std::string("abc");
        return Decimal{fmt::format("{}{}.{:02}", credit ? "-" : "", 100 + r, r % 100)};
      case 7: return Decimal{"0.00"};
      case 8: return r % 5 == 0 ? SimValue{} : SimValue{fmt::format("PO-2026-{:06}", r)};
      case 9: return fmt::format("801{:015}", r);
      default: return at(2026, 1, 1) + std::chrono::seconds(static_cast<long>(r / 3));
    }
  };
  std::set<std::string> ordered;
  if (natural) ordered = {"CustomerTransactionId", "LastUpdateDate"};
  return std::make_shared<GeneratedTable>("receivablesInvoices", cols, rows, 100001, cell, ordered);
}

// receivablesInvoiceLines: two lines per invoice of the first `invoices` rows.
inline std::shared_ptr<GeneratedTable> invoice_lines(std::size_t invoice_rows) {
  std::vector<SimColumn> cols = {{"CustomerTransactionLineId", SimType::id, "", ""},
                                 {"CustomerTransactionId", SimType::reference, "receivablesInvoices", ""},
                                 {"LineNumber", SimType::decimal, "", ""},
                                 {"LineAmount", SimType::decimal, "", ""}};
  auto cell = [](std::size_t r, std::size_t c) -> SimValue {
    switch (c) {
      case 0: return std::to_string(500001 + r);
      case 1: return std::to_string(100001 + r / 2);
      case 2: return Decimal{std::to_string(r % 2 + 1)};
      default: return Decimal{r % 2 ? "20.25" : "80.00"};
    }
  };
  return std::make_shared<GeneratedTable>("receivablesInvoiceLines", cols, invoice_rows * 2, 500001, cell,
                                          std::set<std::string>{"CustomerTransactionLineId"});
}

// standardReceipts: Amount a decimal the API writes as a string.
inline std::shared_ptr<GeneratedTable> receipts(std::size_t rows) {
  std::vector<SimColumn> cols = {{"StandardReceiptId", SimType::id, "", ""},
                                 {"ReceiptNumber", SimType::text, "", ""},
                                 {"ReceiptDate", SimType::date, "", ""},
                                 {"Amount", SimType::decimal, "", ""},
                                 {"Currency", SimType::text, "", ""},
                                 {"CustomerAccountNumber", SimType::text, "", ""},
                                 {"Comments", SimType::text, "", ""},
                                 {"LastUpdateDate", SimType::datetime, "", ""}};
  auto cell = [](std::size_t r, std::size_t c) -> SimValue {
    switch (c) {
      case 0: return std::to_string(300001 + r);
      case 1: return fmt::format("PYMT{}", 300001 + r);
      case 2: return on(2026, 3, 1);
      case 3: return Decimal{r == 0 ? "1234567890123.45" : "451.23"};
      case 4: return std::string("EUR");
      case 5: return std::string("1001");
      case 6: return r == 1 ? SimValue{} : SimValue{fmt::format("Remittance INV{} 'quoted'", 100001 + r)};
      default: return at(2026, 3, 1, 12) + std::chrono::seconds(static_cast<long>(r));
    }
  };
  return std::make_shared<GeneratedTable>("standardReceipts", cols, rows, 300001, cell,
                                          std::set<std::string>{"StandardReceiptId", "LastUpdateDate"});
}

inline std::shared_ptr<TestCatalog> catalog(std::size_t invoice_rows = 30, bool natural = true) {
  auto cat = std::make_shared<TestCatalog>();
  cat->add(invoices(invoice_rows, natural));
  cat->add(invoice_lines(invoice_rows));
  cat->add(receipts(5));
  return cat;
}

struct Answer {
  int status = 0;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  boost::json::value json() const { return boost::json::parse(body); }
  std::string header(const std::string& name) const {
    for (const auto& [k, v] : headers)
      if (k == name) return v;
    return {};
  }
};

// Sends GET `target` with Basic o2c.integration:o2c-demo-password (or `authorization`).
inline Answer get(OracleApi& api, const std::string& target, int version = 2,
                  std::string authorization = "Basic " + base64_encode("o2c.integration:o2c-demo-password"),
                  const std::string& method = "GET", const std::string& body = "") {
  SimRequest request;
  request.method = method;
  request.target = target;
  request.host = "127.0.0.1:8000";
  if (!authorization.empty()) request.headers.emplace_back("authorization", std::move(authorization));
  if (version > 0) request.headers.emplace_back("rest-framework-version", std::to_string(version));
  request.body = body;
  const SimReply reply = api.handle(request);
  Answer a{reply.status, {}, reply.body, reply.headers};
  a.content_type = a.header("Content-Type");
  return a;
}

inline const std::string kInvoices = "/fscmRestApi/resources/11.13.18.05/receivablesInvoices";
inline const std::string kReceipts = "/fscmRestApi/resources/11.13.18.05/standardReceipts";

// The values of `attribute` in the items of a collection answer, as text.
inline std::vector<std::string> column(const boost::json::value& answer, const std::string& attribute) {
  std::vector<std::string> out;
  for (const auto& item : answer.at("items").as_array()) {
    const auto& v = item.at(attribute);
    out.push_back(v.is_string() ? std::string(v.as_string()) : boost::json::serialize(v));
  }
  return out;
}

}  // namespace o2c::sim::oracle::test
