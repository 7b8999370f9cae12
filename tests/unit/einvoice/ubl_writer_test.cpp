#include <gtest/gtest.h>

#include "core/error.h"
#include "einvoice_fixtures.h"
#include "xml_test_util.h"

namespace o2c::einvoice {
namespace {

using namespace fixtures;

TEST(UblWriter, InvoiceHeaderCarriesThePeppolIdentifiersByteForByte) {
  const auto xml = parse_xml(write_ubl(invoice(), Profile::peppol_bis3));
  const auto root = xml.document_element();
  EXPECT_STREQ(root.name(), "Invoice");
  EXPECT_STREQ(root.attribute("xmlns").value(), "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2");
  EXPECT_EQ(value(root, "cbc:CustomizationID"),
            "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0");
  EXPECT_EQ(value(root, "cbc:ProfileID"), "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
  EXPECT_EQ(value(root, "cbc:ID"), "INV-2024-0042");
  EXPECT_EQ(value(root, "cbc:IssueDate"), "2024-05-02");
  EXPECT_EQ(value(root, "cbc:DueDate"), "2024-06-01");
  EXPECT_EQ(value(root, "cbc:InvoiceTypeCode"), "380");
  EXPECT_EQ(value(root, "cbc:DocumentCurrencyCode"), "EUR");
  EXPECT_EQ(value(root, "cac:OrderReference/cbc:ID"), "PO-4471");
  EXPECT_EQ(value(root, "cac:OrderReference/cbc:SalesOrderID"), "SO-00123");
}

TEST(UblWriter, En16931ProfileHasOnlyTheCoreSpecificationId) {
  const auto root = parse_root(write_ubl(invoice(), Profile::en16931_ubl));
  EXPECT_EQ(value(root, "cbc:CustomizationID"), "urn:cen.eu:en16931:2017");
  EXPECT_FALSE(root.child("cbc:ProfileID"));
}

TEST(UblWriter, TopLevelElementsFollowTheInvoiceXsdSequence) {
  Document d = mixed_invoice();
  d.delivery_date = day("2024-05-02");
  d.attachments.push_back(Attachment{"TS-1", "Timesheet", "application/pdf", "ts.pdf", "%PDF-1.4 x"});
  d.prepaid = eur("100.00");
  d.rounding = eur("0.02");
  const auto root = parse_root(write_ubl(d, Profile::peppol_bis3));
  EXPECT_TRUE(in_order(root, {"cbc:CustomizationID", "cbc:ProfileID", "cbc:ID", "cbc:IssueDate", "cbc:DueDate",
                              "cbc:InvoiceTypeCode", "cbc:Note", "cbc:DocumentCurrencyCode", "cbc:BuyerReference",
                              "cac:OrderReference", "cac:ContractDocumentReference", "cac:AdditionalDocumentReference",
                              "cac:AccountingSupplierParty", "cac:AccountingCustomerParty", "cac:Delivery",
                              "cac:PaymentMeans", "cac:PaymentTerms", "cac:TaxTotal", "cac:LegalMonetaryTotal",
                              "cac:InvoiceLine"}));
  const auto total = root.child("cac:LegalMonetaryTotal");
  EXPECT_EQ(child_names(total),
            (std::vector<std::string>{"cbc:LineExtensionAmount", "cbc:TaxExclusiveAmount", "cbc:TaxInclusiveAmount",
                                      "cbc:PrepaidAmount", "cbc:PayableRoundingAmount", "cbc:PayableAmount"}));
  EXPECT_EQ(value(total, "cbc:PayableAmount"), "2192.12");  // 2292.10 - 100.00 + 0.02
}

TEST(UblWriter, PartyElementsAreInOrderWithTheirIdentifiers) {
  const auto root = parse_root(write_ubl(invoice(), Profile::peppol_bis3));
  const auto party = root.select_node("cac:AccountingSupplierParty/cac:Party").node();
  EXPECT_EQ(child_names(party), (std::vector<std::string>{"cbc:EndpointID", "cac:PartyName", "cac:PostalAddress",
                                                          "cac:PartyTaxScheme", "cac:PartyLegalEntity", "cac:Contact"}));
  EXPECT_EQ(value(party, "cbc:EndpointID"), "30326504500013");
  EXPECT_EQ(attr(party, "cbc:EndpointID/@schemeID"), "0009");
  EXPECT_EQ(value(party, "cac:PartyTaxScheme/cbc:CompanyID"), "FR40303265045");
  EXPECT_EQ(value(party, "cac:PartyTaxScheme/cac:TaxScheme/cbc:ID"), "VAT");
  EXPECT_EQ(value(party, "cac:PartyLegalEntity/cbc:RegistrationName"), "Acme Software SAS");
  EXPECT_EQ(value(party, "cac:PostalAddress/cbc:AdditionalStreetName"), "Bâtiment B");
  EXPECT_EQ(child_names(party.child("cac:PostalAddress")),
            (std::vector<std::string>{"cbc:StreetName", "cbc:AdditionalStreetName", "cbc:CityName", "cbc:PostalZone",
                                      "cbc:CountrySubentity", "cac:Country"}));
}

TEST(UblWriter, TaxTotalHasOneSubtotalPerBreakdownWithExemptions) {
  const auto root = parse_root(write_ubl(mixed_invoice(), Profile::peppol_bis3));
  EXPECT_EQ(value(root, "cac:TaxTotal/cbc:TaxAmount"), "242.72");
  EXPECT_EQ(attr(root, "cac:TaxTotal/cbc:TaxAmount/@currencyID"), "EUR");
  const auto subtotals = root.select_nodes("cac:TaxTotal/cac:TaxSubtotal");
  ASSERT_EQ(subtotals.size(), 4u);
  const auto ae = subtotals[0].node();
  EXPECT_EQ(value(ae, "cac:TaxCategory/cbc:ID"), "AE");
  EXPECT_EQ(value(ae, "cbc:TaxableAmount"), "500.00");
  EXPECT_EQ(value(ae, "cac:TaxCategory/cbc:TaxExemptionReasonCode"), "VATEX-EU-AE");
  EXPECT_EQ(child_names(ae.child("cac:TaxCategory")),
            (std::vector<std::string>{"cbc:ID", "cbc:Percent", "cbc:TaxExemptionReasonCode", "cbc:TaxExemptionReason",
                                      "cac:TaxScheme"}));
  const auto s55 = subtotals[2].node();
  EXPECT_EQ(value(s55, "cac:TaxCategory/cbc:Percent"), "5.5");
  EXPECT_EQ(value(s55, "cbc:TaxAmount"), "2.72");
  EXPECT_FALSE(s55.select_node("cac:TaxCategory/cbc:TaxExemptionReason"));
}

TEST(UblWriter, LinesKeepExactQuantitiesAndPrices) {
  const auto root = parse_root(write_ubl(invoice(), Profile::peppol_bis3));
  const auto lines = root.select_nodes("cac:InvoiceLine");
  ASSERT_EQ(lines.size(), 3u);
  const auto first = lines[0].node();
  EXPECT_EQ(child_names(first), (std::vector<std::string>{"cbc:ID", "cbc:InvoicedQuantity", "cbc:LineExtensionAmount",
                                                          "cac:InvoicePeriod", "cac:OrderLineReference", "cac:Item",
                                                          "cac:Price"}));
  EXPECT_EQ(attr(first, "cbc:InvoicedQuantity/@unitCode"), "MON");
  EXPECT_EQ(child_names(first.child("cac:Item")),
            (std::vector<std::string>{"cbc:Description", "cbc:Name", "cac:ClassifiedTaxCategory"}));
  const auto third = lines[2].node();
  EXPECT_EQ(value(third, "cbc:InvoicedQuantity"), "4");
  EXPECT_EQ(value(third, "cac:Price/cbc:PriceAmount"), "12.345");
  EXPECT_EQ(value(third, "cbc:LineExtensionAmount"), "49.38");
  EXPECT_EQ(value(third, "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent"), "5.5");
}

TEST(UblWriter, CreditNoteUsesItsOwnElementsAndPutsTheDueDateInPaymentMeans) {
  Document d = credit_note();
  d.due_date = day("2024-06-15");
  const auto root = parse_root(write_ubl(d, Profile::peppol_bis3));
  EXPECT_STREQ(root.name(), "CreditNote");
  EXPECT_STREQ(root.attribute("xmlns").value(), "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2");
  EXPECT_EQ(value(root, "cbc:CreditNoteTypeCode"), "381");
  EXPECT_FALSE(root.child("cbc:DueDate"));
  EXPECT_EQ(value(root, "cac:PaymentMeans/cbc:PaymentDueDate"), "2024-06-15");
  EXPECT_EQ(value(root, "cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID"), "INV-2024-0042");
  EXPECT_EQ(value(root, "cac:CreditNoteLine/cbc:CreditedQuantity"), "1");
  EXPECT_FALSE(root.child("cac:InvoiceLine"));
  EXPECT_EQ(value(root, "cac:TaxTotal/cbc:TaxAmount"), "325.00");
}

TEST(UblWriter, NotSubjectToVatHasNoPercent) {
  Document d = invoice();
  d.seller.vat_id.clear();
  d.buyer.vat_id.clear();
  for (auto& l : d.lines) {
    l.category = VatCategory::outside_scope;
    l.rate.clear();
  }
  const auto root = parse_root(write_ubl(d, Profile::peppol_bis3));
  EXPECT_FALSE(root.select_node("//cbc:Percent"));
  EXPECT_FALSE(root.select_node("//cac:PartyTaxScheme"));
  EXPECT_EQ(value(root, "cac:TaxTotal/cac:TaxSubtotal/cac:TaxCategory/cbc:TaxExemptionReason"), "Not subject to VAT");
}

TEST(UblWriter, AttachmentsAreEmbeddedAsBase64) {
  Document d = invoice();
  d.attachments.push_back(Attachment{"INV-2024-0042.pdf", "Invoice image", "application/pdf", "", "Man"});
  const auto root = parse_root(write_ubl(d, Profile::peppol_bis3));
  const auto object = root.select_node("cac:AdditionalDocumentReference/cac:Attachment/cbc:EmbeddedDocumentBinaryObject").node();
  EXPECT_STREQ(object.text().get(), "TWFu");
  EXPECT_STREQ(object.attribute("mimeCode").value(), "application/pdf");
  EXPECT_STREQ(object.attribute("filename").value(), "INV-2024-0042.pdf");
}

TEST(UblWriter, KDeliveryDataIsWritten) {
  Document d = invoice();
  for (auto& l : d.lines) {
    l.category = VatCategory::intra_eu_supply;
    l.rate = "0";
  }
  d.delivery_date = day("2024-04-30");
  d.delivery_country = "DE";
  const auto root = parse_root(write_ubl(d, Profile::peppol_bis3));
  EXPECT_EQ(value(root, "cac:Delivery/cbc:ActualDeliveryDate"), "2024-04-30");
  EXPECT_EQ(value(root, "cac:Delivery/cac:DeliveryLocation/cac:Address/cac:Country/cbc:IdentificationCode"), "DE");
}

TEST(UblWriter, SpecialCharactersAreEscapedByTheDom) {
  Document d = invoice();
  d.lines[0].name = "R&D <services> \"Q2\"";
  const std::string text = write_ubl(d, Profile::peppol_bis3);
  EXPECT_NE(text.find("R&amp;D &lt;services&gt;"), std::string::npos);
  EXPECT_EQ(value(parse_root(text), "cac:InvoiceLine/cac:Item/cbc:Name"), "R&D <services> \"Q2\"");
}

TEST(UblWriter, ABrokenDocumentIsNeverWritten) {
  Document d = invoice();
  d.buyer.name.clear();
  try {
    write_ubl(d, Profile::peppol_bis3);
    FAIL() << "expected Error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::data);
    EXPECT_NE(std::string(e.what()).find("BR-07"), std::string::npos);
  }
  EXPECT_THROW(write_ubl(invoice(), Profile::en16931_cii), Error);
}

TEST(UblWriter, WriteXmlDispatchesByProfile) {
  EXPECT_EQ(write_xml(invoice(), Profile::peppol_bis3), write_ubl(invoice(), Profile::peppol_bis3));
  EXPECT_EQ(write_xml(invoice(), Profile::en16931_ubl), write_ubl(invoice(), Profile::en16931_ubl));
  EXPECT_EQ(write_xml(invoice(), Profile::en16931_cii), write_cii(invoice()));
}

}  // namespace
}  // namespace o2c::einvoice
