// Rule 1: linking invoices and credit notes to signed orders.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/reconcile/reconcile_test_support.h"

namespace o2c::reconcile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(Linking, InvoiceWithoutReferenceMatchesByAccountNormalisedPoAndAmount) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00"), "PO-2026-004471");
  b.add_invoice("11", "1", eur("1000.01"), "", "po 2026/004471 ");  // within the tolerance
  const Outcome out = reconcile_with_summary(b.inputs, b.settings);
  EXPECT_THAT(out.items, IsEmpty());
  EXPECT_EQ(out.stats.linked_by_po_match, 1u);
  EXPECT_EQ(out.stats.linked_by_reference, 0u);
}

TEST(Linking, PoMatchAcceptsExactlyTheToleranceOnEitherSide) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00"), "PO-1");
  b.add_invoice("11", "1", eur("999.99"), "", "PO-1");
  b.add_order("801B", "1", eur("500.00"), "PO-2");
  b.add_invoice("12", "1", eur("500.01"), "", "PO-2");
  b.add_order("801C", "1", eur("300.00"), "PO-3");
  b.add_invoice("13", "1", eur("299.98"), "", "PO-3");
  b.add_invoice("14", "1", eur("300.02"), "", "PO-3");
  EXPECT_THAT(summary(b.run()),
              ElementsAre("ORDER_NOT_INVOICED 801C", "INVOICE_WITHOUT_ORDER 13", "INVOICE_WITHOUT_ORDER 14"));
}

TEST(Linking, InvoiceWithoutReferenceAndNoMatchingOrderIsWithoutOrder) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("1000.00"), "PO-1");
  b.add_invoice("11", "1", eur("1000.02"), "", "PO-1");  // just beyond the tolerance
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("ORDER_NOT_INVOICED 801A", "INVOICE_WITHOUT_ORDER 11"));
  const ExceptionItem& e = items[1];
  EXPECT_EQ(e.rule, "linking.invoice_without_order");
  EXPECT_EQ(e.invoice_id, "11");
  EXPECT_EQ(e.customer_id, "0011");
  EXPECT_EQ(e.order_id, "");
  EXPECT_EQ(e.customer_name, "Acme");
  EXPECT_EQ(e.invoice_number, "INV11");
  EXPECT_EQ(e.po_number, "PO-1");
  EXPECT_EQ(e.amount, eur("1000.02"));
  EXPECT_EQ(e.reference_date, day(2026, 3, 2));
  EXPECT_EQ(evidence(e, "order_reference"), "none");
  EXPECT_EQ(evidence(e, "po_match"),
            "no signed order without an invoice matches account 0011 + PO 'PO1' + 1000.02 EUR within 0.01 EUR");
  EXPECT_EQ(evidence(e, "erp_customer"), "CUST-1 (id 1)");
}

TEST(Linking, ReferencesToDraftDeletedUnknownOrdersLinkNothingAndTheOrdersStaySilent) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801D", "1", eur("100.00"), "PO-1").is_signed = false;
  b.add_order("801X", "1", eur("100.00"), "PO-1").meta.deleted = true;
  b.add_invoice("11", "1", eur("100.00"), "801D", "PO-1");
  b.add_invoice("12", "1", eur("100.00"), "801X", "PO-1");
  b.add_invoice("13", "1", eur("100.00"), "801NOPE", "PO-1");
  const auto items = b.run();
  ASSERT_THAT(summary(items),
              ElementsAre("INVOICE_WITHOUT_ORDER 11", "INVOICE_WITHOUT_ORDER 12", "INVOICE_WITHOUT_ORDER 13"));
  EXPECT_EQ(evidence(items[0], "order_reference"), "801D is a draft (not signed) order");
  EXPECT_EQ(evidence(items[1], "order_reference"), "801X is a deleted order");
  EXPECT_EQ(evidence(items[2], "order_reference"), "801NOPE is an order that does not exist");
}

TEST(Linking, ADeadReferenceDecidesEvenWhenPoAndAmountWouldMatch) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("100.00"), "PO-1");
  b.add_invoice("11", "1", eur("100.00"), "801GONE", "PO-1");
  EXPECT_THAT(summary(b.run()), ElementsAre("ORDER_NOT_INVOICED 801A", "INVOICE_WITHOUT_ORDER 11"));
}

TEST(Linking, UnlinkedInvoicesAreTakenInTrandateThenNumericIdOrder) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("100.00"), "PO-1");
  b.add_invoice("10", "1", eur("100.00"), "", "PO-1", day(2026, 3, 2));
  b.add_invoice("9", "1", eur("100.00"), "", "PO-1", day(2026, 3, 2));
  b.add_invoice("8", "1", eur("100.00"), "", "PO-1", day(2026, 3, 3));
  const auto items = b.run();
  // "9" < "10" numerically: invoice 9 takes the order; 10 and 8 find it invoiced.
  ASSERT_THAT(summary(items), ElementsAre("INVOICE_WITHOUT_ORDER 10", "INVOICE_WITHOUT_ORDER 8"));
  EXPECT_EQ(evidence(items[0], "matching_order_already_invoiced"), "ORD-801A (id 801A)");
}

