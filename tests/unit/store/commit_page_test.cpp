// A page and its cursor commit together, or not at all.
#include "core/error.h"
#include "tests/unit/store/store_test_support.h"

namespace o2c::store::testing {
namespace {

using CommitPage = StoreTest;

std::vector<schema::CanonicalRecord> orders(const std::vector<std::string>& ids) {
  std::vector<schema::CanonicalRecord> out;
  for (const auto& id : ids) out.push_back(sample_order(id));
  return out;
}

std::vector<std::string> order_ids(Store& store) {
  std::vector<std::string> out;
  for (const auto& o : store.orders()) out.push_back(o.meta.external_id);
  return out;
}

// Makes the database itself refuse to store the cursor text "boom".
void refuse_cursor_boom(soci::session& s, bool sqlite) {
  if (sqlite) {
    s << "CREATE TRIGGER refuse_boom BEFORE INSERT ON sync_cursors WHEN NEW.cursor_text = 'boom' "
         "BEGIN SELECT RAISE(ABORT, 'forced failure'); END";
    return;
  }
  s << "CREATE FUNCTION refuse_boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
       "IF NEW.cursor_text = 'boom' THEN RAISE EXCEPTION 'forced failure'; END IF; RETURN NEW; END $$";
  s << "CREATE TRIGGER refuse_boom BEFORE INSERT ON sync_cursors FOR EACH ROW EXECUTE FUNCTION refuse_boom()";
}

TEST_P(CommitPage, StoresTheCursorWithThePageAndReadsItBack) {
  auto store = open_migrated();
  EXPECT_EQ(store->cursor(kOrders), std::nullopt);
  store->commit_page(kOrders, orders({"801"}), {}, "since=2024-05-01T00:00:00.000Z;id=801");
  EXPECT_EQ(store->cursor(kOrders), "since=2024-05-01T00:00:00.000Z;id=801");
  EXPECT_EQ(store->cursor(kInvoices), std::nullopt);
  store->commit_page(kOrders, {}, {}, "since=2024-05-01T00:00:00.000Z;id=802");
  EXPECT_EQ(store->cursor(kOrders), "since=2024-05-01T00:00:00.000Z;id=802");
}

TEST_P(CommitPage, ARecordBreakingAConstraintMidPageStoresNothingOfThePageNorItsCursor) {
  auto store = open_migrated();
  store->commit_page(kOrders, orders({"801", "802"}), {}, "page-1");
  auto page = orders({"803", "804", "805"});
  std::get<schema::Order>(page[1]).amount = Money();  // no currency: refused by the table
  try {
    store->commit_page(kOrders, page, std::vector{sample_invalid("salesforce", "Order", "806")}, "page-2");
    FAIL() << "a page with an order without currency was stored";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::store);
    EXPECT_NE(std::string(e.what()).find("salesforce.orders"), std::string::npos) << e.what();
  }
  EXPECT_EQ(order_ids(*store), (std::vector<std::string>{"801", "802"}));
  EXPECT_EQ(store->cursor(kOrders), "page-1");
  EXPECT_TRUE(store->invalid_records().empty());

  std::get<schema::Order>(page[1]).amount = Money(5, Currency::parse("EUR"));
  store->commit_page(kOrders, page, {}, "page-2");  // the same store goes on after a failure
  EXPECT_EQ(order_ids(*store), (std::vector<std::string>{"801", "802", "803", "804", "805"}));
  EXPECT_EQ(store->cursor(kOrders), "page-2");
}

TEST_P(CommitPage, AFailureStoringTheCursorRollsBackTheRecords) {
  auto store = open_migrated();
  store->commit_page(kOrders, orders({"801"}), {}, "page-1");
  refuse_cursor_boom(*raw_session(), is_sqlite());
  auto page = orders({"801", "802"});
  std::get<schema::Order>(page[0]).po_number = "CHANGED";
  EXPECT_THROW(store->commit_page(kOrders, page, std::vector{sample_invalid("salesforce", "Order", "803")}, "boom"), Error);
  const auto stored = store->orders();
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0], sample_order("801"));
  EXPECT_EQ(store->cursor(kOrders), "page-1");
  EXPECT_TRUE(store->invalid_records().empty());
}

TEST_P(CommitPage, ResetCursorForgetsOnlyThatStream) {
  auto store = open_migrated();
  store->commit_page(kOrders, orders({"801"}), {}, "orders-cursor");
  store->commit_page(kInvoices, std::vector<schema::CanonicalRecord>{sample_invoice("1")}, {}, "invoices-cursor");
  store->reset_cursor(kOrders);
  EXPECT_EQ(store->cursor(kOrders), std::nullopt);
  EXPECT_EQ(store->cursor(kInvoices), "invoices-cursor");
  EXPECT_EQ(store->orders().size(), 1u);  // records stay: a full sync upserts them again
  store->reset_cursor(kOrders);           // resetting twice is fine
}

TEST_P(CommitPage, WritingToAnUnmigratedDatabaseIsAStoreError) {
  auto store = open();
  try {
    store->commit_page(kOrders, orders({"801"}), {}, "c");
    FAIL() << "commit_page worked without tables";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::store);
  }
}

O2C_ON_BOTH_BACKENDS(CommitPage);

}  // namespace
}  // namespace o2c::store::testing
