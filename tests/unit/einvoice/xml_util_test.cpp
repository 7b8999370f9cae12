#include "einvoice/xml_util.h"

#include <gtest/gtest.h>

namespace o2c::einvoice::detail {
namespace {

TEST(XmlUtil, Base64MatchesRfc4648Vectors) {
  EXPECT_EQ(base64(""), "");
  EXPECT_EQ(base64("f"), "Zg==");
  EXPECT_EQ(base64("fo"), "Zm8=");
  EXPECT_EQ(base64("foo"), "Zm9v");
  EXPECT_EQ(base64("foob"), "Zm9vYg==");
  EXPECT_EQ(base64("fooba"), "Zm9vYmE=");
  EXPECT_EQ(base64("foobar"), "Zm9vYmFy");
  EXPECT_EQ(base64(std::string("\xff\x00\x80", 3)), "/wCA");
}

TEST(XmlUtil, AmountsHaveExactlyTheCurrencyDecimalsAndItsCode) {
  pugi::xml_document doc;
  add_amount(doc, "A", Money::parse("12.5", Currency::parse("EUR")));
  add_amount(doc, "B", Money::parse("1200", Currency::parse("JPY")));
  EXPECT_STREQ(doc.child("A").text().get(), "12.50");
  EXPECT_STREQ(doc.child("A").attribute("currencyID").value(), "EUR");
  EXPECT_STREQ(doc.child("B").text().get(), "1200");
}

TEST(XmlUtil, OptionalElementsAreLeftOutWhenEmpty) {
  pugi::xml_document doc;
  add_optional(doc, "Empty", "");
  add_optional(doc, "Full", "x");
  EXPECT_FALSE(doc.child("Empty"));
  EXPECT_STREQ(doc.child("Full").text().get(), "x");
}

TEST(XmlUtil, SerializedDocumentsDeclareUtf8) {
  pugi::xml_document doc;
  add_declaration(doc);
  add_text(doc, "Root", "é");
  const std::string text = serialize(doc);
  EXPECT_EQ(text.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
  EXPECT_NE(text.find("<Root>é</Root>"), std::string::npos);
}

}  // namespace
}  // namespace o2c::einvoice::detail
