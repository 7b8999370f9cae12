// Rule 4: a renewal PO before the subscription ends.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/reconcile/reconcile_test_support.h"

namespace o2c::reconcile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A subscription of a customer that requires a PO, invoiced (so only rule 4 can speak).
Book subscription_ending(Date end) {
  Book b;
  b.add_customer("1", "Acme", true);
  b.add_order("801A", "1", eur("1200.00"), "PO-1").end_date = end;
  b.add_invoice("11", "1", eur("1200.00"), "801A", "PO-1");
  return b;
}

TEST(Renewal, SubscriptionEndingWithinTheHorizonWithoutLaterOrderNeedsAPo) {
  Book b = subscription_ending(day(2026, 12, 8));
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("PO_NEEDED_FOR_RENEWAL 801A"));
  const ExceptionItem& e = items[0];
  EXPECT_EQ(e.rule, "renewal.po_needed");
  EXPECT_EQ(e.order_id, "801A");
  EXPECT_EQ(e.customer_id, "0011");
  EXPECT_EQ(e.invoice_id, "");
  EXPECT_EQ(e.amount, eur("1200.00"));
  EXPECT_EQ(e.reference_date, day(2026, 12, 8));
  EXPECT_EQ(evidence(e, "subscription_end"), "2026-12-08");
  EXPECT_EQ(evidence(e, "days_until_end"), "14");
  EXPECT_EQ(evidence(e, "horizon"), "2026-11-24 .. 2026-12-24 (30 days)");
  EXPECT_EQ(evidence(e, "po_required_by"), "CRM account flag requires_po");
  EXPECT_EQ(evidence(e, "latest_signed_order_start"), "2026-03-01 (before the end)");
}

TEST(Renewal, HorizonBoundsAreInclusive) {
  EXPECT_THAT(summary(subscription_ending(day(2026, 11, 24)).run()), ElementsAre("PO_NEEDED_FOR_RENEWAL 801A"));
  EXPECT_THAT(summary(subscription_ending(day(2026, 12, 24)).run()), ElementsAre("PO_NEEDED_FOR_RENEWAL 801A"));
  EXPECT_THAT(subscription_ending(day(2026, 11, 23)).run(), IsEmpty());
  EXPECT_THAT(subscription_ending(day(2026, 12, 25)).run(), IsEmpty());
  Book shorter = subscription_ending(day(2026, 12, 4));
  shorter.settings.renewal_horizon_days = 10;
  EXPECT_THAT(summary(shorter.run()), ElementsAre("PO_NEEDED_FOR_RENEWAL 801A"));
  shorter.settings.renewal_horizon_days = 9;
  EXPECT_THAT(shorter.run(), IsEmpty());
}

TEST(Renewal, SignedFollowUpOrderStartingOnOrAfterTheEndSilencesIt) {
  Book b = subscription_ending(day(2026, 12, 8));
  Order& renewal = b.add_order("801R", "1", eur("1200.00"), "PO-2");
  renewal.effective_date = day(2026, 12, 8);
  renewal.kind = schema::OrderKind::renewal;
  b.add_invoice("12", "1", eur("1200.00"), "801R", "PO-2");
  EXPECT_THAT(b.run(), IsEmpty());
}

TEST(Renewal, FollowUpThatIsDraftDeletedOrStartsEarlierDoesNotCount) {
  Book b = subscription_ending(day(2026, 12, 8));
  b.add_order("801D", "1", eur("1.00")).effective_date = day(2026, 12, 8);
  b.inputs.orders.back().is_signed = false;
  b.add_order("801X", "1", eur("1.00")).effective_date = day(2026, 12, 9);
  b.inputs.orders.back().meta.deleted = true;
  b.add_order("801E", "1", eur("50.00"), "PO-1").effective_date = day(2026, 12, 7);
  b.add_invoice("13", "1", eur("50.00"), "801E", "PO-1");
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("PO_NEEDED_FOR_RENEWAL 801A"));
  EXPECT_EQ(evidence(items[0], "latest_signed_order_start"), "2026-12-07 (before the end)");
}

TEST(Renewal, CustomerThatNeedsNoPoIsNotWarnedUnlessNamedInSettings) {
  Book b = subscription_ending(day(2026, 12, 8));
  b.inputs.customers[0].requires_po = false;
  EXPECT_THAT(b.run(), IsEmpty());
  b.settings.require_po = {"CUST-1"};  // the ERP customer's number names the same customer
  EXPECT_THAT(summary(b.run()), ElementsAre("PO_NEEDED_FOR_RENEWAL 801A"));
}

TEST(Renewal, FollowUpOfAnotherAccountDoesNotCount) {
  Book b = subscription_ending(day(2026, 12, 8));
  b.add_customer("2", "Other");
  b.add_order("801O", "2", eur("10.00")).effective_date = day(2027, 1, 1);
  b.add_invoice("12", "2", eur("10.00"), "801O");
  EXPECT_THAT(summary(b.run()), ElementsAre("PO_NEEDED_FOR_RENEWAL 801A"));
}

}  // namespace
}  // namespace o2c::reconcile::testing
