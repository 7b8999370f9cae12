#include <gtest/gtest.h>

#include "einvoice/rules.h"
#include "einvoice_fixtures.h"

namespace o2c::einvoice {
namespace {

using namespace fixtures;

std::vector<RuleViolation> peppol_rules(const Document& d) {
  detail::Violations out;
  detail::check_peppol(d, out);
  return out;
}

TEST(RulesPeppol, TheFixturePasses) { EXPECT_TRUE(peppol_rules(invoice()).empty()) << rules_of(peppol_rules(invoice())); }

TEST(RulesPeppol, BuyerReferenceOrPurchaseOrderIsRequired) {
  Document d = invoice();
  d.buyer_reference.clear();
  EXPECT_TRUE(peppol_rules(d).empty());
  d.purchase_order.clear();
  EXPECT_TRUE(has_rule(peppol_rules(d), "PEPPOL-EN16931-R003"));
}

TEST(RulesPeppol, BuyerElectronicAddressIsRequired) {
  Document d = invoice();
  d.buyer.endpoint = {};
  const auto v = peppol_rules(d);
  ASSERT_TRUE(has_rule(v, "PEPPOL-EN16931-R010"));
  EXPECT_NE(v.front().message.find("BT-49"), std::string::npos);
}

TEST(RulesPeppol, SellerElectronicAddressIsRequired) {
  Document d = invoice();
  d.seller.endpoint = {};
  EXPECT_TRUE(has_rule(peppol_rules(d), "PEPPOL-EN16931-R020"));
}

TEST(RulesPeppol, DirectDebitNeedsAMandate) {
  Document d = invoice();
  d.payment->code = "59";
  EXPECT_TRUE(has_rule(peppol_rules(d), "PEPPOL-EN16931-R061"));
  d.payment->mandate = "MANDATE-7";
  EXPECT_TRUE(peppol_rules(d).empty());
}

TEST(RulesPeppol, LinePeriodsLieWithinTheInvoicingPeriod) {
  Document d = invoice();
  d.period_start = day("2024-05-02");
  d.period_end = day("2024-05-30");
  const auto v = peppol_rules(d);
  EXPECT_TRUE(has_rule(v, "PEPPOL-EN16931-R110"));
  EXPECT_TRUE(has_rule(v, "PEPPOL-EN16931-R111"));
}

class PeppolSyntax : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(xml.load_string(write_ubl(invoice(), Profile::peppol_bis3).c_str())); }
  pugi::xml_node root() { return xml.document_element(); }
  std::vector<RuleViolation> rules() { return detail::check_peppol_syntax(xml); }
  pugi::xml_document xml;
};

TEST_F(PeppolSyntax, OurOutputPasses) { EXPECT_TRUE(rules().empty()) << rules_of(rules()); }

TEST_F(PeppolSyntax, ProfileIdIsRequired) {
  root().remove_child("cbc:ProfileID");
  EXPECT_TRUE(has_rule(rules(), "PEPPOL-EN16931-R001"));
}

TEST_F(PeppolSyntax, ProfileIdHasThePeppolProcessFormat) {
  root().child("cbc:ProfileID").text().set("urn:fdc:peppol.eu:2017:poacc:billing:1:1.0");
  EXPECT_TRUE(has_rule(rules(), "PEPPOL-EN16931-R007"));
}

TEST_F(PeppolSyntax, CustomizationIdIsExact) {  // pitfall #39: drift, typos, national CIUS
  for (const char* wrong : {"urn:cen.eu:en16931:2017", "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0 ",
                            "urn:cen.eu:en16931:2017#conformant#urn:fdc:peppol.eu:2017:poacc:billing:international:sg:3.0"}) {
    root().child("cbc:CustomizationID").text().set(wrong);
    EXPECT_TRUE(has_rule(rules(), "PEPPOL-EN16931-R004")) << wrong;
  }
}

TEST_F(PeppolSyntax, ExactlyOneTaxTotalWithSubtotals) {
  root().insert_copy_after(root().child("cac:TaxTotal"), root().child("cac:TaxTotal"));
  EXPECT_TRUE(has_rule(rules(), "PEPPOL-EN16931-R053"));
}

TEST_F(PeppolSyntax, NoEmptyElements) {
  root().child("cac:AccountingCustomerParty").child("cac:Party").append_child("cbc:WebsiteURI");
  EXPECT_TRUE(has_rule(rules(), "PEPPOL-EN16931-R008"));
}

TEST_F(PeppolSyntax, EveryCurrencyIdIsTheDocumentCurrency) {
  root().child("cac:LegalMonetaryTotal").child("cbc:PayableAmount").attribute("currencyID").set_value("USD");
  EXPECT_TRUE(has_rule(rules(), "PEPPOL-EN16931-R051"));
}

}  // namespace
}  // namespace o2c::einvoice
