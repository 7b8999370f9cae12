// Every field of every record type survives a write and a read exactly.
#include <fmt/format.h>

#include "tests/unit/store/store_test_support.h"

namespace o2c::store::testing {
namespace {

using Records = StoreTest;

std::vector<schema::CanonicalRecord> one_of_each() {
  return {sample_customer("C-1"), sample_order("801A"), sample_order_line("802A"), sample_invoice("9001"),
          sample_payment("9002"), sample_invoice_line("9001-10")};
}

TEST_P(Records, EveryFieldOfEveryRecordTypeReadsBackExactly) {
  auto store = open_migrated();
  const auto records = one_of_each();
  store->commit_page(kOrders, records, {}, "cursor-1");

  ASSERT_EQ(store->customers().size(), 1u);
  EXPECT_EQ(store->customers()[0], std::get<schema::Customer>(records[0]));
  ASSERT_EQ(store->orders().size(), 1u);
  EXPECT_EQ(store->orders()[0], std::get<schema::Order>(records[1]));
  ASSERT_EQ(store->order_lines().size(), 1u);
  EXPECT_EQ(store->order_lines()[0], std::get<schema::OrderLine>(records[2]));
  ASSERT_EQ(store->invoices().size(), 1u);
  EXPECT_EQ(store->invoices()[0], std::get<schema::Invoice>(records[3]));
  ASSERT_EQ(store->payments().size(), 1u);
  EXPECT_EQ(store->payments()[0], std::get<schema::Payment>(records[4]));
  ASSERT_EQ(store->invoice_lines().size(), 1u);
  EXPECT_EQ(store->invoice_lines()[0], std::get<schema::InvoiceLine>(records[5]));
}

TEST_P(Records, MoneyKeepsMinorUnitsAndCurrencyAtTheExtremes) {
  auto store = open_migrated();
  auto big = sample_order("big");
  big.amount = Money(std::numeric_limits<std::int64_t>::max(), Currency::parse("JPY"));
  auto small = sample_order("small");
  small.amount = Money(std::numeric_limits<std::int64_t>::min() + 1, Currency::parse("BHD"));
  auto cent = sample_order("cent");
  cent.amount = Money(1, Currency::parse("USD"));
  store->commit_page(kOrders, std::vector<schema::CanonicalRecord>{big, small, cent}, {}, "c");
  const auto orders = store->orders();
  ASSERT_EQ(orders.size(), 3u);
  EXPECT_EQ(orders[0].amount, big.amount);  // "big" < "cent" < "small"
  EXPECT_EQ(orders[1].amount, cent.amount);
  EXPECT_EQ(orders[2].amount, small.amount);
  EXPECT_EQ(orders[2].amount.currency().exponent(), 3);
}

TEST_P(Records, EmptyStringsStayEmptyAndAbsentOptionalsStayAbsent) {
  auto store = open_migrated();
  schema::Customer customer{meta("salesforce", "Account", "001"), "", "", "", "", std::nullopt, false, "", "", "", "", ""};
  schema::Order order{meta("salesforce", "Order", "801"), "", "", "", Money(0, Currency::parse("EUR")),
                      schema::OrderKind::other, false, std::nullopt, std::nullopt, std::nullopt};
  schema::Invoice invoice{meta("erp", "transaction", "1"), "", schema::InvoiceKind::invoice, "", "", "", "",
                          Money(0, Currency::parse("EUR")), std::nullopt, std::nullopt, std::nullopt, std::nullopt};
  schema::InvoiceLine line{meta("erp", "transactionline", "3"), "1", "", "", "", "", "", Money(0, Currency::parse("EUR")),
                           "", "", std::nullopt};
  schema::Payment payment{meta("erp", "transaction", "2"), "", "", Money(0, Currency::parse("EUR")), std::nullopt, ""};
  store->commit_page(kOrders, std::vector<schema::CanonicalRecord>{customer, order, invoice, payment, line}, {}, "c");
  EXPECT_EQ(store->invoice_lines(), std::vector{line});
  EXPECT_EQ(store->customers(), std::vector{customer});
  EXPECT_EQ(store->orders(), std::vector{order});
  EXPECT_EQ(store->invoices(), std::vector{invoice});
  EXPECT_EQ(store->payments(), std::vector{payment});
}

TEST_P(Records, TimestampsKeepTheirMillisecondsAndDatesTheirDay) {
  auto store = open_migrated();
  auto order = sample_order("801");
  order.meta.modified = parse_timestamp("1969-12-31T23:59:59.999Z");  // before the epoch: a negative count
  order.signed_at = parse_timestamp("2038-01-19T03:14:08.001Z");      // past 32-bit seconds
  order.effective_date = parse_date("1900-01-01");
  order.end_date = parse_date("9999-12-31");
  store->commit_page(kOrders, std::vector<schema::CanonicalRecord>{order}, {}, "c");
  const auto orders = store->orders();
  ASSERT_EQ(orders.size(), 1u);
  EXPECT_EQ(to_iso8601(orders[0].meta.modified), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(to_iso8601(*orders[0].signed_at), "2038-01-19T03:14:08.001Z");
  EXPECT_EQ(to_iso8601(*orders[0].effective_date), "1900-01-01");
  EXPECT_EQ(to_iso8601(*orders[0].end_date), "9999-12-31");
}

TEST_P(Records, ALaterVersionReplacesTheEarlierOneAndDeletedRecordsAreKept) {
  auto store = open_migrated();
  auto first = sample_order("801");
  store->commit_page(kOrders, std::vector<schema::CanonicalRecord>{first, sample_order("802")}, {}, "c1");
  auto second = first;
  second.po_number = "PO-NEW";
  second.amount = Money(1, Currency::parse("USD"));
  second.signed_at.reset();
  second.meta.deleted = true;
  second.meta.modified = parse_timestamp("2024-05-02T00:00:00.000Z");
  store->commit_page(kOrders, std::vector<schema::CanonicalRecord>{second}, {}, "c2");
  const auto orders = store->orders();
  ASSERT_EQ(orders.size(), 2u);
  EXPECT_EQ(orders[0], second);
  EXPECT_TRUE(orders[0].meta.deleted);
  EXPECT_EQ(orders[1], sample_order("802"));
}

TEST_P(Records, TheKeyIsSourceObjectAndExternalId) {
  auto store = open_migrated();
  auto a = sample_customer("1");
  auto b = sample_customer("1");
  b.meta.source = "other-erp";
  b.name = "B";
  auto c = sample_customer("1");
  c.meta.object = "lead";
  c.name = "C";
  store->commit_page(kOrders, std::vector<schema::CanonicalRecord>{a, b, c}, {}, "c");
  EXPECT_EQ(store->customers().size(), 3u);
}

TEST_P(Records, SyncedAtIsTheClockTimeOfTheCommit) {
  auto store = open_migrated();
  store->commit_page(kOrders, std::vector<schema::CanonicalRecord>{sample_payment("1")}, {}, "c");
  long long synced_at = 0;
  *raw_session() << "SELECT synced_at_ms FROM payments", soci::into(synced_at);
  EXPECT_EQ(synced_at, clock_.now().time_since_epoch().count());
}

TEST_P(Records, TextThatLooksLikeSyntaxIsStoredAsIs) {
  auto store = open_migrated();
  const std::vector<std::string> texts = {"\"quoted\"", "back\\slash\\", "{braces},comma", "NULL", "null",
                                          " leading and trailing ", "it's", "$1 :name ?", "tab\tnew\nline", "",
                                          "😀 emoji", "x"};
  std::vector<schema::CanonicalRecord> page;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    auto payment = sample_payment(fmt::format("{:02}", i));
    payment.reference = texts[i];
    payment.number = texts[texts.size() - 1 - i];
    page.push_back(payment);
  }
  store->commit_page(kInvoices, page, {}, texts[0]);
  const auto payments = store->payments();
  ASSERT_EQ(payments.size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(payments[i], std::get<schema::Payment>(page[i])) << i;
  EXPECT_EQ(store->cursor(kInvoices), texts[0]);
}

TEST_P(Records, ARecordTwiceInOnePageEndsAsItsLastVersion) {
  auto store = open_migrated();
  auto first = sample_invoice("1");
  auto last = first;
  last.po_number = "PO-LAST";
  store->commit_page(kInvoices, std::vector<schema::CanonicalRecord>{first, sample_invoice("2"), last}, {}, "c");
  const auto invoices = store->invoices();
  ASSERT_EQ(invoices.size(), 2u);
  EXPECT_EQ(invoices[0], last);
  auto bad = sample_invalid("erp", "transaction", "3");
  auto worse = bad;
  worse.reason = "the second reason";
  store->commit_page(kInvoices, {}, std::vector{bad, worse}, "c");
  EXPECT_EQ(store->invalid_records(), std::vector{worse});
}

O2C_ON_BOTH_BACKENDS(Records);

}  // namespace
}  // namespace o2c::store::testing
