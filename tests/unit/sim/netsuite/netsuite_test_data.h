// tests/unit/sim/netsuite/netsuite_test_data.h
// Two catalogs: a small hand-written business (VectorTable; names with
// accents, quotes, control characters and invalid UTF-8; nulls; dangling
// references) and a generated one of any size whose transaction table can
// claim natural order by id and lastmodifieddate (or not, for comparisons).
#pragma once

#include "netsuite_test_support.h"

namespace o2c::sim::netsuite::test {

inline SimValue txt(const char* s) { return std::string(s); }
inline SimValue dec(const char* s) { return Decimal{s}; }
inline SimValue day(int y, unsigned m, unsigned d) {
  using namespace std::chrono;
  return SimDate(year{y} / month{m} / std::chrono::day{d});
}
inline const SimValue kNull = std::monostate{};

inline std::shared_ptr<TestCatalog> make_business_catalog() {
  auto cat = std::make_shared<TestCatalog>();
  cat->add(std::make_shared<VectorTable>(
      "currency",
      std::vector<SimColumn>{{"id", SimType::id, "", "Internal ID"}, {"symbol", SimType::text, "", "Symbol"},
                             {"name", SimType::text, "", "Name"}},
      std::vector<std::vector<SimValue>>{{txt("1"), txt("USD"), txt("US Dollar")},
                                         {txt("2"), txt("GBP"), txt("British Pound")},
                                         {txt("4"), txt("EUR"), txt("Euro")}}));
  cat->add(std::make_shared<VectorTable>(
      "customer",
      std::vector<SimColumn>{{"id", SimType::id, "", ""},
                             {"entityid", SimType::text, "", ""},
                             {"companyname", SimType::text, "", ""},
                             {"parent", SimType::reference, "customer", ""},
                             {"currency", SimType::reference, "currency", ""},
                             {"custentity_o2c_sf_account", SimType::text, "", ""},
                             {"lastmodifieddate", SimType::datetime, "", ""}},
      std::vector<std::vector<SimValue>>{
          {txt("1"), txt("CUST-000001"), txt("Société Générale Équipements"), kNull, txt("4"), txt("001A"),
           at(2026, 4, 1, 8)},
          {txt("2"), txt("CUST-000002"), txt("Müller & Söhne GmbH"), txt("1"), txt("4"), txt("001B"),
           at(2026, 4, 2, 8)},
          {txt("3"), txt("CUST-000003"), txt("Acme \"Quotes\" \\ Inc"), kNull, txt("1"), txt("001C"),
           at(2026, 4, 3, 8)},
          {txt("10"), txt("CUST-000010"), txt("Tab\tCo\n"), kNull, txt("2"), kNull, at(2026, 4, 4, 8)}}));
  const std::vector<SimColumn> tx_cols = {
      {"id", SimType::id, "", ""},           {"tranid", SimType::text, "", ""},
      {"type", SimType::text, "", ""},       {"trandate", SimType::date, "", ""},
      {"entity", SimType::reference, "customer", ""}, {"currency", SimType::reference, "currency", ""},
      {"foreigntotal", SimType::decimal, "", ""},     {"otherrefnum", SimType::text, "", ""},
      {"memo", SimType::text, "", ""},       {"voided", SimType::text, "", ""},
      {"lastmodifieddate", SimType::datetime, "", ""}};
  cat->add(std::make_shared<VectorTable>(
      "transaction", tx_cols,
      std::vector<std::vector<SimValue>>{
          {txt("1"), txt("INV100001"), txt("CustInvc"), day(2026, 5, 1), txt("1"), txt("4"), dec("1200.50"),
           txt("PO-2026-004471"), txt("first"), txt("F"), at(2026, 5, 1, 10)},
          {txt("2"), txt("INV100002"), txt("CustInvc"), day(2026, 5, 2), txt("2"), txt("4"), dec("980"), kNull,
           kNull, txt("F"), at(2026, 5, 2, 9, 30)},
          {txt("3"), txt("CM100001"), txt("CustCred"), day(2026, 5, 3), txt("1"), txt("4"), dec("-100.25"),
           txt("po 2026 004471"), kNull, txt("F"), at(2026, 5, 3, 0)},
          {txt("9"), txt("PYMT100001"), txt("CustPymt"), day(2026, 5, 4), txt("3"), txt("1"), dec("500"),
           kNull, txt("wire"), txt("F"), at(2026, 5, 4, 23, 59, 59)},
          {txt("10"), txt("INV100003"), txt("CustInvc"), day(2026, 5, 5), txt("10"), txt("2"), dec("75.5"),
           txt("PO-77"), txt("bad\xff\xfe bytes"), txt("T"), at(2026, 5, 5, 12)},
          {txt("11"), txt("INV100004"), txt("CustInvc"), day(2026, 5, 6), txt("99"), txt("4"), dec("10"),
           kNull, kNull, txt("F"), at(2026, 5, 6, 12)},
          {txt("12"), txt("INV100005"), txt("CustInvc"), day(2026, 5, 7), kNull, txt("1"), dec("abc"), kNull,
           kNull, txt("F"), at(2026, 5, 7, 12)}}));
  return cat;
}

// Transactions generated from the row index: id = row + 1, lastmodifieddate
// ascending in steps of one minute per three rows (ties), 40 customers.
inline std::shared_ptr<GeneratedTable> make_transactions(std::size_t rows, bool natural) {
  std::vector<SimColumn> cols = {{"id", SimType::id, "", ""},
                                 {"tranid", SimType::text, "", ""},
                                 {"type", SimType::text, "", ""},
                                 {"entity", SimType::reference, "customer", ""},
                                 {"foreigntotal", SimType::decimal, "", ""},
                                 {"otherrefnum", SimType::text, "", ""},
                                 {"lastmodifieddate", SimType::datetime, "", ""}};
  const SimTime base = at(2026, 1, 1);
  auto cell = [base](std::size_t row, std::size_t col) -> SimValue {
    switch (col) {
      case 0: return std::to_string(row + 1);
      case 1: return fmt::format("INV{}", 100000 + row + 1);
      case 2: return std::string(row % 5 == 4 ? "CustPymt" : (row % 7 == 3 ? "CustCred" : "CustInvc"));
      case 3: return std::to_string(row % 40 + 1);
      case 4: return Decimal{fmt::format("{}.{:02}", (row * 37) % 5000, row % 100)};
      case 5: return row % 6 == 0 ? SimValue{} : SimValue{fmt::format("PO-{}", row % 977)};
      default: return base + std::chrono::minutes(static_cast<long>(row / 3));
    }
  };
  std::set<std::string> natural_columns;
  if (natural) natural_columns = {"id", "lastmodifieddate"};
  return std::make_shared<GeneratedTable>("transaction", cols, rows, cell, natural_columns);
}

inline std::shared_ptr<GeneratedTable> make_customers(std::size_t rows) {
  std::vector<SimColumn> cols = {{"id", SimType::id, "", ""}, {"companyname", SimType::text, "", ""}};
  auto cell = [](std::size_t row, std::size_t col) -> SimValue {
    return col == 0 ? SimValue{std::to_string(row + 1)} : SimValue{fmt::format("Customer {}", row + 1)};
  };
  return std::make_shared<GeneratedTable>("customer", cols, rows, cell, std::set<std::string>{"id"});
}

inline std::shared_ptr<TestCatalog> make_generated_catalog(std::shared_ptr<GeneratedTable> transactions) {
  auto cat = std::make_shared<TestCatalog>();
  cat->add(std::move(transactions));
  cat->add(make_customers(40));
  return cat;
}

}  // namespace o2c::sim::netsuite::test
