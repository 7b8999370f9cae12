#include <gtest/gtest.h>

#include "core/error.h"
#include "einvoice_fixtures.h"
#include "xml_test_util.h"

namespace o2c::einvoice {
namespace {

using namespace fixtures;

SbdhEnvelope envelope() {
  SbdhEnvelope e;
  e.instance_id = "5d1c3f2e-8f6b-4f7e-9a51-0b3f2c6d9e10";
  e.created = parse_timestamp("2024-05-02T10:15:00Z");
  e.sender = {"30326504500013", "0009"};
  e.receiver = {"DE123456789", "9930"};
  e.country_c1 = "FR";
  return e;
}

TEST(SbdhWriter, HeaderIdentifiesPartiesDocumentAndProcess) {
  const auto root = parse_root(write_sbdh(invoice(), envelope()));
  EXPECT_STREQ(root.name(), "StandardBusinessDocument");
  EXPECT_STREQ(root.attribute("xmlns").value(), "http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader");
  const auto h = root.child("StandardBusinessDocumentHeader");
  EXPECT_EQ(child_names(h), (std::vector<std::string>{"HeaderVersion", "Sender", "Receiver", "DocumentIdentification",
                                                      "BusinessScope"}));
  EXPECT_EQ(value(h, "HeaderVersion"), "1.0");
  EXPECT_EQ(value(h, "Sender/Identifier"), "0009:30326504500013");
  EXPECT_EQ(attr(h, "Sender/Identifier/@Authority"), "iso6523-actorid-upis");
  EXPECT_EQ(value(h, "Receiver/Identifier"), "9930:DE123456789");
  EXPECT_EQ(value(h, "DocumentIdentification/Standard"), "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2");
  EXPECT_EQ(value(h, "DocumentIdentification/TypeVersion"), "2.1");
  EXPECT_EQ(value(h, "DocumentIdentification/InstanceIdentifier"), "5d1c3f2e-8f6b-4f7e-9a51-0b3f2c6d9e10");
  EXPECT_EQ(value(h, "DocumentIdentification/Type"), "Invoice");
  EXPECT_EQ(value(h, "DocumentIdentification/CreationDateAndTime"), "2024-05-02T10:15:00Z");
  const auto scopes = h.select_nodes("BusinessScope/Scope");
  ASSERT_EQ(scopes.size(), 3u);
  EXPECT_EQ(value(scopes[0].node(), "InstanceIdentifier"),
            "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#"
            "urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1");
  EXPECT_EQ(value(scopes[0].node(), "Identifier"), "busdox-docid-qns");
  EXPECT_EQ(value(scopes[1].node(), "InstanceIdentifier"), "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0");
  EXPECT_EQ(value(scopes[2].node(), "Type"), "COUNTRY_C1");
  EXPECT_EQ(value(scopes[2].node(), "InstanceIdentifier"), "FR");
}

TEST(SbdhWriter, CarriesThePeppolUblDocumentUnchanged) {
  const auto root = parse_root(write_sbdh(credit_note(), envelope()));
  const auto ubl = root.child("CreditNote");
  ASSERT_TRUE(ubl);
  EXPECT_STREQ(ubl.attribute("xmlns").value(), "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2");
  EXPECT_EQ(value(root, "StandardBusinessDocumentHeader/DocumentIdentification/Type"), "CreditNote");
  const auto alone = parse_root(write_ubl(credit_note(), Profile::peppol_bis3));
  EXPECT_EQ(child_names(ubl), child_names(alone));
  EXPECT_EQ(value(ubl, "cbc:CustomizationID"), value(alone, "cbc:CustomizationID"));
}

TEST(SbdhWriter, SameInputGivesTheSameBytes) {  // a retry resends the same instance id
  EXPECT_EQ(write_sbdh(invoice(), envelope()), write_sbdh(invoice(), envelope()));
}

TEST(SbdhWriter, RefusesAnIncompleteEnvelopeOrABrokenDocument) {
  SbdhEnvelope e = envelope();
  e.instance_id.clear();
  EXPECT_THROW(write_sbdh(invoice(), e), Error);
  e = envelope();
  e.receiver.scheme.clear();
  EXPECT_THROW(write_sbdh(invoice(), e), Error);
  Document d = invoice();
  d.buyer.endpoint = {};
  EXPECT_THROW(write_sbdh(d, envelope()), Error);  // PEPPOL-EN16931-R010
}

}  // namespace
}  // namespace o2c::einvoice
