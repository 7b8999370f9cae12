// The query options against the simulated services, in both protocol
// versions: $select, $filter (types, nulls, ALPHA keys, exact decimals),
// $orderby, $top/$skip, counts, $expand, entity by key, navigation, $count,
// and the reply shapes (V2 __metadata, /Date(..)/, decimals as strings; V4
// ISO timestamps, Edm.Date, IEEE754Compatible).
#include <gtest/gtest.h>

#include "sap_test_support.h"

namespace o2c::sim::sap::test {
namespace {

struct QueryFixture : ::testing::Test {
  SapFixture data = make_fixture();
  SapApi api{SapOptions{}, data.catalog, std::make_shared<FixedClock>(kNow)};

  SimReply v2(const std::string& resource_and_query) {
    return api.handle(get(kBilling + resource_and_query));
  }
  SimReply v4(const std::string& resource_and_query, const std::string& accept = "application/json") {
    SimRequest r = get(kBillingV4 + resource_and_query);
    r.headers.back().second = accept;
    return api.handle(r);
  }
  std::vector<std::string> ids(const SimReply& r, bool v4 = false) {
    std::vector<std::string> out;
    const auto doc = json_of(r);
    const auto& list = v4 ? doc.at("value").as_array() : doc.at("d").at("results").as_array();
    for (const auto& e : list) out.emplace_back(e.at("BillingDocument").as_string());
    return out;
  }
};

TEST_F(QueryFixture, V2CollectionShape) {
  const SimReply r = v2("A_BillingDocument?$format=json&$top=2&$inlinecount=allpages");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(header_of(r, "dataserviceversion"), "2.0");
  const auto doc = json_of(r);
  EXPECT_EQ(doc.at("d").at("__count").as_string(), "12");   // a string, ignoring $top
  const auto& first = doc.at("d").at("results").at(0).as_object();
  EXPECT_EQ(first.at("__metadata").at("uri").as_string(),
            "http://127.0.0.1:50000" + kBilling + "A_BillingDocument('100001')");
  EXPECT_EQ(first.at("__metadata").at("type").as_string(), "API_BILLING_DOCUMENT_SRV.A_BillingDocumentType");
  EXPECT_NE(std::string(first.at("__metadata").at("etag").as_string()).find("datetimeoffset'2026-11-10T10%3A00"),
            std::string::npos);
  EXPECT_EQ(first.at("TotalNetAmount").as_string(), "100.00");               // Edm.Decimal as a string
  EXPECT_EQ(first.at("BillingDocumentDate").as_string(), "/Date(1790812800000)/");   // 2026-10-01, no offset
  EXPECT_EQ(first.at("LastChangeDateTime").as_string(), "/Date(1794304800000+0000)/");
  EXPECT_TRUE(first.at("PurchaseOrderByCustomer").is_null());
  EXPECT_EQ(first.at("BillingDocumentIsCancelled").as_bool(), false);
  EXPECT_EQ(first.at("to_Item").at("__deferred").at("uri").as_string(),
            "http://127.0.0.1:50000" + kBilling + "A_BillingDocument('100001')/to_Item");
  EXPECT_FALSE(doc.at("d").as_object().contains("__next"));
}

TEST_F(QueryFixture, V4CollectionShapeAndIeee754Compatible) {
  SimReply r = v4("A_BillingDocument?$top=1&$count=true");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(header_of(r, "OData-Version"), "4.0");
  auto doc = json_of(r);
  EXPECT_EQ(doc.at("@odata.context").as_string(), "$metadata#A_BillingDocument");
  EXPECT_EQ(doc.at("@odata.count").as_int64(), 12);
  const auto& e = doc.at("value").at(0).as_object();
  EXPECT_FALSE(e.contains("__metadata"));
  EXPECT_FALSE(e.contains("to_Item"));
  EXPECT_EQ(e.at("LastChangeDateTime").as_string(), "2026-11-10T10:00:00.0000000Z");
  EXPECT_EQ(e.at("BillingDocumentDate").as_string(), "2026-10-01");
  EXPECT_TRUE(e.at("TotalNetAmount").is_number());   // no IEEE754Compatible: a JSON number (exact text)
  EXPECT_NE(r.body.find("\"TotalNetAmount\":100.00,"), std::string::npos);
  r = v4("A_BillingDocument?$top=1&$count=true", "application/json;IEEE754Compatible=true");
  doc = json_of(r);
  EXPECT_EQ(doc.at("@odata.count").as_string(), "12");
  EXPECT_EQ(doc.at("value").at(0).at("TotalNetAmount").as_string(), "100.00");
}

TEST_F(QueryFixture, SelectWritesOnlyTheSelectedPropertiesInTypeOrder) {
  const SimReply r = v2("A_BillingDocument?$format=json&$top=1&$select=TotalNetAmount,BillingDocument");
  ASSERT_EQ(r.status, 200) << r.body;
  const boost::json::object e = results_of(r).at(0).as_object();
  EXPECT_EQ(e.size(), 3u);   // __metadata + 2
  EXPECT_LT(r.body.find("\"BillingDocument\""), r.body.find("\"TotalNetAmount\""));
  const SimReply bad = v2("A_BillingDocument?$format=json&$select=TotalNetAmont");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(sap_message(bad).find("did you mean 'TotalNetAmount'"), std::string::npos) << sap_message(bad);
}

TEST_F(QueryFixture, FilterOnEveryTypeAndNull) {
  EXPECT_EQ(ids(v2("A_BillingDocument?$format=json&$filter=BillingDocumentType%20eq%20'G2'")),
            (std::vector<std::string>{"100004", "100008", "100012"}));
  EXPECT_EQ(ids(v2("A_BillingDocument?$format=json&$filter=BillingDocumentIsCancelled%20eq%20true")),
            (std::vector<std::string>{"100007"}));
  EXPECT_EQ(ids(v2("A_BillingDocument?$format=json&$filter=TotalNetAmount%20ge%20110.1M")),
            (std::vector<std::string>{"100011", "100012"}));   // 110.10 >= 110.1 exactly
  EXPECT_EQ(ids(v2("A_BillingDocument?$format=json&$filter=PurchaseOrderByCustomer%20eq%20null%20and%20"
                   "BillingDocument%20gt%20'100008'")),
            (std::vector<std::string>{"100009", "100011"}));
  EXPECT_EQ(ids(v2("A_BillingDocument?$format=json&$filter=LastChangeDateTime%20lt%20"
                   "datetimeoffset'2026-11-10T11:00:01%2B01:00'")),
            (std::vector<std::string>{"100001", "100002", "100003"}));
  EXPECT_EQ(ids(v2("A_BillingDocument?$format=json&$filter=BillingDocumentDate%20eq%20datetime'2026-10-03T00:00:00'")),
            (std::vector<std::string>{"100003"}));
  EXPECT_EQ(ids(v4("A_BillingDocument?$filter=BillingDocumentDate%20eq%202026-10-03"), true),
            (std::vector<std::string>{"100003"}));
  EXPECT_EQ(ids(v2("A_BillingDocument?$format=json&$filter=not%20(SoldToParty%20eq%20'1002'%20or%20"
                   "TransactionCurrency%20ne%20'EUR')")),
            (std::vector<std::string>{"100001", "100004", "100007"}));
}

TEST_F(QueryFixture, NumericKeysCompareAsSapsAlphaConversionDoes) {
  data.documents->rows().push_back(data.documents->rows().back());
  data.documents->rows().back()[0] = std::string("1000000");   // 7 digits: after 100012, byte-wise before it
  EXPECT_EQ(ids(v2("A_BillingDocument?$format=json&$filter=BillingDocument%20gt%20'100011'")),
            (std::vector<std::string>{"100012", "1000000"}));
}

TEST_F(QueryFixture, LiteralOfTheWrongTypeIsRefusedNamingProperty) {
  SimReply r = v2("A_BillingDocument?$format=json&$filter=LastChangeDateTime%20ge%20datetime'2026-11-10T10:00:00'");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(sap_message(r).find("'LastChangeDateTime' is Edm.DateTimeOffset"), std::string::npos) << sap_message(r);
  r = v2("A_BillingDocument?$format=json&$filter=TotalNetAmount%20eq%20'100'");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(sap_message(r).find("Edm.Decimal"), std::string::npos);
  r = v2("A_BillingDocument?$format=json&$filter=Nope%20eq%20'1'");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(sap_message(r).find("'Nope'"), std::string::npos);
  r = v4("A_BillingDocument?$filter=BillingDocument%20eq");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(json_of(r).at("error").at("target").as_string(), "$filter");
  EXPECT_TRUE(json_of(r).at("error").at("message").is_string());   // V4: message is a plain string
}

TEST_F(QueryFixture, OrderByTopSkip) {
  EXPECT_EQ(ids(v2("A_BillingDocument?$format=json&$orderby=BillingDocument%20desc&$top=3&$skip=1")),
            (std::vector<std::string>{"100011", "100010", "100009"}));
  EXPECT_EQ(ids(v2("A_BillingDocument?$format=json&$orderby=TotalNetAmount%20desc,BillingDocument&$top=2")),
            (std::vector<std::string>{"100012", "100011"}));
  EXPECT_EQ(ids(v2("A_BillingDocument?$format=json&$skip=10")), (std::vector<std::string>{"100011", "100012"}));
  EXPECT_EQ(ids(v2("A_BillingDocument?$format=json&$top=0")).size(), 0u);
  EXPECT_EQ(v2("A_BillingDocument?$format=json&$top=-1").status, 400);
}

TEST_F(QueryFixture, CountOptionsAreVersionSpecific) {
  SimReply r = v2("A_BillingDocument?$format=json&$count=true");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(sap_message(r).find("$inlinecount=allpages"), std::string::npos);
  r = v4("A_BillingDocument?$inlinecount=allpages");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(sap_message(r).find("$count=true"), std::string::npos);
  r = v2("A_BillingDocument/$count?$filter=BillingDocumentType%20eq%20'G2'");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.body, "3");
}

TEST_F(QueryFixture, V2NeedsJsonAskedFor) {
  SimRequest r = get(kBilling + "A_BillingDocument");
  r.headers.pop_back();   // no Accept
  const SimReply reply = api.handle(r);
  EXPECT_EQ(reply.status, 406);
  EXPECT_NE(sap_message(reply).find("$format=json"), std::string::npos);
}

TEST_F(QueryFixture, ExpandItemsInBothVersions) {
  SimReply r = v2("A_BillingDocument?$format=json&$top=1&$expand=to_Item&$select=BillingDocument,to_Item");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto items = results_of(r).at(0).at("to_Item").at("results").as_array();
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[1].at("BillingDocumentItem").as_string(), "20");
  EXPECT_EQ(items[0].at("__metadata").at("uri").as_string(),
            "http://127.0.0.1:50000" + kBilling +
                "A_BillingDocumentItem(BillingDocument='100001',BillingDocumentItem='10')");
  r = v4("A_BillingDocument?$top=1&$expand=to_Item&$select=BillingDocument,to_Item/NetAmount");
  ASSERT_EQ(r.status, 200) << r.body;
  const boost::json::object item = json_of(r).at("value").at(0).at("to_Item").at(0).as_object();
  EXPECT_EQ(item.size(), 1u);
  EXPECT_EQ(item.at("NetAmount").as_double(), 50.0);
  r = v2("A_BillingDocument?$format=json&$expand=to_Partner");
  EXPECT_EQ(r.status, 400);
  EXPECT_NE(sap_message(r).find("'to_Partner' is not a navigation property"), std::string::npos);
}

