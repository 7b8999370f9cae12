#include <gtest/gtest.h>

#include "core/error.h"
#include "einvoice_fixtures.h"
#include "xml_test_util.h"

namespace o2c::einvoice {
namespace {

using namespace fixtures;

TEST(CiiWriter, HeaderHasTheEn16931GuidelineTypeAndDate) {
  const auto root = parse_root(write_cii(invoice()));
  EXPECT_STREQ(root.name(), "rsm:CrossIndustryInvoice");
  EXPECT_STREQ(root.attribute("xmlns:rsm").value(), "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100");
  EXPECT_EQ(value(root, "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID"),
            "urn:cen.eu:en16931:2017");
  EXPECT_EQ(value(root, "rsm:ExchangedDocument/ram:ID"), "INV-2024-0042");
  EXPECT_EQ(value(root, "rsm:ExchangedDocument/ram:TypeCode"), "380");
  EXPECT_EQ(value(root, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString"), "20240502");
  EXPECT_EQ(attr(root, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString/@format"), "102");
  EXPECT_EQ(child_names(root), (std::vector<std::string>{"rsm:ExchangedDocumentContext", "rsm:ExchangedDocument",
                                                         "rsm:SupplyChainTradeTransaction"}));
}

TEST(CiiWriter, CreditNoteIsTypeCode381) {
  const auto root = parse_root(write_cii(credit_note()));
  EXPECT_EQ(value(root, "rsm:ExchangedDocument/ram:TypeCode"), "381");
  const auto settlement = root.select_node("rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement").node();
  EXPECT_EQ(value(settlement, "ram:InvoiceReferencedDocument/ram:IssuerAssignedID"), "INV-2024-0042");
  EXPECT_EQ(value(settlement, "ram:InvoiceReferencedDocument/ram:FormattedIssueDateTime/qdt:DateTimeString"), "20240502");
}

TEST(CiiWriter, TransactionPartsAreInD16bOrder) {
  const auto tx = parse_root(write_cii(invoice())).child("rsm:SupplyChainTradeTransaction");
  EXPECT_EQ(child_names(tx),
            (std::vector<std::string>{"ram:IncludedSupplyChainTradeLineItem", "ram:IncludedSupplyChainTradeLineItem",
                                      "ram:IncludedSupplyChainTradeLineItem", "ram:ApplicableHeaderTradeAgreement",
                                      "ram:ApplicableHeaderTradeDelivery", "ram:ApplicableHeaderTradeSettlement"}));
  EXPECT_EQ(child_names(tx.child("ram:ApplicableHeaderTradeAgreement")),
            (std::vector<std::string>{"ram:BuyerReference", "ram:SellerTradeParty", "ram:BuyerTradeParty",
                                      "ram:SellerOrderReferencedDocument", "ram:BuyerOrderReferencedDocument",
                                      "ram:ContractReferencedDocument"}));
  EXPECT_EQ(child_names(tx.select_node("ram:ApplicableHeaderTradeAgreement/ram:SellerTradeParty").node()),
            (std::vector<std::string>{"ram:Name", "ram:SpecifiedLegalOrganization", "ram:DefinedTradeContact",
                                      "ram:PostalTradeAddress", "ram:URIUniversalCommunication",
                                      "ram:SpecifiedTaxRegistration"}));
}

TEST(CiiWriter, OnlyTheTaxTotalCarriesACurrencyId) {  // pitfall #35, CII-DT-031
  Document d = invoice();
  d.rounding = eur("-0.10");
  const auto root = parse_root(write_cii(d));
  const auto with_currency = root.select_nodes("//*[@currencyID]");
  ASSERT_EQ(with_currency.size(), 1u);
  EXPECT_STREQ(with_currency[0].node().name(), "ram:TaxTotalAmount");
  EXPECT_STREQ(with_currency[0].node().attribute("currencyID").value(), "EUR");
  const auto sum = root.select_node("//ram:SpecifiedTradeSettlementHeaderMonetarySummation").node();
  EXPECT_EQ(child_names(sum), (std::vector<std::string>{"ram:LineTotalAmount", "ram:TaxBasisTotalAmount", "ram:TaxTotalAmount",
                                                        "ram:RoundingAmount", "ram:GrandTotalAmount", "ram:DuePayableAmount"}));
  EXPECT_EQ(value(sum, "ram:TaxTotalAmount"), "242.72");
  EXPECT_EQ(value(sum, "ram:GrandTotalAmount"), "1492.10");  // rounding is not folded into BT-112
  EXPECT_EQ(value(sum, "ram:DuePayableAmount"), "1492.00");
}

TEST(CiiWriter, BreakdownsCarryTheirAmountsCategoryAndExemption) {
  const auto settlement =
      parse_root(write_cii(mixed_invoice())).select_node("//ram:ApplicableHeaderTradeSettlement").node();
  const auto taxes = settlement.select_nodes("ram:ApplicableTradeTax");
  ASSERT_EQ(taxes.size(), 4u);
  const auto e = taxes[1].node();
  EXPECT_EQ(child_names(e), (std::vector<std::string>{"ram:CalculatedAmount", "ram:TypeCode", "ram:ExemptionReason",
                                                      "ram:BasisAmount", "ram:CategoryCode", "ram:ExemptionReasonCode",
                                                      "ram:RateApplicablePercent"}));
  EXPECT_EQ(value(e, "ram:CategoryCode"), "E");
  EXPECT_EQ(value(e, "ram:BasisAmount"), "300.00");
  EXPECT_EQ(value(e, "ram:ExemptionReasonCode"), "VATEX-EU-132-1I");
  EXPECT_TRUE(in_order(settlement, {"ram:PaymentReference", "ram:InvoiceCurrencyCode", "ram:SpecifiedTradeSettlementPaymentMeans",
                                    "ram:ApplicableTradeTax", "ram:SpecifiedTradePaymentTerms",
                                    "ram:SpecifiedTradeSettlementHeaderMonetarySummation"}));
  EXPECT_EQ(value(settlement, "ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount/ram:IBANID"),
            "FR7630006000011234567890189");
  EXPECT_EQ(value(settlement, "ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"), "20240601");
}

TEST(CiiWriter, LineItemsAreInD16bOrderWithExactPrices) {
  const auto items = parse_root(write_cii(invoice())).select_nodes("//ram:IncludedSupplyChainTradeLineItem");
  ASSERT_EQ(items.size(), 3u);
  const auto first = items[0].node();
  EXPECT_EQ(child_names(first), (std::vector<std::string>{"ram:AssociatedDocumentLineDocument", "ram:SpecifiedTradeProduct",
                                                          "ram:SpecifiedLineTradeAgreement", "ram:SpecifiedLineTradeDelivery",
                                                          "ram:SpecifiedLineTradeSettlement"}));
  EXPECT_EQ(value(first, "ram:SpecifiedLineTradeSettlement/ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString"),
            "20240531");
  const auto third = items[2].node();
  EXPECT_EQ(value(third, "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount"), "12.345");
  EXPECT_EQ(value(third, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity"), "4");
  EXPECT_EQ(value(third, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent"), "5.5");
  EXPECT_EQ(value(third, "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount"),
            "49.38");
}

TEST(CiiWriter, AttachmentsAreAdditionalReferencedDocuments) {
  Document d = invoice();
  d.attachments.push_back(Attachment{"TS-1", "Timesheet", "text/csv", "ts.csv", "a,b\n"});
  const auto ref = parse_root(write_cii(d)).select_node("//ram:AdditionalReferencedDocument").node();
  EXPECT_EQ(value(ref, "ram:IssuerAssignedID"), "TS-1");
  EXPECT_EQ(value(ref, "ram:TypeCode"), "916");
  EXPECT_EQ(value(ref, "ram:AttachmentBinaryObject"), "YSxiCg==");
  EXPECT_EQ(attr(ref, "ram:AttachmentBinaryObject/@filename"), "ts.csv");
}

TEST(CiiWriter, ABrokenDocumentIsNeverWritten) {
  Document d = invoice();
  d.lines.clear();
  EXPECT_THROW(write_cii(d), Error);
}

}  // namespace
}  // namespace o2c::einvoice
