// Property: on the same rows, a table that declares its natural order (so the
// engine streams and seeks) answers every query exactly as one that does not
// (full scan + sort). Random queries from a fixed seed.
#include <gtest/gtest.h>

#include <random>

#include "sf_test_support.h"

namespace o2c::sim::salesforce::testing {
namespace {

constexpr std::uint32_t kSeed = 20261124;
constexpr std::size_t kRows = 300;
constexpr int kQueries = 120;

const std::vector<std::string> kNames{"alpha", "Beta", "gamma", "delta", "ALPHA-2", "eps"};

struct Rows {
  std::vector<std::vector<SimValue>> orders;
  std::vector<SimTime> modstamps;
  std::vector<Decimal> amounts;
};

Rows random_rows(std::mt19937& rng) {
  Rows rows;
  std::uniform_int_distribution<int> percent(0, 99), run(1, 25), cents(-5000, 50000), name(0, 5), account(0, 19),
      days(0, 400);
  SimTime t = at("2026-01-01T00:00:00Z");
  for (std::size_t i = 0, left_in_run = 0; i < kRows; ++i) {
    if (left_in_run-- == 0) {  // runs of equal modstamps, as bulk updates leave them
      t += std::chrono::seconds(1 + percent(rng));
      left_in_run = static_cast<std::size_t>(run(rng)) - 1;
    }
    const int c = cents(rng);
    const Decimal amount{fmt::format("{}{}.{:02}", c < 0 ? "-" : "", std::abs(c) / 100, std::abs(c) % 100)};
    const int p = percent(rng);
    const SimValue total = p < 10 ? SimValue{} : p < 13 ? SimValue{std::string("n/a")} : SimValue{amount};
    const SimValue nm = percent(rng) < 10 ? SimValue{} : SimValue{kNames[static_cast<std::size_t>(name(rng))]};
    const int a = percent(rng);
    const SimValue acct = a < 10   ? SimValue{}
                          : a < 15 ? SimValue{std::string("001999999999999999")}
                                   : SimValue{generated_key("001", static_cast<std::size_t>(account(rng)))};
    const SimDate effective = day("2026-01-01") + std::chrono::days(days(rng));
    rows.orders.push_back({generated_key("801", i), t, total, nm, acct, effective, percent(rng) < 15});
    rows.modstamps.push_back(t);
    rows.amounts.push_back(amount);
  }
  return rows;
}

std::shared_ptr<TestCatalog> catalog_of(const Rows& rows, bool natural) {
  std::vector<SimColumn> columns{{"Id", SimType::id, "", ""},
                                 {"SystemModstamp", SimType::datetime, "", ""},
                                 {"TotalAmount", SimType::decimal, "", ""},
                                 {"Name", SimType::text, "", ""},
                                 {"AccountId", SimType::reference, "Account", ""},
                                 {"EffectiveDate", SimType::date, "", ""},
                                 {"IsDeleted", SimType::boolean, "", ""}};
  auto orders = std::make_shared<VectorTable>("Order", std::move(columns), rows.orders);
  std::vector<std::vector<SimValue>> accounts;
  for (std::size_t i = 0; i < 20; ++i) accounts.push_back({generated_key("001", i), kNames[i % kNames.size()]});
  auto catalog = std::make_shared<TestCatalog>();
  catalog->add(std::make_shared<VectorTable>(
      "Account", std::vector<SimColumn>{{"Id", SimType::id, "", ""}, {"Name", SimType::text, "", ""}},
      std::move(accounts)));
  if (natural)
    catalog->add(std::make_shared<OrderedView>(orders, std::set<std::string>{"Id", "SystemModstamp"}));
  else
    catalog->add(orders);
  return catalog;
}

class QueryGenerator {
 public:
  QueryGenerator(std::mt19937& rng, const Rows& rows) : rng_(rng), rows_(rows) {}

