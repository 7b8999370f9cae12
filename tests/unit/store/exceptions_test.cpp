// The exception lifecycle across reconciliation passes, and acknowledgements.
#include "core/error.h"
#include "tests/unit/store/store_test_support.h"

namespace o2c::store::testing {
namespace {

using Exceptions = StoreTest;
using schema::ExceptionKind;
using schema::ExceptionState;

schema::ExceptionItem not_invoiced(const std::string& order_id) {
  schema::ExceptionItem e;
  e.kind = ExceptionKind::order_not_invoiced;
  e.rule = "exhaustivity.signed_order_invoiced";
  e.customer_id = "001ACC";
  e.order_id = order_id;
  e.customer_name = "Société Générale";
  e.order_number = "00000" + order_id;
  e.po_number = "PO-42";
  e.amount = Money(123456, Currency::parse("EUR"));
  e.reference_date = parse_date("2024-03-31");
  e.evidence = {{"order_amount", "1234.56 EUR"}, {"invoices_found", "0"}, {"note", "quote \" and \\ and ☕"}};
  return e;
}

schema::ExceptionItem po_missing(const std::string& invoice_id) {
  schema::ExceptionItem e;
  e.kind = ExceptionKind::po_missing;
  e.rule = "po.required";
  e.invoice_id = invoice_id;
  e.invoice_number = "INV-" + invoice_id;
  return e;
}

const schema::StoredException& find(const std::vector<schema::StoredException>& all, const std::string& id) {
  for (const auto& e : all)
    if (e.id == id) return e;
  throw std::runtime_error("no exception " + id);
}

TEST_P(Exceptions, NewOnesOpenWithEveryFieldStored) {
  auto store = open_migrated();
  const auto item = not_invoiced("801");
  const auto result = store->sync_exceptions(std::vector{item, po_missing("1")}, clock_.now());
  EXPECT_EQ(result.opened, 2);
  EXPECT_EQ(result.still_open, 0);
  EXPECT_EQ(result.resolved, 0);
  const auto all = store->exceptions({});
  ASSERT_EQ(all.size(), 2u);
  const auto& stored = find(all, item.stable_id());
  EXPECT_EQ(stored.state, ExceptionState::open);
  EXPECT_EQ(stored.first_seen, clock_.now());
  EXPECT_EQ(stored.last_seen, clock_.now());
  EXPECT_EQ(stored.resolved_at, std::nullopt);
  EXPECT_EQ(stored.note, "");
  const auto& i = stored.item;
  EXPECT_EQ(i.kind, item.kind);
  EXPECT_EQ(i.rule, item.rule);
  EXPECT_EQ(i.customer_id, item.customer_id);
  EXPECT_EQ(i.order_id, item.order_id);
  EXPECT_EQ(i.customer_name, item.customer_name);
  EXPECT_EQ(i.order_number, item.order_number);
  EXPECT_EQ(i.po_number, item.po_number);
  EXPECT_EQ(i.amount, item.amount);
  EXPECT_EQ(i.reference_date, item.reference_date);
  EXPECT_EQ(i.evidence, item.evidence);
  EXPECT_EQ(i.stable_id(), stored.id);
  const auto& other = find(all, po_missing("1").stable_id()).item;
  EXPECT_EQ(other.amount, std::nullopt);
  EXPECT_EQ(other.reference_date, std::nullopt);
  EXPECT_TRUE(other.evidence.empty());
}

TEST_P(Exceptions, OpenThenStillOpenThenResolvedThenReopened) {
  auto store = open_migrated();
  const Timestamp t0 = clock_.now();
  const auto item = not_invoiced("801");
  const std::string id = item.stable_id();
  store->sync_exceptions(std::vector{item}, t0);

  auto changed = item;
  changed.amount = Money(99, Currency::parse("EUR"));
  changed.evidence = {{"order_amount", "0.99 EUR"}};
  auto result = store->sync_exceptions(std::vector{changed}, t0 + std::chrono::hours(1));
  EXPECT_EQ(result.opened, 0);
  EXPECT_EQ(result.still_open, 1);
  auto e = find(store->exceptions({}), id);
  EXPECT_EQ(e.state, ExceptionState::open);
  EXPECT_EQ(e.first_seen, t0);
  EXPECT_EQ(e.last_seen, t0 + std::chrono::hours(1));
  EXPECT_EQ(e.item.amount, changed.amount);
  EXPECT_EQ(e.item.evidence, changed.evidence);

  result = store->sync_exceptions({}, t0 + std::chrono::hours(2));
  EXPECT_EQ(result.resolved, 1);
  e = find(store->exceptions({}), id);
  EXPECT_EQ(e.state, ExceptionState::resolved);
  EXPECT_EQ(e.resolved_at, t0 + std::chrono::hours(2));
  result = store->sync_exceptions({}, t0 + std::chrono::hours(3));
  EXPECT_EQ(result.resolved, 0);  // already resolved: untouched
  EXPECT_EQ(find(store->exceptions({}), id).resolved_at, t0 + std::chrono::hours(2));

  result = store->sync_exceptions(std::vector{item}, t0 + std::chrono::hours(4));
  EXPECT_EQ(result.opened, 1);
  e = find(store->exceptions({}), id);
  EXPECT_EQ(e.state, ExceptionState::open);
  EXPECT_EQ(e.resolved_at, std::nullopt);
  EXPECT_EQ(e.first_seen, t0);
  EXPECT_EQ(e.last_seen, t0 + std::chrono::hours(4));
}

TEST_P(Exceptions, AcknowledgementSurvivesRerunsUntilResolved) {
  auto store = open_migrated();
  const auto item = not_invoiced("801");
  store->sync_exceptions(std::vector{item}, clock_.now());
  ASSERT_TRUE(store->acknowledge(item.stable_id(), "customer cancelled; credit in May", clock_.now()));
  auto result = store->sync_exceptions(std::vector{item}, clock_.now() + std::chrono::hours(1));
  EXPECT_EQ(result.still_open, 1);
  auto e = find(store->exceptions({}), item.stable_id());
  EXPECT_EQ(e.state, ExceptionState::acknowledged);
  EXPECT_EQ(e.note, "customer cancelled; credit in May");

  store->sync_exceptions({}, clock_.now() + std::chrono::hours(2));
  EXPECT_EQ(find(store->exceptions({}), item.stable_id()).state, ExceptionState::resolved);
}

TEST_P(Exceptions, AcknowledgeTakesAUniquePrefixOfAtLeastSixCharacters) {
  auto store = open_migrated();
  const auto item = not_invoiced("801");
  store->sync_exceptions(std::vector{item, po_missing("1")}, clock_.now());
  const std::string id = item.stable_id();
  std::string upper = id.substr(0, 8);
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  EXPECT_TRUE(store->acknowledge(upper, "seen", clock_.now()));
  EXPECT_EQ(find(store->exceptions({}), id).state, ExceptionState::acknowledged);
  EXPECT_EQ(find(store->exceptions({}), po_missing("1").stable_id()).state, ExceptionState::open);
  try {
    store->acknowledge(id.substr(0, 5), "too short", clock_.now());
    FAIL() << "a 5-character prefix was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
  }
}

TEST_P(Exceptions, AnAmbiguousPrefixIsRefusedListingTheCandidates) {
  auto store = open_migrated();
  // Two exceptions whose ids share their first 6 characters (a birthday search: ~5000 tries).
  std::map<std::string, std::vector<schema::ExceptionItem>> by_prefix;
  std::string prefix;
  for (int n = 0; prefix.empty(); ++n) {
    const auto item = po_missing(std::to_string(n));
    auto& group = by_prefix[item.stable_id().substr(0, 6)];
    group.push_back(item);
    if (group.size() == 2) prefix = item.stable_id().substr(0, 6);
  }
  auto items = by_prefix[prefix];
  items.push_back(not_invoiced("801"));
  store->sync_exceptions(items, clock_.now());
  try {
    store->acknowledge(prefix, "which one?", clock_.now());
    FAIL() << "an ambiguous prefix was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    for (const auto& item : by_prefix[prefix])
      EXPECT_NE(std::string(e.what()).find(item.stable_id()), std::string::npos) << e.what();
  }
  for (const auto& e : store->exceptions({})) EXPECT_EQ(e.state, ExceptionState::open);
  EXPECT_TRUE(store->acknowledge(by_prefix[prefix][0].stable_id(), "this one", clock_.now()));
}

TEST_P(Exceptions, AcknowledgingAnUnknownIdReturnsFalse) {
  auto store = open_migrated();
  store->sync_exceptions(std::vector{not_invoiced("801")}, clock_.now());
  EXPECT_FALSE(store->acknowledge("0123456789abcdef", "nope", clock_.now()));
  EXPECT_FALSE(store->acknowledge("zzzzzzzz", "nope", clock_.now()));
  EXPECT_EQ(store->exceptions({})[0].state, ExceptionState::open);
}

TEST_P(Exceptions, FiltersByKindAndState) {
  auto store = open_migrated();
  store->sync_exceptions(std::vector{not_invoiced("801"), not_invoiced("802"), po_missing("1")}, clock_.now());
  store->acknowledge(not_invoiced("802").stable_id(), "ok", clock_.now());
  EXPECT_EQ(store->exceptions({ExceptionKind::order_not_invoiced, std::nullopt}).size(), 2u);
  EXPECT_EQ(store->exceptions({ExceptionKind::po_missing, std::nullopt}).size(), 1u);
  EXPECT_EQ(store->exceptions({std::nullopt, ExceptionState::open}).size(), 2u);
  const auto acked = store->exceptions({ExceptionKind::order_not_invoiced, ExceptionState::acknowledged});
  ASSERT_EQ(acked.size(), 1u);
  EXPECT_EQ(acked[0].item.order_id, "802");
  EXPECT_TRUE(store->exceptions({ExceptionKind::payment_over, std::nullopt}).empty());
}

TEST_P(Exceptions, TheSameExceptionTwiceInOnePassCountsOnce) {
  auto store = open_migrated();
  const auto result = store->sync_exceptions(std::vector{po_missing("1"), po_missing("1")}, clock_.now());
  EXPECT_EQ(result.opened, 1);
  EXPECT_EQ(store->exceptions({}).size(), 1u);
}

O2C_ON_BOTH_BACKENDS(Exceptions);

}  // namespace
}  // namespace o2c::store::testing
