// Counts of keyset queries with a residual filter come from the prefix
// table, built once, equal to a full scan, and rebuilt when the table changes.
#include <gtest/gtest.h>

#include "sap_test_support.h"
#include "sim/sap/sap_count.h"
#include "sim/sap/sap_exec.h"

namespace o2c::sim::sap::test {
namespace {

QueryPlan plan_for(const SapFixture& data, const std::string& filter) {
  const ServiceDef& billing = sap_services()[1];
  const SetResolver sets{&billing, data.catalog.get()};
  const auto [set, table] = sets.resolve("A_BillingDocument");
  return plan_query(sets, *set, table, parse_options("$filter=" + filter, ODataVersion::v2), ODataVersion::v2);
}

std::size_t brute_force(const QueryPlan& plan) {
  std::size_t n = 0;
  for (std::size_t row = 0; row < plan.table->size(); ++row) n += row_matches(plan, row);
  return n;
}

TEST(SapCount, KeysetCountsFromThePrefixTable) {
  SapFixture data = make_fixture(20'000);
  CountCache cache;
  for (const int after : {100000, 100001, 104095, 104096, 104097, 111111, 119999, 120000, 120001}) {
    const QueryPlan plan = plan_for(data, fmt::format("(BillingDocumentType eq 'G2' or BillingDocumentIsCancelled "
                                                      "eq true) and BillingDocument gt '{}'", after));
    EXPECT_FALSE(plan.seek_exact);
    EXPECT_TRUE(plan.residual);
    EXPECT_EQ(cache.count(plan), brute_force(plan)) << after;
  }
  EXPECT_EQ(cache.builds(), 1);
  data.documents->rows().push_back(data.documents->rows()[3]);   // a G2 appended: the table changed
  data.documents->rows().back()[0] = std::string("120001");
  const QueryPlan plan = plan_for(data, "BillingDocumentType eq 'G2' or BillingDocumentIsCancelled eq true");
  EXPECT_EQ(cache.count(plan), brute_force(plan));
  EXPECT_EQ(cache.builds(), 2);
}

TEST(SapCount, ExactRangesNeedNoTable) {
  SapFixture data = make_fixture(20'000);
  CountCache cache;
  const QueryPlan plan = plan_for(data, "BillingDocument gt '100010' and LastChangeDateTime ge "
                                        "datetimeoffset'2026-11-10T10:00:05Z'");
  EXPECT_TRUE(plan.seek_exact);
  EXPECT_EQ(cache.count(plan), 20'000u - 15u);
  EXPECT_EQ(cache.builds(), 0);
}

}  // namespace
}  // namespace o2c::sim::sap::test
