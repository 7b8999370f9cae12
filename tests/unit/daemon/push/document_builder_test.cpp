// A stored invoice becomes the document its portal gets: the buyer from the
// ERP customer and its CRM account, the PO in the order's spelling, lines
// positive on a credit note, and the ERP's totals kept — or a rule that says
// why not.
#include "tests/unit/daemon/push/push_test_support.h"

namespace o2c::push::testing {
namespace {

const portals::Route kRoute{"fake", "1001", "", "", "", "", false, false};

Built build(const Records& r, std::size_t invoice, const portals::Route& route = kRoute,
            einvoice::Profile profile = einvoice::Profile::en16931_ubl) {
  const InvoiceBook book = r.book();
  return build_document(book.invoices()[invoice], book, route, seller_settings(), profile, false);
}

TEST(DocumentBuilder, AFrenchInvoiceCarriesItsVatTheOrdersPoAndTheCrmAddress) {
  const Records r;
  const Built b = build(r, 0);
  ASSERT_TRUE(b.document) << b.rule << " " << b.reason;
  const einvoice::Document& d = *b.document;
  EXPECT_EQ(d.number, "INV100001");
  EXPECT_EQ(d.purchase_order, "PO-2026-000001");  // "po 2026 000001 " on the invoice: the order's spelling
  EXPECT_EQ(d.sales_order, "00000001");
  EXPECT_EQ(d.buyer.name, "Société Générale Équipements");
  EXPECT_EQ(d.buyer.vat_id, "FR40303265045");       // from the ERP customer
  EXPECT_EQ(d.buyer.address.street, "12 rue de la République");  // from the CRM account
  EXPECT_EQ(d.buyer.address.country, "FR");
  ASSERT_EQ(d.lines.size(), 1u);
  EXPECT_EQ(d.lines[0].net_amount, eur("1000.42"));
  EXPECT_EQ(d.lines[0].unit_price, "1000.42");  // quantity 1 and no unit price: the amount
  const einvoice::Totals t = einvoice::compute_totals(d);
  EXPECT_EQ(t.tax, eur("200.08"));
  EXPECT_EQ(t.payable, eur("1200.50"));
  EXPECT_FALSE(d.rounding);
  ASSERT_TRUE(d.payment);
  EXPECT_EQ(d.payment->remittance, "INV100001");
}

TEST(DocumentBuilder, ACreditNoteHasPositiveAmountsAndNoPaymentInstructions) {
  Records r;
  auto& cm = r.add_invoice("100003", "CM100003", "1001", "801A", "", "-120.05", "-20.01", "-100.04", "S", "20");
  cm.kind = schema::InvoiceKind::credit_note;
  cm.due_date.reset();
  const Built b = build(r, 2);
  ASSERT_TRUE(b.document) << b.reason;
  EXPECT_EQ(b.document->type, einvoice::DocumentType::credit_note);
  EXPECT_EQ(b.document->lines[0].net_amount, eur("100.04"));
  EXPECT_EQ(einvoice::compute_totals(*b.document).payable, eur("120.05"));
  EXPECT_FALSE(b.document->payment);
}

TEST(DocumentBuilder, APortalThatRequiresAPoGetsNoInvoiceWithoutOne) {
  Records r;
  r.invoices[0].po_number = "";
  portals::Route route = kRoute;
  route.po_required = true;
  const Built b = build(r, 0, route);
  EXPECT_FALSE(b.document);
  EXPECT_EQ(b.rule, "PO_REQUIRED");
}

TEST(DocumentBuilder, ReverseChargeWithoutTheBuyersVatIdIsRefusedNamingTheRule) {
  Records r;
  r.customers[3].vat_id.clear();
  const Built b = build(r, 1);
  EXPECT_FALSE(b.document);
  EXPECT_EQ(b.rule, "BR-AE-02") << b.reason;
  EXPECT_NE(b.reason.find("BT-48"), std::string::npos) << b.reason;
}

TEST(DocumentBuilder, LinesThatDoNotAddUpToTheInvoiceAreRefused) {
  Records r;
  r.lines[0].amount = eur("999.42");
  Built b = build(r, 0);
  EXPECT_EQ(b.rule, "O2C-LINES");
  EXPECT_NE(b.reason.find("999.42 EUR"), std::string::npos) << b.reason;
  r = Records();
  r.invoices[0].tax_amount = eur("200.09");
  r.invoices[0].amount = eur("1200.51");
  b = build(r, 0);
  EXPECT_EQ(b.rule, "O2C-TAX") << b.reason;
  r = Records();
  r.lines.clear();
  EXPECT_EQ(build(r, 0).rule, "O2C-NO-LINES");
  r = Records();
  r.lines[0].tax_category = "";
  EXPECT_EQ(build(r, 0).rule, "BR-CO-04");
}

TEST(DocumentBuilder, ASmallDifferenceToTheErpTotalIsCashRoundingALargeOneIsRefused) {
  Records r;
  r.invoices[0].amount = eur("1200.55");  // rounded to 0.05 by the ERP; VAT still 200.08
  Built b = build(r, 0);
  ASSERT_TRUE(b.document) << b.rule << ": " << b.reason;
  EXPECT_EQ(b.document->rounding, eur("0.05"));
  EXPECT_EQ(einvoice::compute_totals(*b.document).payable, eur("1200.55"));
  r.invoices[0].amount = eur("1210.50");
  r.invoices[0].tax_amount.reset();
  EXPECT_EQ(build(r, 0).rule, "O2C-TOTAL");
}

TEST(DocumentBuilder, ExemptLinesGetTheConfiguredReasonAndPeppolBuyersTheirEndpoint) {
  Records r;
  r.lines[0].tax_category = "E";
  r.lines[0].tax_rate = "0";
  r.invoices[0].tax_amount = eur("0.00");
  r.invoices[0].amount = eur("1000.42");
  portals::Route peppol = kRoute;
  peppol.buyer_id = "40303265045";
  peppol.buyer_scheme = "0009";
  const Built b = build(r, 0, peppol, einvoice::Profile::peppol_bis3);
  ASSERT_TRUE(b.document) << b.reason;
  EXPECT_EQ(b.document->exemption_reason, "Exempt from VAT");
  EXPECT_EQ(b.document->buyer.endpoint.value, "40303265045");
  EXPECT_EQ(b.document->buyer.endpoint.scheme, "0009");
}

TEST(DocumentBuilder, AnInvoiceWithoutIssueDateOrWithAForeignLineCurrencyIsRefused) {
  Records r;
  r.invoices[0].issue_date.reset();
  EXPECT_EQ(build(r, 0).rule, "BR-02");
  r = Records();
  r.lines[0].amount = Money::parse("1000.42", Currency::parse("USD"));
  EXPECT_EQ(build(r, 0).rule, "O2C-CURRENCY");
}

}  // namespace
}  // namespace o2c::push::testing
