#include <gtest/gtest.h>

#include "core/error.h"
#include "einvoice_fixtures.h"
#include "xml_test_util.h"

namespace o2c::einvoice {
namespace {

using namespace fixtures;

CxmlEnvelope envelope() {
  CxmlEnvelope e;
  e.payload_id = "20240502T101500.4711.8812@o2csync.example.com";
  e.timestamp = parse_timestamp("2024-05-02T10:15:00Z");
  e.from_identity = "AN01000000001";
  e.to_identity = "AN01000000002";
  e.sender_identity = "AN01000000001";
  e.shared_secret = "s3cr3t";
  return e;
}

TEST(CxmlWriter, EnvelopeHasDoctypePayloadIdAndCredentials) {
  const std::string text = write_cxml(invoice(), envelope());
  EXPECT_NE(text.find("<!DOCTYPE cXML SYSTEM \"http://xml.cXML.org/schemas/cXML/1.2.050/InvoiceDetail.dtd\">"),
            std::string::npos);
  const auto root = parse_root(text);
  EXPECT_STREQ(root.name(), "cXML");
  EXPECT_EQ(attr(root, "@payloadID"), "20240502T101500.4711.8812@o2csync.example.com");
  EXPECT_EQ(attr(root, "@timestamp"), "2024-05-02T10:15:00+00:00");
  EXPECT_EQ(attr(root, "@version"), "1.2.050");
  EXPECT_EQ(attr(root, "Header/From/Credential/@domain"), "NetworkID");
  EXPECT_EQ(value(root, "Header/To/Credential/Identity"), "AN01000000002");
  EXPECT_EQ(value(root, "Header/Sender/Credential/SharedSecret"), "s3cr3t");
  EXPECT_EQ(value(root, "Header/Sender/UserAgent"), "o2csync");
  EXPECT_EQ(attr(root, "Request/@deploymentMode"), "production");
}

TEST(CxmlWriter, TestModeAndDtdVersionComeFromTheEnvelope) {
  CxmlEnvelope e = envelope();
  e.test_mode = true;
  e.version = "1.2.020";
  const std::string text = write_cxml(invoice(), e);
  EXPECT_NE(text.find("cXML/1.2.020/InvoiceDetail.dtd"), std::string::npos);
  EXPECT_EQ(attr(parse_root(text), "Request/@deploymentMode"), "test");
}

TEST(CxmlWriter, HeaderNamesTheInvoiceAndItsPartners) {
  const auto req = parse_root(write_cxml(invoice(), envelope())).select_node("Request/InvoiceDetailRequest").node();
  const auto header = req.child("InvoiceDetailRequestHeader");
  EXPECT_EQ(attr(header, "@invoiceID"), "INV-2024-0042");
  EXPECT_EQ(attr(header, "@purpose"), "standard");
  EXPECT_EQ(attr(header, "@operation"), "new");
  EXPECT_EQ(attr(header, "@invoiceDate"), "2024-05-02T00:00:00+00:00");
  EXPECT_EQ(attr(header, "PaymentTerm/@payInNumberOfDays"), "30");
  const auto partners = header.select_nodes("InvoicePartner/Contact");
  ASSERT_EQ(partners.size(), 3u);
  EXPECT_EQ(attr(partners[0].node(), "@role"), "remitTo");
  EXPECT_EQ(value(partners[0].node(), "Name"), "Acme Software SAS");
  EXPECT_EQ(attr(partners[1].node(), "@role"), "billTo");
  EXPECT_EQ(attr(partners[2].node(), "@role"), "soldTo");
  EXPECT_EQ(value(partners[1].node(), "PostalAddress/City"), "München");
  EXPECT_EQ(attr(partners[1].node(), "PostalAddress/Country/@isoCountryCode"), "DE");
  EXPECT_EQ(child_names(req), (std::vector<std::string>{"InvoiceDetailRequestHeader", "InvoiceDetailOrder",
                                                        "InvoiceDetailSummary"}));
}

TEST(CxmlWriter, OneItemPerLineWithItsTax) {
  const auto order = parse_root(write_cxml(invoice(), envelope())).select_node("//InvoiceDetailOrder").node();
  EXPECT_EQ(attr(order, "InvoiceDetailOrderInfo/OrderIDInfo/@orderID"), "PO-4471");
  const auto items = order.select_nodes("InvoiceDetailItem");
  ASSERT_EQ(items.size(), 3u);
  const auto third = items[2].node();
  EXPECT_EQ(child_names(third), (std::vector<std::string>{"UnitOfMeasure", "UnitPrice", "InvoiceDetailItemReference",
                                                          "SubtotalAmount", "Tax"}));
  EXPECT_EQ(attr(third, "@quantity"), "4");
  EXPECT_EQ(value(third, "UnitPrice/Money"), "12.345");
  EXPECT_EQ(value(third, "SubtotalAmount/Money"), "49.38");
  EXPECT_EQ(attr(third, "SubtotalAmount/Money/@currency"), "EUR");
  EXPECT_EQ(attr(third, "Tax/TaxDetail/@category"), "vat");
  EXPECT_EQ(attr(third, "Tax/TaxDetail/@percentageRate"), "5.5");
  EXPECT_EQ(value(third, "Tax/Money"), "2.72");
  EXPECT_EQ(attr(items[0].node(), "InvoiceDetailItemReference/@lineNumber"), "10");  // the PO line
  EXPECT_EQ(value(items[0].node(), "InvoiceDetailItemReference/Description"), "Monthly plan, 25 seats");
}

TEST(CxmlWriter, PoBackedInvoiceReferencesTheOrderDocument) {
  CxmlEnvelope e = envelope();
  e.order_payload_id = "PO-4471@buyer.example";
  const auto info = parse_root(write_cxml(invoice(), e)).select_node("//InvoiceDetailOrderInfo").node();
  EXPECT_EQ(attr(info, "OrderReference/@orderID"), "PO-4471");
  EXPECT_EQ(attr(info, "OrderReference/DocumentReference/@payloadID"), "PO-4471@buyer.example");
}

TEST(CxmlWriter, SummaryTotalsAndTaxPerRate) {
  const auto summary = parse_root(write_cxml(invoice(), envelope())).select_node("//InvoiceDetailSummary").node();
  EXPECT_EQ(child_names(summary), (std::vector<std::string>{"SubtotalAmount", "Tax", "GrossAmount", "NetAmount", "DueAmount"}));
  EXPECT_EQ(value(summary, "SubtotalAmount/Money"), "1249.38");
  EXPECT_EQ(value(summary, "Tax/Money"), "242.72");
  EXPECT_EQ(summary.select_nodes("Tax/TaxDetail").size(), 2u);
  EXPECT_EQ(value(summary, "GrossAmount/Money"), "1492.10");
  EXPECT_EQ(value(summary, "DueAmount/Money"), "1492.10");
}

TEST(CxmlWriter, CreditNoteIsACreditMemoWithNegativeAmounts) {
  const auto root = parse_root(write_cxml(credit_note(), envelope()));
  EXPECT_EQ(attr(root, "//InvoiceDetailRequestHeader/@purpose"), "creditMemo");
  EXPECT_EQ(attr(root, "//InvoiceDetailRequestHeader/InvoiceIDInfo/@invoiceID"), "INV-2024-0042");
  EXPECT_EQ(attr(root, "//InvoiceDetailItem/@quantity"), "-1");
  EXPECT_EQ(value(root, "//InvoiceDetailItem/SubtotalAmount/Money"), "-1710.50");
  EXPECT_EQ(value(root, "//InvoiceDetailSummary/DueAmount/Money"), "-2035.50");
}

TEST(CxmlWriter, RefusesWithoutPurchaseOrderOrPayloadId) {
  Document d = invoice();
  d.purchase_order.clear();
  EXPECT_THROW(write_cxml(d, envelope()), Error);
  CxmlEnvelope e = envelope();
  e.payload_id.clear();
  EXPECT_THROW(write_cxml(invoice(), e), Error);
}

}  // namespace
}  // namespace o2c::einvoice
