// tests/unit/sim/oracle/oracle_paging_test.cpp — what paging costs the
// simulated pod and what it answers: the pages of one query share one
// prepared query and each later page examines O(limit) rows; a keyset or
// modstamp condition seeks on the natural order instead of scanning; a table
// without natural order is sorted once and still pages right; totalResults
// is counted only when asked for; and the pitfall #24 option that ignores
// offsets beyond a threshold while echoing them.
#include "tests/unit/sim/oracle/oracle_test_support.h"

namespace o2c::sim::oracle::test {
namespace {

constexpr std::size_t kRows = 20'000;

std::string keyset_query(long after_id) {
  return fmt::format("&q=LastUpdateDate%20%3E%3D%20'2026-01-01T00%3A10%3A00%2B00%3A00'%20and%20"
                     "CustomerTransactionId%20%3E%20{}",
                     after_id);
}

std::vector<std::string> read_all(OracleApi& api, const std::string& base, std::size_t limit) {
  std::vector<std::string> ids;
  for (std::size_t offset = 0;; offset += limit) {
    const auto page = get(api, fmt::format("{}&limit={}&offset={}", base, limit, offset)).json();
    for (auto& id : column(page, "CustomerTransactionId")) ids.push_back(id);
    if (!page.at("hasMore").as_bool()) return ids;
  }
}

TEST(OraclePaging, PagesOfOneQueryShareOnePreparationAndCostTheirLimit) {
  OracleApi api{OracleOptions{}, catalog(kRows)};
  const std::string base = kInvoices + "?onlyData=true&totalResults=true&fields=CustomerTransactionId" +
                           keyset_query(100000) + "&orderBy=CustomerTransactionId:asc";
  const auto first = get(api, base + "&limit=500&offset=0").json();
  // LastUpdateDate >= 00:10:00 is row 1800 on (3 rows per second).
  EXPECT_EQ(first.at("totalResults").as_int64(), static_cast<long>(kRows - 1800));
  const OracleStats after_first = api.stats();
  EXPECT_EQ(after_first.queries_prepared, 1);
  EXPECT_LE(after_first.rows_examined, static_cast<long>(kRows - 1800 + 100)) << "the seek skipped rows before 1800";

  const auto deep = get(api, base + "&limit=500&offset=15000").json();
  EXPECT_EQ(column(deep, "CustomerTransactionId").front(), std::to_string(100001 + 1800 + 15000));
  const OracleStats after_deep = api.stats();
  EXPECT_EQ(after_deep.queries_prepared, 1) << "a later page reuses the prepared query";
  EXPECT_LE(after_deep.rows_examined - after_first.rows_examined, 500 + 64 + 1) << "O(limit) from a checkpoint";
}

TEST(OraclePaging, AKeysetConditionSeeksInsteadOfScanning) {
  OracleApi api{OracleOptions{}, catalog(kRows)};
  const auto page = get(api, kInvoices + "?onlyData=true&totalResults=true&limit=10" + keyset_query(100000 + 19'990))
                        .json();
  EXPECT_EQ(page.at("totalResults").as_int64(), 10);
  EXPECT_LE(api.stats().rows_examined, 100) << "binary search plus the ten rows";
}

TEST(OraclePaging, WithoutTotalResultsOnlyThePageIsExamined) {
  OracleApi api{OracleOptions{}, catalog(kRows)};
  const auto page = get(api, kInvoices + "?onlyData=true&limit=25&q=EnteredAmount%20%3E%200").json();
  EXPECT_TRUE(page.at("hasMore").as_bool());
  EXPECT_LE(api.stats().rows_examined, 40) << "25 rows, one more for hasMore, the planted and the credit memos";
}

TEST(OraclePaging, UnorderedTablesAreSortedOnceAndPageTheSame) {
  OracleApi ordered{OracleOptions{}, catalog(2'000, true)};
  OracleApi unordered{OracleOptions{}, catalog(2'000, false)};
  const std::string base = kInvoices +
                           "?onlyData=true&fields=CustomerTransactionId&orderBy=CustomerTransactionId:asc"
                           "&q=CustomerTransactionId%20%3E%20100500";
  const auto a = read_all(ordered, base, 300), b = read_all(unordered, base, 300);
  EXPECT_EQ(a, b);
  ASSERT_EQ(a.size(), 1'500u);
  EXPECT_EQ(a.front(), "100501");
  EXPECT_EQ(a.back(), "102000");
  EXPECT_EQ(unordered.stats().queries_prepared, 1);
  EXPECT_LE(unordered.stats().rows_examined, 2'000) << "one pass collects and sorts; later pages index the result";
}

TEST(OraclePaging, EveryRowComesOnceWhateverThePageSize) {
  OracleApi api{OracleOptions{}, catalog(1'000)};
  for (std::size_t limit : {1u, 7u, 64u, 65u, 500u}) {
    const auto ids = read_all(api, kInvoices + "?onlyData=true&q=TransactionType%20%3D%20'Invoice'", limit);
    std::set<std::string> unique(ids.begin(), ids.end());
    EXPECT_EQ(ids.size(), 858u) << limit;
    EXPECT_EQ(unique.size(), ids.size()) << limit;
    EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end())) << limit;
  }
}

TEST(OraclePaging, IgnoredOffsetRepeatsTheFirstPageWhileEchoingTheOffset) {
  OracleOptions options;
  options.ignore_offset_from = 20;   // field pitfall #24
  OracleApi api{options, catalog(50)};
  const std::string base = kInvoices + "?onlyData=true&totalResults=true&limit=10";
  const auto first = get(api, base + "&offset=0").json();
  const auto second = get(api, base + "&offset=10").json();
  const auto third = get(api, base + "&offset=20").json();
  const auto fifth = get(api, base + "&offset=40").json();
  EXPECT_EQ(column(second, "CustomerTransactionId").front(), "100011") << "below the threshold offsets work";
  EXPECT_EQ(column(third, "CustomerTransactionId"), column(first, "CustomerTransactionId"));
  EXPECT_EQ(third.at("offset").as_int64(), 20);
  EXPECT_TRUE(third.at("hasMore").as_bool());
  EXPECT_EQ(column(fifth, "CustomerTransactionId"), column(first, "CustomerTransactionId"));
  EXPECT_FALSE(fifth.at("hasMore").as_bool()) << "hasMore as if offset 40 had been read";
  EXPECT_EQ(fifth.at("totalResults").as_int64(), 50);
}

}  // namespace
}  // namespace o2c::sim::oracle::test
