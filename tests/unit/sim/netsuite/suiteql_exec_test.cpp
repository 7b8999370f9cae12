// Execution strategies must not change results: natural-order streaming and
// seeks equal a sort over a full scan; concurrent pages equal sequential ones.
#include <random>
#include <thread>

#include <gtest/gtest.h>

#include "netsuite_test_data.h"
#include "sim/netsuite/suiteql_cache.h"

namespace o2c::sim::netsuite::test {
namespace {

constexpr std::size_t kRows = 3000;

std::string random_condition(std::mt19937& rng) {
  std::uniform_int_distribution<int> id(0, static_cast<int>(kRows) + 2);
  std::uniform_int_distribution<int> minute(0, static_cast<int>(kRows / 3) + 2);
  const auto stamp = [&] {
    const SimTime t = at(2026, 1, 1) + std::chrono::minutes(minute(rng));
    return fmt::format("TO_DATE('{}', 'YYYY-MM-DD HH24:MI:SS')",
                       format_datetime(AccountZone().to_wall(t), parse_date_format("YYYY-MM-DD HH24:MI:SS")));
  };
  switch (rng() % 11) {
    case 0: return fmt::format("t.id > {}", id(rng));
    case 1: return fmt::format("t.id >= {}", id(rng));
    case 2: return fmt::format("t.id < {}", id(rng));
    case 3: return fmt::format("t.id <= {}", id(rng));
    case 4: return fmt::format("t.id = {}", id(rng));
    case 5: return fmt::format("{} < t.id", id(rng));
    case 6: return fmt::format("t.id BETWEEN {} AND {}", id(rng), id(rng));
    case 7: return "t.lastmodifieddate >= " + stamp();
    case 8: return "t.lastmodifieddate < " + stamp();
    case 9: return "t.type IN ('CustInvc', 'CustCred')";
    default: return fmt::format("(t.id < {} OR t.lastmodifieddate > {})", id(rng), stamp());
  }
}

std::string random_query(std::mt19937& rng) {
  std::string where;
  for (unsigned n = 1 + rng() % 3; n > 0; --n) where += (where.empty() ? "" : " AND ") + random_condition(rng);
  const char* orders[] = {" ORDER BY t.id", " ORDER BY t.id ASC", " ORDER BY t.lastmodifieddate, t.id",
                          " ORDER BY t.lastmodifieddate", "", " ORDER BY t.id DESC"};
  const std::string joins[] = {"", " JOIN customer c ON c.id = t.entity", " LEFT JOIN customer c ON c.id = t.entity"};
  const std::string& join = joins[rng() % 3];
  return "SELECT t.id AS o2c_id, TO_CHAR(t.lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS m, t.otherrefnum" +
         std::string(join.empty() ? "" : ", c.companyname") + " FROM transaction t" + join + " WHERE " + where +
         orders[rng() % 6];
}

TEST(SuiteQlExec, NaturalOrderSeekEqualsFullScanOnRandomQueries) {
  NetSuiteApi natural(NetSuiteOptions{}, make_generated_catalog(make_transactions(kRows, true)),
                      std::make_shared<FixedClock>(kNow));
  NetSuiteApi scanned(NetSuiteOptions{}, make_generated_catalog(make_transactions(kRows, false)),
                      std::make_shared<FixedClock>(kNow));
  Client a(natural), b(scanned);
  std::mt19937 rng(20261124);
  std::size_t non_empty = 0;
  for (int i = 0; i < 60; ++i) {
    const std::string q = random_query(rng);
    const std::size_t limit = (rng() % 2) ? 1000 : 700;
    std::size_t total_a = 0, total_b = 0;
    const auto rows_a = all_rows(a, q, limit, &total_a);
    const auto rows_b = all_rows(b, q, limit, &total_b);
    ASSERT_EQ(total_a, total_b) << q;
    ASSERT_EQ(rows_a.size(), total_a) << q;
    ASSERT_EQ(rows_a, rows_b) << q;
    non_empty += rows_a.empty() ? 0 : 1;
  }
  EXPECT_GT(non_empty, 30u);  // the random queries are not all trivially empty
}

std::string items_text(const SimReply& r) {
  if (r.status != 200) return "status " + std::to_string(r.status) + ": " + r.body;
  return boost::json::serialize(boost::json::parse(r.body).at("items"));
}

TEST(SuiteQlExec, ConcurrentOutOfOrderPagesEqualSequentialPages) {
  const auto catalog = make_generated_catalog(make_transactions(30000, true));
  const std::string queries[] = {
      "SELECT t.id AS o2c_id, t.tranid FROM transaction t WHERE t.type = 'CustInvc' ORDER BY t.id",
      "SELECT t.id AS o2c_id, c.companyname FROM transaction t JOIN customer c ON c.id = t.entity "
      "ORDER BY t.foreigntotal DESC, t.id"};
  for (const auto& q : queries) {
    NetSuiteApi sequential_api(NetSuiteOptions{}, catalog, std::make_shared<FixedClock>(kNow));
    Client sequential(sequential_api);
    std::vector<std::string> expected;
    for (std::size_t offset = 0; offset < 32000; offset += 1000)
      expected.push_back(items_text(sequential.query(q, 1000, offset)));

    ASSERT_TRUE(expected.front() != "[]");
    ASSERT_TRUE(expected.back() == "[]");  // some pages lie past the end
    NetSuiteApi shared(NetSuiteOptions{}, catalog, std::make_shared<FixedClock>(kNow));
    std::vector<std::string> got(expected.size());
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&, t] {
        Client client(shared);
        client.nonce = 1000000 * (t + 1);
        // Each thread takes every 8th page, starting at its own, last first.
        for (std::size_t page = expected.size(); page-- > 0;) {
          if (page % 8 != static_cast<std::size_t>(t)) continue;
          got[page] = items_text(client.query(q, 1000, page * 1000));
        }
      });
    }
    for (auto& th : threads) th.join();
    for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_TRUE(got[i] == expected[i]) << q << " page " << i;
  }
}

