// Rule 2: per signed order, exhaustivity and amounts.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/reconcile/reconcile_test_support.h"

namespace o2c::reconcile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Exhaustivity, SignedOrderWithoutDocumentIsNotInvoicedWithOrderKeysAndEvidence) {
  Book b;
  b.add_customer("1", "Müller & Söhne GmbH");
  b.add_order("801A", "1", eur("1200.50"), "PO-1");
  const auto items = b.run();
  ASSERT_EQ(items.size(), 1u);
  const ExceptionItem& e = items[0];
  EXPECT_EQ(e.kind, ExceptionKind::order_not_invoiced);
  EXPECT_EQ(e.rule, "exhaustivity.order_not_invoiced");
  EXPECT_EQ(e.order_id, "801A");
  EXPECT_EQ(e.customer_id, "0011");
  EXPECT_EQ(e.invoice_id, "");
  EXPECT_EQ(e.customer_name, "Müller & Söhne GmbH");
  EXPECT_EQ(e.order_number, "ORD-801A");
  EXPECT_EQ(e.po_number, "PO-1");
  EXPECT_EQ(e.amount, eur("1200.50"));
  EXPECT_EQ(e.reference_date, day(2026, 2, 20));
  EXPECT_EQ(evidence(e, "rule"), "exhaustivity.order_not_invoiced");
  EXPECT_EQ(evidence(e, "linked_documents"), "none");
  EXPECT_NE(evidence(e, "searched").find("PO 'PO1' + 1200.50 EUR within 0.01 EUR"), std::string::npos)
      << evidence(e, "searched");
}

TEST(Exhaustivity, TwoInvoicesBelowTheOrderArePartial) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00"));
  b.add_invoice("11", "1", eur("400.00"), "801A");
  b.add_invoice("12", "1", eur("300.00"), "801A");
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("ORDER_PARTIALLY_INVOICED 801A"));
  EXPECT_EQ(items[0].amount, eur("300.00"));
  EXPECT_EQ(evidence(items[0], "invoiced_net"), "700.00 EUR");
  EXPECT_EQ(evidence(items[0], "difference"), "-300.00 EUR");
  EXPECT_EQ(evidence(items[0], "tolerance"), "0.01 EUR");
  EXPECT_EQ(evidence(items[0], "linked_document"), "INV11 (id 11, 2026-03-02, 400.00 EUR)");
}

TEST(Exhaustivity, TwoInvoicesOfDifferentAmountsAboveTheOrderAreOver) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00"));
  b.add_invoice("11", "1", eur("1000.00"), "801A");
  b.add_invoice("12", "1", eur("150.00"), "801A");
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("ORDER_OVER_INVOICED 801A"));
  EXPECT_EQ(items[0].amount, eur("150.00"));
  EXPECT_EQ(evidence(items[0], "difference"), "+150.00 EUR");
}

TEST(Exhaustivity, OneInvoiceBeyondToleranceIsAnAmountMismatch) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00"));
  b.add_invoice("11", "1", eur("1030.00"), "801A");
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("AMOUNT_MISMATCH 801A"));
  EXPECT_EQ(items[0].rule, "exhaustivity.single_document_amount");
  EXPECT_EQ(items[0].amount, eur("30.00"));
  EXPECT_EQ(evidence(items[0], "order_amount"), "1000.00 EUR");
  EXPECT_EQ(evidence(items[0], "invoiced_net"), "1030.00 EUR");
  EXPECT_EQ(evidence(items[0], "difference"), "+30.00 EUR");
}

TEST(Exhaustivity, DifferenceExactlyAtToleranceIsNotAMismatchOneMinorUnitMoreIs) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00"));
  b.add_invoice("11", "1", eur("999.99"), "801A");
  b.add_order("801B", "1", eur("1000.00"));
  b.add_invoice("12", "1", eur("1000.02"), "801B");
  b.add_order("801C", "1", eur("1000.00"));
  b.add_invoice("13", "1", eur("600.00"), "801C");
  b.add_invoice("14", "1", eur("400.01"), "801C");
  EXPECT_THAT(summary(b.run()), ElementsAre("AMOUNT_MISMATCH 801B"));
}

TEST(Exhaustivity, JpyToleranceIsExactInYenAndFinerDigitsRoundDown) {
  Book b;
  b.add_customer("1", "Tokyo KK");
  b.add_order("801A", "1", money("120000", "JPY"));
  b.add_invoice("11", "1", money("120001", "JPY"), "801A");
  EXPECT_THAT(summary(b.run()), ElementsAre("AMOUNT_MISMATCH 801A"));  // 0.01 JPY = 0 yen

  b.settings.amount_tolerance = "5";
  EXPECT_THAT(b.run(), IsEmpty());
  b.inputs.invoices[0].amount = money("120006", "JPY");
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("AMOUNT_MISMATCH 801A"));
  EXPECT_EQ(evidence(items[0], "tolerance"), "5 JPY");
}

