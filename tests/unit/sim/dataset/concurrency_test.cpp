// Readers serve cells while mutations and answer-key requests run: a smoke
// test for the sanitizer builds (no lock on the read path, see dataset_core.h).
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "tests/unit/sim/dataset/dataset_test_support.h"

namespace o2c::sim {
namespace {

using namespace testing_support;

// Reads every cell of rows [0, size) once; checks what mutations may not break.
void read_all(const SimTable& t, std::size_t* rows_read) {
  const std::size_t size = t.size();
  for (std::size_t row = 0; row < size; ++row) {
    const SimValue id = t.value(row, 0);
    ASSERT_TRUE(std::holds_alternative<std::string>(id));
    ASSERT_EQ(t.find(std::get<std::string>(id)), row);
    for (std::size_t col = 1; col < t.columns().size(); ++col) (void)t.value(row, col);
  }
  *rows_read += size;
}

TEST(DatasetConcurrency, ReadersSeeConsistentRowsWhileMutationsRun) {
  Dataset ds(options(1500));
  const auto orders = table(ds, "salesforce", "Order");
  const auto transactions = table(ds, "netsuite", "transaction");
  const auto billing = table(ds, "sap", "A_BillingDocument"), schedules = table(ds, "ebs", "AR_PAYMENT_SCHEDULES_ALL");
  std::atomic<bool> writing{true};
  std::vector<std::size_t> rows_read(3, 0);
  std::vector<std::thread> readers;
  for (std::size_t k = 0; k < rows_read.size(); ++k)
    readers.emplace_back([&, k] {
      do {
        read_all(*orders, &rows_read[k]);
        read_all(*transactions, &rows_read[k]);
        read_all(*billing, &rows_read[k]);
        read_all(*schedules, &rows_read[k]);
      } while (writing.load());
    });

  std::string key;
  for (std::size_t step = 0; step < 60; ++step) {
    const std::string order_id = text(*orders, (step * 37) % orders->size(), "Id");
    const char* action = step % 3 == 0 ? "touch" : step % 3 == 1 ? "delete" : "undelete";
    EXPECT_EQ(ds.mutate({action, "salesforce", "Order", order_id}), "");
    std::string created;
    EXPECT_EQ(ds.mutate({"insert_late", step % 2 ? "netsuite" : "salesforce", step % 2 ? "transaction" : "Order", ""},
                        &created),
              "");
    EXPECT_FALSE(created.empty());
    EXPECT_EQ(ds.mutate({"touch", "sap", "A_BillingDocument", text(*billing, (step * 11) % billing->size(), "BillingDocument")}),
              "");
    if (step % 20 == 0) key = ds.answer_key_json(step % 40 == 0 ? "netsuite" : "ebs");
  }
  writing.store(false);
  for (auto& r : readers) r.join();
  for (const std::size_t n : rows_read) EXPECT_GE(n, 1500u);
  EXPECT_EQ(orders->size(), 1530u);
  EXPECT_FALSE(key.empty());
  EXPECT_EQ(answer_key_sets(ds.answer_key_json()).empty(), false);
}

}  // namespace
}  // namespace o2c::sim
