// A million orders must not be held as rows: the dataset keeps a few bytes of
// plan per row and generates cells on demand. Measures resident memory, never time.
#include <gtest/gtest.h>

#include <fstream>
#include <fmt/format.h>
#include <unistd.h>

#include "tests/unit/sim/dataset/dataset_test_support.h"

namespace o2c::sim {
namespace {

using namespace testing_support;

std::size_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t total_pages = 0, resident_pages = 0;
  statm >> total_pages >> resident_pages;
  return resident_pages * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

TEST(DatasetMemory, AMillionOrdersStayWellUnderAHundredAndFiftyMegabytes) {
  const std::size_t before = resident_bytes();
  ASSERT_GT(before, 0u);
  const Dataset ds(options(1'000'000));
  const auto orders = table(ds, "salesforce", "Order");
  const auto transactions = table(ds, "netsuite", "transaction");
  ASSERT_EQ(orders->size(), 1'000'000u);
  EXPECT_GT(transactions->size(), 1'100'000u);
  // Cells of rows far apart, generated on demand.
  for (const std::size_t row : {std::size_t{0}, std::size_t{499'999}, std::size_t{999'999}}) {
    EXPECT_EQ(text(*orders, row, "OrderNumber"), fmt::format("{:08}", row + 1));
    EXPECT_EQ(orders->find(text(*orders, row, "Id")), row);
  }
  // The ERP views add a row index of the documents, not rows.
  const auto billing = table(ds, "sap", "A_BillingDocument"), schedules = table(ds, "ebs", "AR_PAYMENT_SCHEDULES_ALL");
  EXPECT_GT(billing->size(), 900'000u);
  EXPECT_EQ(schedules->size(), transactions->size());
  for (const std::size_t row : {std::size_t{0}, billing->size() / 2, billing->size() - 1})
    EXPECT_EQ(billing->find(text(*billing, row, "BillingDocument")), row);
  EXPECT_EQ(text(*schedules, transactions->size() - 1, "PAYMENT_SCHEDULE_ID"),
            text(*transactions, transactions->size() - 1, "id"));
  const std::size_t grown = resident_bytes() - before;
  EXPECT_LT(grown, std::size_t{100} << 20) << grown / (1 << 20) << " MiB";
}

}  // namespace
}  // namespace o2c::sim