TEST_F(QueryFixture, EntityByKeyNavigationAndNotFound) {
  SimReply r = v2("A_BillingDocument('100003')?$format=json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r).at("d").at("BillingDocument").as_string(), "100003");
  r = v4("A_BillingDocument('100003')?$select=BillingDocument");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r).at("@odata.context").as_string(), "$metadata#A_BillingDocument/$entity");
  r = v2("A_BillingDocumentItem(BillingDocument='100003',BillingDocumentItem='20')?$format=json");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r).at("d").at("NetAmount").as_string(), "52.00");
  r = v2("A_BillingDocument('100003')/to_Item?$format=json&$inlinecount=allpages");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r).at("d").at("__count").as_string(), "2");
  r = v2("A_BillingDocument('999')?$format=json");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(sap_message(r), "Resource not found for the segment 'A_BillingDocument('999')'.");
  r = v2("Address2?$format=json");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(sap_message(r), "Resource not found for the segment 'Address2'.");
}

TEST_F(QueryFixture, UnknownServiceAndPath) {
  SimReply r = api.handle(get("/sap/opu/odata/sap/API_NOPE_SRV/A_X?$format=json"));
  EXPECT_EQ(r.status, 404);
  EXPECT_NE(sap_message(r).find("name 'API_NOPE_SRV'"), std::string::npos);
  r = api.handle(get("/nowhere"));
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(header_of(r, "Content-Type"), "text/html; charset=utf-8");
  r = api.handle(get("/sap/opu/odata/sap/api_billing_document_srv/A_BillingDocument?$format=json&$top=1"));
  EXPECT_EQ(r.status, 200) << "service names are case-insensitive in the URL";
}

