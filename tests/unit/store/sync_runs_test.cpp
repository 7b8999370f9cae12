// Sync-run bookkeeping: begin, finish, the most recent first.
#include "core/error.h"
#include "tests/unit/store/store_test_support.h"

namespace o2c::store::testing {
namespace {

using SyncRuns = StoreTest;

TEST_P(SyncRuns, ARunIsRunningUntilFinishedOkOrFailed) {
  auto store = open_migrated();
  const Timestamp t0 = clock_.now();
  const long ok_run = store->begin_run(kOrders, t0);
  const long failed_run = store->begin_run(kInvoices, t0 + std::chrono::seconds(1));
  EXPECT_GT(failed_run, ok_run);

  auto runs = store->recent_runs(10);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[1].id, ok_run);
  EXPECT_EQ(runs[1].status, "running");
  EXPECT_EQ(runs[1].finished, std::nullopt);
  EXPECT_EQ(runs[1].stream.to_text(), "salesforce.orders");
  EXPECT_EQ(runs[1].started, t0);

  store->finish_run(ok_run, {12, 23456, 7, 15, ""}, t0 + std::chrono::milliseconds(61001));
  store->finish_run(failed_run, {1, 0, 0, 4, "remote: HTTP 503 from NetSuite after 5 attempts"},
                    t0 + std::chrono::seconds(2));
  runs = store->recent_runs(10);
  ASSERT_EQ(runs.size(), 2u);
  const SyncRun& failed = runs[0];
  const SyncRun& ok = runs[1];
  EXPECT_EQ(failed.id, failed_run);
  EXPECT_EQ(failed.status, "failed");
  EXPECT_EQ(failed.stats.error, "remote: HTTP 503 from NetSuite after 5 attempts");
  EXPECT_EQ(failed.stream.to_text(), "erp.invoices");
  EXPECT_EQ(ok.status, "ok");
  EXPECT_EQ(ok.finished, t0 + std::chrono::milliseconds(61001));
  EXPECT_EQ(ok.stats.pages, 12);
  EXPECT_EQ(ok.stats.records, 23456);
  EXPECT_EQ(ok.stats.invalid, 7);
  EXPECT_EQ(ok.stats.api_calls, 15);
  EXPECT_EQ(ok.stats.error, "");
}

TEST_P(SyncRuns, RecentRunsHonoursTheLimit) {
  auto store = open_migrated();
  std::vector<long> ids;
  for (int i = 0; i < 5; ++i) ids.push_back(store->begin_run(kOrders, clock_.now() + std::chrono::minutes(i)));
  const auto runs = store->recent_runs(3);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].id, ids[4]);
  EXPECT_EQ(runs[2].id, ids[2]);
  EXPECT_TRUE(store->recent_runs(0).empty());
}

TEST_P(SyncRuns, FinishingAnUnknownRunIsAStoreError) {
  auto store = open_migrated();
  try {
    store->finish_run(4242, {}, clock_.now());
    FAIL() << "an unknown run was finished";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::store);
    EXPECT_NE(std::string(e.what()).find("4242"), std::string::npos) << e.what();
  }
}

O2C_ON_BOTH_BACKENDS(SyncRuns);

}  // namespace
}  // namespace o2c::store::testing
