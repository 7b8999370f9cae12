// What the portals read from UBL and CII invoices, with any namespace prefix.
#include "sim/portals/portal_xml.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "portal_test_support.h"

namespace o2c::sim::portals {
namespace {

testing::InvoiceSpec spec() {
  testing::InvoiceSpec s;
  s.number = "INV100042";
  s.currency = "EUR";
  s.po = "PO-2026-000042";
  s.buyer_reference = "SERV-001";
  s.buyer_scheme = "0009";
  s.buyer_id = "11000000100015";
  return s;
}

ReceivedInvoice read(const std::string& xml) {
  std::string error;
  const auto doc = parse_xml(xml, error);
  EXPECT_TRUE(doc.has_value()) << error;
  return read_invoice(doc->document_element());
}

TEST(PortalXml, ReadsTheUblFieldsThePortalsCheck) {
  const ReceivedInvoice inv = read(testing::ubl(spec()));
  EXPECT_EQ(inv.syntax, Syntax::ubl);
  EXPECT_FALSE(inv.credit_note);
  EXPECT_EQ(inv.number, "INV100042");
  EXPECT_EQ(inv.issue_date, "2026-11-20");
  EXPECT_EQ(inv.currency, "EUR");
  EXPECT_EQ(inv.buyer_reference, "SERV-001");
  EXPECT_EQ(inv.purchase_order, "PO-2026-000042");
  EXPECT_EQ(inv.payable, "1200.00");
  EXPECT_TRUE(inv.seller.has("0009", "55210055400013"));
  EXPECT_TRUE(inv.buyer.has("0009", "11000000100015"));
  EXPECT_FALSE(inv.buyer.has("0088", "11000000100015"));
  EXPECT_EQ(inv.seller.vat, "FR96552100554");
}

TEST(PortalXml, NaInTheOrderReferenceIsPeppolsNoPo) {
  testing::InvoiceSpec s = spec();
  s.po = "NA";  // UBL's OrderReference/ID is mandatory: "NA" when only the sales order is known
  EXPECT_EQ(read(testing::ubl(s)).purchase_order, "");
}

TEST(PortalXml, ReadsTheSameFieldsFromCii) {
  testing::InvoiceSpec s = spec();
  s.credit_note = true;
  const ReceivedInvoice inv = read(testing::cii(s));
  EXPECT_EQ(inv.syntax, Syntax::cii);
  EXPECT_TRUE(inv.credit_note);
  EXPECT_EQ(inv.number, "INV100042");
  EXPECT_EQ(inv.issue_date, "2026-11-20");
  EXPECT_EQ(inv.currency, "EUR");
  EXPECT_EQ(inv.purchase_order, "PO-2026-000042");
  EXPECT_EQ(inv.buyer_reference, "SERV-001");
  EXPECT_EQ(inv.payable, "1200.00");
  EXPECT_TRUE(inv.seller.has("0009", "55210055400013"));
  EXPECT_TRUE(inv.buyer.has("0009", "11000000100015"));
}

TEST(PortalXml, OtherDocumentsAndMissingNumbersAreErrorsAndMalformedXmlSaysWhere) {
  EXPECT_THROW(read("<Order><ID>1</ID></Order>"), Error);
  testing::InvoiceSpec s = spec();
  s.number = "";
  EXPECT_THROW(read(testing::ubl(s)), Error);
  std::string error;
  EXPECT_FALSE(parse_xml("<a>\n<b>\n</a>", error).has_value());
  EXPECT_NE(error.find("line 3"), std::string::npos) << error;
  EXPECT_EQ(xml_escape("a<b & \"c\">"), "a&lt;b &amp; &quot;c&quot;&gt;");
}

}  // namespace
}  // namespace o2c::sim::portals
