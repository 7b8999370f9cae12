// 20,000 records in pages of 1,000: every one stored exactly once, with its
// values, the cursor of the last page kept. Prints the commit rate (no
// timing assertion: the machine decides the figure, not the test).
#include <chrono>
#include <ctime>
#include <iostream>

#include <fmt/format.h>

#include "tests/unit/store/store_test_support.h"

namespace o2c::store::testing {
namespace {

using BulkCommit = StoreTest;

constexpr int kRecords = 20000;
constexpr int kPageSize = 1000;

schema::Order numbered_order(int n) {
  auto order = sample_order(fmt::format("801{:012}", n));
  order.number = fmt::format("{:08}", n);
  order.amount = Money(100LL * n + n % 100, Currency::parse(n % 3 == 0 ? "USD" : "EUR"));
  order.meta.modified += std::chrono::milliseconds(n);
  if (n % 7 == 0) order.signed_at.reset();
  return order;
}

TEST_P(BulkCommit, TwentyThousandRecordsInPagesOfAThousandAreAllStored) {
  auto store = open_migrated();
  std::vector<std::vector<schema::CanonicalRecord>> pages(kRecords / kPageSize);
  for (int n = 0; n < kRecords; ++n) pages[static_cast<std::size_t>(n / kPageSize)].push_back(numbered_order(n));

  const auto start = std::chrono::steady_clock::now();
  const std::clock_t cpu_start = std::clock();
  for (std::size_t p = 0; p < pages.size(); ++p) store->commit_page(kOrders, pages[p], {}, fmt::format("page-{}", p));
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const double cpu_seconds = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  // Wall time depends on the machine's load; this process's CPU time does not
  // (for PostgreSQL it leaves out the server's share).
  std::cout << fmt::format("[ rate     ] {}: {} records in {} pages: {:.0f} records/s (wall), {:.0f} records/s of this "
                           "process's CPU time\n",
                           is_sqlite() ? "sqlite" : "postgresql", kRecords, pages.size(), kRecords / seconds,
                           kRecords / cpu_seconds);

  const auto orders = store->orders();
  ASSERT_EQ(orders.size(), static_cast<std::size_t>(kRecords));
  for (int n = 0; n < kRecords; ++n) ASSERT_EQ(orders[static_cast<std::size_t>(n)], numbered_order(n)) << n;
  EXPECT_EQ(store->cursor(kOrders), fmt::format("page-{}", pages.size() - 1));

  // Re-reading the whole stream (after a crash, or --full) changes nothing.
  for (const auto& page : pages) store->commit_page(kOrders, page, {}, "again");
  EXPECT_EQ(store->orders(), orders);
}

O2C_ON_BOTH_BACKENDS(BulkCommit);

}  // namespace
}  // namespace o2c::store::testing
