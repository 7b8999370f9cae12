// Rule 3: PO numbers on invoices.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/reconcile/reconcile_test_support.h"

namespace o2c::reconcile::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(PoRules, NormalisationUpperCasesAndDropsSpacesAndPunctuation) {
  EXPECT_EQ(normalise_po("po-2026-004471"), "PO2026004471");
  EXPECT_EQ(normalise_po("PO 2026 004471 "), "PO2026004471");
  EXPECT_EQ(normalise_po(" P.O. #2026/004471\t"), "PO2026004471");
  EXPECT_EQ(normalise_po("Bestellung-Ä1"),
            "BESTELLUNG\xC3\x84"
            "1");  // non-ASCII bytes kept
  EXPECT_EQ(normalise_po(" - "), "");
}

TEST(PoRules, SpellingVariantsOfTheOrderPoAreSilent) {
  Book b;
  b.add_customer("1", "Acme", true);
  b.add_order("801A", "1", eur("100.00"), "PO-2026-004471");
  b.add_invoice("11", "1", eur("100.00"), "801A", "po-2026-004471");
  b.add_order("801B", "1", eur("200.00"), "PO-2026-004472");
  b.add_invoice("12", "1", eur("200.00"), "801B", "PO 2026 004472 ");
  EXPECT_THAT(b.run(), IsEmpty());
}

TEST(PoRules, DifferentPoOnALinkedInvoiceIsAMismatchWithBothValues) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("100.00"), "PO-2026-004471");
  b.add_invoice("11", "1", eur("100.00"), "801A", "PO-2026-004417");
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("PO_MISMATCH 11"));
  const ExceptionItem& e = items[0];
  EXPECT_EQ(e.rule, "po.mismatch");
  EXPECT_EQ(e.invoice_id, "11");
  EXPECT_EQ(e.order_id, "801A");
  EXPECT_EQ(e.customer_id, "0011");
  EXPECT_EQ(e.po_number, "PO-2026-004417");
  EXPECT_EQ(e.order_number, "ORD-801A");
  EXPECT_EQ(evidence(e, "invoice_po"), "PO-2026-004417");
  EXPECT_EQ(evidence(e, "order_po"), "PO-2026-004471");
  EXPECT_EQ(evidence(e, "invoice_po_normalised"), "PO2026004417");
  EXPECT_EQ(evidence(e, "order_po_normalised"), "PO2026004471");
}

TEST(PoRules, NoMismatchWhenEitherSideHasNoPo) {
  Book b;
  b.add_customer("1", "Acme");
  b.add_order("801A", "1", eur("100.00"), "");
  b.add_invoice("11", "1", eur("100.00"), "801A", "PO-9");
  b.add_order("801B", "1", eur("100.00"), "PO-8");
  b.add_invoice("12", "1", eur("100.00"), "801B", "");
  EXPECT_THAT(b.run(), IsEmpty());
}

TEST(PoRules, InvoiceWithoutPoOfAnAccountThatRequiresOneIsMissing) {
  Book b;
  b.add_customer("1", "Acme", true);
  b.add_order("801A", "1", eur("100.00"), "PO-1");
  b.add_invoice("11", "1", eur("100.00"), "801A", "");
  const auto items = b.run();
  ASSERT_THAT(summary(items), ElementsAre("PO_MISSING 11"));
  EXPECT_EQ(items[0].rule, "po.missing");
  EXPECT_EQ(items[0].order_id, "801A");
  EXPECT_EQ(evidence(items[0], "po_required_by"), "CRM account flag requires_po");
  EXPECT_EQ(evidence(items[0], "invoice_po"), "none");
  EXPECT_EQ(evidence(items[0], "order_po"), "PO-1");
}

TEST(PoRules, UnlinkedInvoiceWithoutPoIsBothWithoutOrderAndMissingPo) {
  Book b;
  b.add_customer("1", "Acme", true);
  b.add_invoice("11", "1", eur("100.00"), "");
  EXPECT_THAT(summary(b.run()), ElementsAre("INVOICE_WITHOUT_ORDER 11", "PO_MISSING 11"));
}

TEST(PoRules, PoMadeOfPunctuationOnlyIsAWrongPoNotAMissingOne) {
  Book b;
  b.add_customer("1", "Acme", true);
  b.add_order("801A", "1", eur("100.00"), "PO-1");
  b.add_invoice("11", "1", eur("100.00"), "801A", "-");
  b.add_invoice("12", "1", eur("100.00"), "801A", "   ");
  const auto items = b.run();
  EXPECT_THAT(summary(of_kind(items, ExceptionKind::po_missing)), ElementsAre("PO_MISSING 12"));
  ASSERT_THAT(summary(of_kind(items, ExceptionKind::po_mismatch)), ElementsAre("PO_MISMATCH 11"));
  EXPECT_EQ(evidence(of_kind(items, ExceptionKind::po_mismatch)[0], "invoice_po_normalised"), "");
}

TEST(PoRules, RequirePoSettingNamesCustomersByNameCaseInsensitivelyIdOrNumber) {
  Book b;
  b.add_customer("1", "Société Générale Équipements");
  b.add_customer("2", "Acme");
  b.add_customer("3", "Globex");
  b.add_customer("4", "Initech");
  b.settings.require_po = {"  SOCIÉTÉ générale équipements ", "0012", "cust-3", "Nobody Ltd"};
  for (const char* c : {"1", "2", "3", "4"}) b.add_invoice(std::string("1") + c, c, eur("100.00"), "");
  const Outcome out = reconcile_with_summary(b.inputs, b.settings);
  EXPECT_THAT(summary(of_kind(out.items, ExceptionKind::po_missing)),
              ElementsAre("PO_MISSING 11", "PO_MISSING 12", "PO_MISSING 13"));
  EXPECT_EQ(evidence(of_kind(out.items, ExceptionKind::po_missing)[0], "po_required_by"),
            "reconcile.require_po entry 'SOCIÉTÉ générale équipements'");
  EXPECT_THAT(out.warnings,
              ElementsAre("reconcile.require_po: 'Nobody Ltd' names no known customer (id, number or name)"));
}

TEST(PoRules, CreditNotesAreCheckedForPoLikeInvoices) {
  Book b;
  b.add_customer("1", "Acme", true);
  b.add_order("801A", "1", eur("100.00"), "PO-1");
  b.add_invoice("11", "1", eur("120.00"), "801A", "PO-1");
  b.add_credit_note("12", "1", eur("-20.00"), "801A", "po 1");
  b.add_credit_note("13", "1", eur("-0.00"), "801A", "PO-OTHER");
  b.add_credit_note("14", "1", eur("-0.00"), "801A", "");
  EXPECT_THAT(summary(b.run()), ElementsAre("PO_MISSING 14", "PO_MISMATCH 13"));
}

}  // namespace
}  // namespace o2c::reconcile::testing
