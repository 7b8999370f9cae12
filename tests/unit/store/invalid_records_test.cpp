// A record that is DATA_INVALID now is recorded and hidden from the reads; its
// last good version stays untouched; mapping fine again clears it.
#include "tests/unit/store/store_test_support.h"

namespace o2c::store::testing {
namespace {

using InvalidRecords = StoreTest;

std::vector<schema::CanonicalRecord> page(std::initializer_list<schema::CanonicalRecord> records) { return records; }

TEST_P(InvalidRecords, AnInvalidRecordIsRecordedAndItsLastGoodVersionHiddenButKept) {
  auto store = open_migrated();
  auto good = sample_order("801");
  store->commit_page(kOrders, page({good, sample_order("802")}), {}, "c1");

  const auto bad = sample_invalid("salesforce", "Order", "801");
  store->commit_page(kOrders, {}, std::vector{bad}, "c2");
  EXPECT_EQ(store->invalid_records(), std::vector{bad});
  const auto visible = store->orders();
  ASSERT_EQ(visible.size(), 1u);
  EXPECT_EQ(visible[0].meta.external_id, "802");

  std::string po;
  *raw_session() << "SELECT po_number FROM orders WHERE external_id = '801'", soci::into(po);
  EXPECT_EQ(po, good.po_number);  // the stored row was not touched

  auto fixed = good;
  fixed.po_number = "PO-FIXED";
  store->commit_page(kOrders, page({fixed}), {}, "c3");
  EXPECT_TRUE(store->invalid_records().empty());
  EXPECT_EQ(store->orders().size(), 2u);
  EXPECT_EQ(store->orders()[0], fixed);
}

TEST_P(InvalidRecords, AnInvalidRecordNeverStoredBeforeHidesNothingElse) {
  auto store = open_migrated();
  store->commit_page(kOrders, page({sample_order("802")}), std::vector{sample_invalid("salesforce", "Order", "801")}, "c1");
  EXPECT_EQ(store->orders().size(), 1u);
  EXPECT_EQ(store->invalid_records().size(), 1u);
}

TEST_P(InvalidRecords, InvalidAgainUpdatesReasonAndLastSeenButKeepsFirstSeen) {
  auto store = open_migrated();
  const Timestamp first = clock_.now();
  store->commit_page(kOrders, {}, std::vector{sample_invalid("salesforce", "Order", "801")}, "c1");
  clock_.set(first + std::chrono::hours(1));
  auto again = sample_invalid("salesforce", "Order", "801");
  again.field = "po_number";
  again.reason = "po_number is too long";
  store->commit_page(kOrders, {}, std::vector{again}, "c2");
  EXPECT_EQ(store->invalid_records(), std::vector{again});
  long long first_seen = 0, last_seen = 0;
  *raw_session() << "SELECT first_seen_ms, last_seen_ms FROM invalid_records", soci::into(first_seen),
      soci::into(last_seen);
  EXPECT_EQ(first_seen, first.time_since_epoch().count());
  EXPECT_EQ(last_seen, (first + std::chrono::hours(1)).time_since_epoch().count());
}

TEST_P(InvalidRecords, HiddenInEveryReadOfThatKeyOnly) {
  auto store = open_migrated();
  store->commit_page(kInvoices,
                     page({sample_customer("C-1"), sample_invoice("1"), sample_payment("2"), sample_payment("3")}), {},
                     "c1");
  store->commit_page(kInvoices, {},
                     std::vector{sample_invalid("erp", "customer", "C-1"), sample_invalid("erp", "transaction", "1"),
                      sample_invalid("erp", "transaction", "2")},
                     "c2");
  EXPECT_TRUE(store->customers().empty());
  EXPECT_TRUE(store->invoices().empty());
  ASSERT_EQ(store->payments().size(), 1u);
  EXPECT_EQ(store->payments()[0].meta.external_id, "3");
}

TEST_P(InvalidRecords, ARecordWhoseTextHoldsANulIsStoredAsInvalidAndThePageGoesOn) {
  auto store = open_migrated();
  auto bad = sample_order("801");
  bad.po_number = std::string("PO\0-1", 5);
  store->commit_page(kOrders, page({sample_order("800"), bad, sample_order("802")}), {}, "c1");
  EXPECT_EQ(store->orders().size(), 2u);
  const auto invalid = store->invalid_records();
  ASSERT_EQ(invalid.size(), 1u);
  EXPECT_EQ(invalid[0].external_id, "801");
  EXPECT_EQ(invalid[0].field, "po_number");
  EXPECT_NE(invalid[0].reason.find("NUL"), std::string::npos);
  EXPECT_EQ(store->cursor(kOrders), "c1");
}

TEST_P(InvalidRecords, DiagnosticTextWithNulAndNonAsciiIsStoredReadably) {
  auto store = open_migrated();
  auto bad = sample_invalid("salesforce", "Order", "801");
  bad.excerpt = std::string("{\"Name\":\"Zoë\0\"}", 16);
  bad.reason = "montant « 12,5 » invalide";
  store->commit_page(kOrders, {}, std::vector{bad}, "c1");
  const auto invalid = store->invalid_records();
  ASSERT_EQ(invalid.size(), 1u);
  EXPECT_EQ(invalid[0].excerpt, "{\"Name\":\"Zoë\xEF\xBF\xBD\"}");
  EXPECT_EQ(invalid[0].reason, bad.reason);
}

O2C_ON_BOTH_BACKENDS(InvalidRecords);

}  // namespace
}  // namespace o2c::store::testing