  std::string query() {
    std::vector<std::string> conjuncts;
    for (int n = pick(0, 3); n > 0; --n) conjuncts.push_back(condition());
    std::string soql = "SELECT Id, SystemModstamp, TotalAmount, Name, Account.Name FROM Order";
    for (std::size_t i = 0; i < conjuncts.size(); ++i) soql += (i == 0 ? " WHERE " : " AND ") + conjuncts[i];
    static const char* kOrders[] = {"",
                                    " ORDER BY Id",
                                    " ORDER BY Id ASC",
                                    " ORDER BY SystemModstamp",
                                    " ORDER BY SystemModstamp, Id",
                                    " ORDER BY SystemModstamp ASC NULLS FIRST, Id ASC",
                                    " ORDER BY Id DESC",
                                    " ORDER BY TotalAmount NULLS LAST, Id",
                                    " ORDER BY SystemModstamp DESC, Id"};
    soql += kOrders[pick(0, 8)];
    if (pick(0, 3) == 0) soql += fmt::format(" LIMIT {}", pick(0, 120));
    if (pick(0, 3) == 0) soql += fmt::format(" OFFSET {}", pick(0, 60));
    return soql;
  }

 private:
  int pick(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  std::size_t row() { return static_cast<std::size_t>(pick(0, static_cast<int>(kRows) + 5)); }  // a few past the end
  std::string op() {
    static const char* kOps[] = {"=", "!=", "<", "<=", ">", ">="};
    return kOps[pick(0, 5)];
  }
  std::string modstamp() {
    const SimTime t = rows_.modstamps[std::min(row(), kRows - 1)] + std::chrono::milliseconds(pick(-1, 1) * 500);
    switch (pick(0, 2)) {
      case 0: return to_iso8601(t);                                                     // ...T10:00:00.500Z
      case 1: return to_iso8601(t + std::chrono::hours(2)).replace(23, 1, "+02:00");    // same instant, +02:00
      default: return to_iso8601_seconds(std::chrono::floor<std::chrono::seconds>(t));  // ...T10:00:00Z
    }
  }
  std::string condition() {
    switch (pick(0, 11)) {  // half of the conditions are ranges on the natural order
      case 0:
      case 1:
      case 2: return fmt::format("Id {} '{}'", op(), generated_key("801", row()));
      case 3:
      case 4:
      case 5: return fmt::format("SystemModstamp {} {}", op(), modstamp());
      case 6:
      case 7: return fmt::format("TotalAmount {} {}", op(), rows_.amounts[std::min(row(), kRows - 1)].text);
      case 8: return fmt::format("Name LIKE '{}%'", kNames[static_cast<std::size_t>(pick(0, 5))].substr(0, 2));
      case 9:
        return fmt::format("Name IN ('{}', '{}')", kNames[static_cast<std::size_t>(pick(0, 5))],
                           kNames[static_cast<std::size_t>(pick(0, 5))]);
      case 10: return fmt::format("(Id < '{}' OR TotalAmount = null)", generated_key("801", row()));
      case 11: return fmt::format("NOT (SystemModstamp < {})", modstamp());
      default:
        return fmt::format("Account.Name {} '{}'",
                           pick(0, 1) ? "=" : "!=", kNames[static_cast<std::size_t>(pick(0, 5))]);
    }
  }

  std::mt19937& rng_;
  const Rows& rows_;
};

std::vector<std::string> serialized(const QueryPages& pages) {
  std::vector<std::string> out;
  for (const auto& r : pages.records) out.push_back(json::serialize(r));
  return out;
}

TEST(SoqlSeekProperty, NaturalOrderStreamingAndSeekMatchAFullScan) {
  std::mt19937 rng(kSeed);
  const Rows rows = random_rows(rng);
  SalesforceOptions options;
  options.batch_size = 13;
  auto clock = std::make_shared<FixedClock>(at("2026-11-24T12:00:00Z"));
  SalesforceApi natural(options, catalog_of(rows, true), clock), scan(options, catalog_of(rows, false), clock);
  const std::string natural_token = token_for(natural), scan_token = token_for(scan);
  QueryGenerator generator(rng, rows);
  int non_empty = 0;
  for (int i = 0; i < kQueries; ++i) {
    const std::string soql = generator.query();
    for (const bool all_rows : {false, true}) {
      SCOPED_TRACE(soql + (all_rows ? " [queryAll]" : " [query]"));
      const QueryPages a = query_all_pages(natural, natural_token, soql, all_rows);
      const QueryPages b = query_all_pages(scan, scan_token, soql, all_rows);
      ASSERT_EQ(a.total_size, b.total_size);
      ASSERT_EQ(a.records.size(), static_cast<std::size_t>(a.total_size));
      ASSERT_EQ(serialized(a), serialized(b));
      non_empty += a.records.empty() ? 0 : 1;
    }
  }
  EXPECT_GT(non_empty, kQueries) << "the generator should produce mostly non-empty results";
}

}  // namespace
}  // namespace o2c::sim::salesforce::testing