TEST(SuiteQlExec, CacheReusesAPreparedQueryAndEvictsTheOldest) {
  const auto catalog = make_generated_catalog(make_transactions(100, true));
  QueryCache cache(2);
  const auto first = cache.get("SELECT t.id FROM transaction t", *catalog);
  EXPECT_EQ(cache.get("SELECT t.id FROM transaction t", *catalog), first);
  cache.get("SELECT t.tranid FROM transaction t", *catalog);
  cache.get("SELECT t.type FROM transaction t", *catalog);
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_NE(cache.get("SELECT t.id FROM transaction t", *catalog), first);
}

TEST(SuiteQlExec, CacheEntryIsReplacedWhenTheTableChanges) {
  auto catalog = make_generated_catalog(make_transactions(100, true));
  QueryCache cache(4);
  const std::string q = "SELECT t.id FROM transaction t";
  EXPECT_EQ(cache.get(q, *catalog)->page(0, 1000).total, 100u);
  catalog->add(make_transactions(120, true));  // a new snapshot of the table
  EXPECT_EQ(cache.get(q, *catalog)->page(0, 1000).total, 120u);
}

// The dataset mutates rows in place (same table object, same size): a query
// repeated from offset 0 must see the change, and later pages must not use a
// plan whose natural-order promise is gone.
TEST(SuiteQlExec, InPlaceChangesAreSeenByTheNextExecution) {
  auto touched = std::make_shared<std::atomic<std::size_t>>(kRows);  // none yet
  auto base = make_transactions(kRows, true);
  auto table = std::make_shared<GeneratedTable>(
      "transaction", base->columns(), kRows,
      [base, touched](std::size_t row, std::size_t col) -> SimValue {
        if (col == 6 && row == touched->load()) return at(2026, 12, 1);
        return base->value(row, col);
      },
      std::set<std::string>{"id", "lastmodifieddate"});
  NetSuiteApi api(NetSuiteOptions{}, make_generated_catalog(table), std::make_shared<FixedClock>(kNow));
  Client client(api);
  const std::string q = "SELECT t.id AS o2c_id FROM transaction t WHERE t.lastmodifieddate >= "
                        "TO_DATE('2026-01-01 05:00:00', 'YYYY-MM-DD HH24:MI:SS') ORDER BY t.id";
  std::size_t before = 0;
  const auto rows_before = all_rows(client, q, 1000, &before);
  ASSERT_EQ(before, kRows - 900);  // one minute per three rows: the first 300 minutes are out
  touched->store(5);
  table->modstamp_disordered = true;
  std::size_t after = 0;
  const auto rows_after = all_rows(client, q, 1000, &after);
  EXPECT_EQ(after, before + 1);
  EXPECT_EQ(rows_after.front().at("o2c_id"), "6");
  // A later page alone also notices: the plan's natural order is gone.
  touched->store(7);
  const auto page = parse_ok(client.query(q, 1000, 1000));
  EXPECT_EQ(page.at("totalResults").as_int64(), static_cast<std::int64_t>(before + 1));
}

}  // namespace
}  // namespace o2c::sim::netsuite::test