TEST(Exhaustivity, ThreeDecimalCurrencyToleranceUsesItsExponent) {
  Book b;
  b.add_customer("1", "Gulf Trading");
  b.settings.amount_tolerance = "0.005";
  b.add_order("801A", "1", money("100.000", "BHD"));
  b.add_invoice("11", "1", money("100.005", "BHD"), "801A");
  b.add_order("801B", "1", money("100.000", "BHD"));
  b.add_invoice("12", "1", money("100.006", "BHD"), "801B");
  EXPECT_THAT(summary(b.run()), ElementsAre("AMOUNT_MISMATCH 801B"));
}

TEST(Exhaustivity, CreditNoteNettingAnOverInvoiceBackIsSilent) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00"));
  b.add_invoice("11", "1", eur("1150.00"), "801A");
  b.add_credit_note("12", "1", eur("-150.00"), "801A");
  EXPECT_THAT(b.run(), IsEmpty());
}

TEST(Exhaustivity, CreditNoteCountsNegativeInTheNetSum) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00"));
  b.add_invoice("11", "1", eur("1000.00"), "801A");
  b.add_credit_note("12", "1", eur("-100.00"), "801A");
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("ORDER_PARTIALLY_INVOICED 801A"));
  EXPECT_EQ(evidence(items[0], "invoiced_net"), "900.00 EUR");
}

TEST(Exhaustivity, LaterOfTwoFullInvoicesIsTheDuplicateNoAmountCheck) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00"), "PO-7");
  b.add_invoice("20", "1", eur("1000.00"), "801A", "PO-7", day(2026, 3, 9));
  b.add_invoice("30", "1", eur("1000.00"), "801A", "PO-7", day(2026, 3, 2));
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("DUPLICATE_INVOICE 20"));
  const ExceptionItem& e = items[0];
  EXPECT_EQ(e.rule, "exhaustivity.duplicate_invoice");
  EXPECT_EQ(e.invoice_id, "20");
  EXPECT_EQ(e.order_id, "801A");
  EXPECT_EQ(e.invoice_number, "INV20");
  EXPECT_EQ(e.order_number, "ORD-801A");
  EXPECT_EQ(e.amount, eur("1000.00"));
  EXPECT_EQ(e.reference_date, day(2026, 3, 9));
  EXPECT_EQ(evidence(e, "original_invoice"), "INV30 (id 30, 2026-03-02, 1000.00 EUR)");
}

TEST(Exhaustivity, DuplicatesOnTheSameDateAreOrderedByNumericId) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00"));
  b.add_invoice("10", "1", eur("1000.00"), "801A");
  b.add_invoice("9", "1", eur("1000.00"), "801A");
  b.add_invoice("100", "1", eur("1000.00"), "801A");
  EXPECT_THAT(summary(b.run()), ElementsAre("DUPLICATE_INVOICE 10", "DUPLICATE_INVOICE 100"));
}

TEST(Exhaustivity, OtherCurrencyIsACurrencyMismatchWithoutAmountCheck) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00"));
  b.add_invoice("11", "1", money("870.00", "GBP"), "801A");
  b.add_order("801B", "1", eur("1000.00"));
  b.add_invoice("12", "1", money("1000.00", "GBP"), "801B");
  b.add_invoice("13", "1", money("1000.00", "GBP"), "801B");
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("CURRENCY_MISMATCH 801A", "CURRENCY_MISMATCH 801B"));
  EXPECT_EQ(evidence(items[0], "order_currency"), "EUR");
  EXPECT_EQ(evidence(items[0], "document_in_other_currency"), "INV11 (id 11, 2026-03-02, 870.00 GBP)");
  EXPECT_EQ(evidence(items[0], "amount_check"), "skipped: the currencies differ");
  EXPECT_EQ(items[0].amount, eur("1000.00"));
}

TEST(Exhaustivity, DraftAndDeletedOrdersNeedNoInvoice) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00")).is_signed = false;
  b.add_order("801B", "1", eur("1000.00")).meta.deleted = true;
  EXPECT_THAT(b.run(), IsEmpty());
}

TEST(Exhaustivity, VoidedDocumentsAreIgnored) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00"));
  b.add_invoice("11", "1", eur("1000.00"), "801A");
  b.add_invoice("12", "1", eur("1000.00"), "801A").meta.deleted = true;  // voided duplicate
  b.add_order("801B", "1", eur("500.00"));
  b.add_invoice("13", "1", eur("500.00"), "801B").meta.deleted = true;  // its only invoice, voided
  EXPECT_THAT(summary(b.run()), ElementsAre("ORDER_NOT_INVOICED 801B"));
}

}  // namespace
}  // namespace o2c::reconcile::testing