TEST(Linking, AmongCandidatesTheEarliestEffectiveDateThenIdWins) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801C", "1", eur("100.00"), "PO-1").effective_date = day(2026, 1, 1);
  b.add_order("801B", "1", eur("100.00"), "PO-1").effective_date = day(2026, 2, 1);
  b.add_order("801A", "1", eur("100.00"), "PO-1").effective_date = day(2026, 2, 1);
  b.add_invoice("11", "1", eur("100.00"), "", "PO-1", day(2026, 3, 1));
  b.add_invoice("12", "1", eur("100.00"), "", "PO-1", day(2026, 3, 2));
  // 801C (earliest), then 801A (same date as 801B, smaller Id); 801B stays not invoiced.
  EXPECT_THAT(summary(b.run()), ElementsAre("ORDER_NOT_INVOICED 801B"));
}

TEST(Linking, OrderWithAReferencedDocumentIsNoCandidateForPoMatching) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("100.00"), "PO-1");
  b.add_invoice("11", "1", eur("100.00"), "801A", "PO-1", day(2026, 3, 5));
  b.add_invoice("12", "1", eur("100.00"), "", "PO-1", day(2026, 3, 1));  // earlier, but reference links first
  EXPECT_THAT(summary(b.run()), ElementsAre("INVOICE_WITHOUT_ORDER 12"));
}

TEST(Linking, PoMatchingNeedsTheSameCurrencyAndAccount) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_customer("2", "Other");
  b.add_order("801A", "1", eur("100.00"), "PO-1");
  b.add_invoice("11", "1", money("100.00", "GBP"), "", "PO-1");
  b.add_invoice("12", "2", eur("100.00"), "", "PO-1");
  EXPECT_THAT(summary(b.run()),
              ElementsAre("ORDER_NOT_INVOICED 801A", "INVOICE_WITHOUT_ORDER 11", "INVOICE_WITHOUT_ORDER 12"));
}

TEST(Linking, InvoiceCrmAccountComesFromTheInvoiceElseFromItsErpCustomer) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_customer("2", "Other");
  b.add_order("801A", "1", eur("100.00"), "PO-1");
  b.add_order("801B", "1", eur("200.00"), "PO-2");
  b.add_invoice("11", "2", eur("100.00"), "", "PO-1").crm_account_id = "0011";  // the invoice says account 1
  b.add_invoice("12", "1", eur("200.00"), "", "PO-2");                          // customer 1 → account 1
  EXPECT_THAT(b.run(), IsEmpty());
}

TEST(Linking, CustomerWithoutCrmAccountCannotMatchByPo) {
  Book b;
  b.add_customer("1", "Acme");
  b.inputs.customers[1].crm_account_id.clear();
  b.add_order("801A", "1", eur("100.00"), "PO-1");
  b.add_invoice("11", "1", eur("100.00"), "", "PO-1");
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("ORDER_NOT_INVOICED 801A", "INVOICE_WITHOUT_ORDER 11"));
  EXPECT_EQ(items[1].customer_name, "Acme");  // from the ERP customer
  EXPECT_EQ(evidence(items[1], "po_match"), "not possible: the ERP customer is linked to no CRM account");
}

TEST(Linking, ParentAndChildAccountsAreMatchedEachOnItsOwn) {
  Book b;
  b.add_customer("1", "Groupe Parent SA", true);
  b.add_customer("2", "Filiale Enfant SARL");
  b.inputs.customers[2].parent_id = "0011";  // CRM child
  b.inputs.customers[3].parent_id = "1";     // ERP child
  b.add_order("801P", "1", eur("500.00"), "PO-P");
  b.add_order("801C", "2", eur("500.00"), "PO-C");
  b.add_invoice("11", "1", eur("500.00"), "", "PO-P");
  b.add_invoice("12", "2", eur("500.00"), "", "PO-C");
  b.add_invoice("13", "2", eur("90.00"), "", "PO-D");
  b.add_order("801D", "2", eur("90.00"), "PO-D");
  EXPECT_THAT(b.run(), IsEmpty());
}

TEST(Linking, CreditNotesLinkByReferenceOrAreWithoutOrderLikeInvoices) {
  Book b;
  b.add_customer("1", "Acme", true);
  b.add_order("801A", "1", eur("100.00"), "PO-1");
  b.add_invoice("11", "1", eur("120.00"), "801A", "PO-1");
  b.add_credit_note("12", "1", eur("-20.00"), "801A", "PO-1");   // nets the order back to its amount
  b.add_credit_note("13", "1", eur("-5.00"), "", "PO-9");        // names no order and matches none
  EXPECT_THAT(summary(b.run()), ElementsAre("INVOICE_WITHOUT_ORDER 13"));
}

TEST(Linking, DocumentsWithoutPoAreNeverMatchedByCustomerAndAmount) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("100.00"));
  b.add_invoice("11", "1", eur("100.00"), "");
  EXPECT_THAT(summary(b.run()), ElementsAre("ORDER_NOT_INVOICED 801A", "INVOICE_WITHOUT_ORDER 11"));
}

TEST(Linking, VoidedInvoicesRaiseNothing) {
  Book b;
  b.add_customer("1", "Acme", true);
  b.add_invoice("11", "1", eur("100.00"), "").meta.deleted = true;
  b.add_invoice("12", "1", eur("100.00"), "801NOPE").meta.deleted = true;
  const Outcome out = reconcile_with_summary(b.inputs, b.settings);
  EXPECT_THAT(out.items, IsEmpty());
  EXPECT_EQ(out.stats.voided_ignored, 2u);
}

}  // namespace
}  // namespace o2c::reconcile::testing
