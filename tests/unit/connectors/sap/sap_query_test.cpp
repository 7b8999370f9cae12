// The OData text the connector sends and the next links it follows: filter
// and URL per protocol version, quoting, refused mapping pieces, and next
// links resolved, kept verbatim, given their sap-client, and refused when
// they leave the origin.
#include <gtest/gtest.h>

#include "connectors/sap/sap_query.h"
#include "core/error.h"
#include "tests/unit/connectors/sap/sap_test_server.h"

namespace o2c::sap {
namespace {

const Timestamp kSince = parse_timestamp("2026-11-24T10:00:00.750Z");

std::string config_message(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config) << e.what();
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return {};
}

TEST(SapQuery, ProtocolFromSettingOrServicePath) {
  EXPECT_EQ(protocol_of("auto", test::billing_query()), Protocol::v2);
  EXPECT_EQ(protocol_of("auto", test::billing_query(test::kBillingV4Service)), Protocol::v4);
  EXPECT_EQ(protocol_of("v4", test::billing_query()), Protocol::v4);
  EXPECT_EQ(protocol_of("v2", test::billing_query(test::kBillingV4Service)), Protocol::v2);
}

TEST(SapQuery, FilterPerProtocol) {
  auto q = test::billing_query();
  q.where = " BillingDocumentType eq 'F2' or BillingDocumentType eq 'G2' ";
  EXPECT_EQ(build_filter(q, Protocol::v2, kSince, "100457"),
            "(BillingDocumentType eq 'F2' or BillingDocumentType eq 'G2') and LastChangeDateTime ge "
            "datetimeoffset'2026-11-24T10:00:00Z' and BillingDocument gt '100457'");
  EXPECT_EQ(build_filter(q, Protocol::v4, kSince, ""),
            "(BillingDocumentType eq 'F2' or BillingDocumentType eq 'G2') and LastChangeDateTime ge 2026-11-24T10:00:00Z");
  q.where.clear();
  EXPECT_EQ(build_filter(q, Protocol::v2, std::nullopt, ""), "");
  EXPECT_EQ(build_filter(q, Protocol::v2, std::nullopt, "O'1"), "BillingDocument gt 'O''1'");
}

TEST(SapQuery, RefusesWhatCannotBeSentAsWritten) {
  auto q = test::billing_query();
  q.where = "BillingDocumentType eq 'F2";
  EXPECT_NE(config_message([&] { build_filter(q, Protocol::v2, std::nullopt, ""); }).find("not closed"),
            std::string::npos);
  q.where = "a eq 'x') or (b eq 'y'";
  EXPECT_NE(config_message([&] { build_filter(q, Protocol::v2, std::nullopt, ""); }).find("closes nothing"),
            std::string::npos);
  q.where.clear();
  q.id_field = "Billing Document";
  EXPECT_NE(config_message([&] { build_filter(q, Protocol::v2, std::nullopt, ""); }).find("mapping for object A_BillingDocument"),
            std::string::npos);
  q = test::billing_query();
  q.service = "API_BILLING_DOCUMENT_SRV";
  EXPECT_NE(config_message([&] { build_query_url("http://h", "", q, Protocol::v2, std::nullopt, "", 10); }).find("service"),
            std::string::npos);
  q = test::billing_query();
  q.fields.push_back("to_Item.NetAmount");
  EXPECT_NE(config_message([&] { build_query_url("http://h", "", q, Protocol::v2, std::nullopt, "", 10); }).find("not in expand"),
            std::string::npos);
  try {
    build_filter(test::billing_query(), Protocol::v2, std::nullopt, std::string("10\n0"));
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::store);
  }
}

TEST(SapQuery, V2UrlEncodesValuesAndKeepsOptionNames) {
  auto q = test::billing_query();
  q.fields = {"BillingDocument", "LastChangeDateTime"};
  q.expand = {"to_Item"};
  const QueryUrl u = build_query_url("http://sap.example:8443/", "100", q, Protocol::v2, kSince, "100457", 1000);
  EXPECT_EQ(u.path, "/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV/A_BillingDocument");
  EXPECT_EQ(u.url,
            "http://sap.example:8443/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV/A_BillingDocument?sap-client=100"
            "&$format=json&$select=BillingDocument%2CLastChangeDateTime%2Cto_Item"
            "&$filter=LastChangeDateTime%20ge%20datetimeoffset%272026-11-24T10%3A00%3A00Z%27%20and%20"
            "BillingDocument%20gt%20%27100457%27&$orderby=BillingDocument%20asc&$top=1000&$inlinecount=allpages"
            "&$expand=to_Item");
}

TEST(SapQuery, V4UrlCountsAndNeverSelectsNavigation) {
  auto q = test::billing_query(test::kBillingV4Service);
  q.fields = {"BillingDocument", "to_Item.NetAmount"};
  q.expand = {"to_Item"};
  const QueryUrl u = build_query_url("https://h", "", q, Protocol::v4, std::nullopt, "", 50);
  EXPECT_EQ(u.url, "https://h" + test::kBillingV4Service +
                       "/A_BillingDocument?$select=BillingDocument&$orderby=BillingDocument%20asc&$top=50&$count=true"
                       "&$expand=to_Item");
}

TEST(SapQuery, NextLinksAreKeptResolvedAndConfinedToTheOrigin) {
  const std::string request = "http://sap.example:8443/sap/opu/odata/sap/S/A_BillingDocument?sap-client=100&$top=5";
  const std::string v2_next = "http://sap.example:8443/sap/opu/odata/sap/S/A_BillingDocument?sap-client=100"
                              "&$skiptoken=%271000%27%2B1000%2F5432%26q%3D0badf00d";
  EXPECT_EQ(next_url(request, v2_next, "100", "A_BillingDocument"), v2_next);   // byte for byte
  EXPECT_EQ(next_url(request, "A_BillingDocument?$skiptoken=x%2By", "", "A_BillingDocument"),
            "http://sap.example:8443/sap/opu/odata/sap/S/A_BillingDocument?$skiptoken=x%2By");
  EXPECT_EQ(next_url(request, "/sap/opu/odata/sap/S/A_BillingDocument?$skiptoken=1", "100", "A_BillingDocument"),
            "http://sap.example:8443/sap/opu/odata/sap/S/A_BillingDocument?$skiptoken=1&sap-client=100");
  for (const std::string other : {"http://evil.example:8443/sap/x?$skiptoken=1", "https://sap.example:8443/x",
                                  "http://sap.example:9443/x", "//evil.example/x"}) {
    try {
      next_url(request, other, "100", "A_BillingDocument");
      ADD_FAILURE() << other;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::remote);
      EXPECT_NE(std::string(e.what()).find("another origin"), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(next_url(request, "http://a b", "100", "A_BillingDocument"), Error);
}

TEST(SapQuery, KeysCompareAsSapAlphaConversion) {
  EXPECT_LT(compare_keys("99999", "100001"), 0);
  EXPECT_LT(compare_keys("100001", "1000000"), 0);
  EXPECT_EQ(compare_keys("0100001", "100001"), 0);
  EXPECT_LT(compare_keys("A10", "A9"), 0);   // not all digits: byte order
}

}  // namespace
}  // namespace o2c::sap