TEST_F(QueryFixture, ServedVersionsPerService) {
  SapOptions options;
  options.service_versions["API_BILLING_DOCUMENT_SRV"] = ServedVersions::v4;
  SapApi v4_only(options, data.catalog, std::make_shared<FixedClock>(kNow));
  EXPECT_EQ(v4_only.handle(get(kBilling + "A_BillingDocument?$format=json")).status, 404);
  EXPECT_EQ(v4_only.handle(get(kBillingV4 + "A_BillingDocument")).status, 200);
}

TEST_F(QueryFixture, ServiceDocuments) {
  SimReply r = v2("?$format=json");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto sets = json_of(r).at("d").at("EntitySets").as_array();
  ASSERT_EQ(sets.size(), 2u);
  EXPECT_EQ(sets[0].as_string(), "A_BillingDocument");
  r = v4("");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(json_of(r).at("value").at(1).at("url").as_string(), "A_BillingDocumentItem");
}

TEST_F(QueryFixture, DateTimeOffsetWithAnOffsetKeepsTheInstant) {
  SapOptions options;
  options.datetimeoffset_offset_minutes = 120;
  SapApi shifted(options, data.catalog, std::make_shared<FixedClock>(kNow));
  SimReply r = shifted.handle(get(kBilling + "A_BillingDocument?$format=json&$top=1"));
  EXPECT_EQ(results_of(r).at(0).at("LastChangeDateTime").as_string(), "/Date(1794304800000+0120)/");
  EXPECT_EQ(results_of(r).at(0).at("BillingDocumentDate").as_string(), "/Date(1790812800000)/");
  r = shifted.handle(get(kBillingV4 + "A_BillingDocument?$top=1"));
  EXPECT_EQ(json_of(r).at("value").at(0).at("LastChangeDateTime").as_string(), "2026-11-10T12:00:00.0000000+02:00");
}

}  // namespace
}  // namespace o2c::sim::sap::test
