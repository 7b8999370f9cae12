// The mapping checked against the service's $metadata (EDMX V2 and V4, as the
// simulated SAP system writes it): misspelt fields, ids, cursors, entity sets
// and navigations are named with a suggestion before any data is read; a
// $metadata the connector cannot have or read never stops the sync.
#include "connectors/sap/sap_metadata.h"

#include <gtest/gtest.h>

#include "core/error.h"
#include "tests/unit/connectors/sap/sap_test_server.h"

namespace o2c::sap::test {
namespace {

std::string metadata_of(SapTestServer& server, const std::string& service) {
  sim::SimRequest request;
  request.method = "GET";
  request.target = service + "/$metadata?sap-client=100";
  request.host = "127.0.0.1:1";
  request.headers = {{"authorization", "Basic TzJDX0NPTU1fVVNFUjpvMmMtZGVtby1wYXNzd29yZA=="}};
  const sim::SimReply reply = server.api().handle(request);
  EXPECT_EQ(reply.status, 200) << reply.body;
  return reply.body;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(SapMetadata, BothVersionsNameTheSetsTheirPropertiesAndNavigations) {
  SapTestServer server;
  for (const std::string& service : {std::string("/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV"), kBillingV4Service}) {
    const auto sets = parse_metadata(metadata_of(server, service));
    ASSERT_TRUE(sets.contains("A_BillingDocument")) << service;
    const EntitySetShape& doc = sets.at("A_BillingDocument");
    for (const char* p : {"BillingDocument", "PurchaseOrderByCustomer", "TotalNetAmount", "LastChangeDateTime"})
      EXPECT_NE(std::find(doc.properties.begin(), doc.properties.end(), p), doc.properties.end()) << service << " " << p;
    EXPECT_EQ(doc.navigations, std::vector<std::string>{"to_Item"}) << service;
    EXPECT_TRUE(sets.contains("A_BillingDocumentItem")) << service;
    EXPECT_TRUE(metadata_problems(sets, billing_query(service)).empty()) << service;
  }
}

TEST(SapMetadata, EveryMisfitIsNamedWithASuggestion) {
  SapTestServer server;
  const auto sets = parse_metadata(metadata_of(server, "/sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV"));
  connectors::QuerySpec q = billing_query();
  q.fields.push_back("PurchaseOrderByCustmer");
  q.fields.push_back("to_Item.NetAmount");  // through a navigation: the server checks the rest
  q.cursor_field = "LastChangedDateTime";
  q.expand = {"to_Items"};
  const std::vector<std::string> problems = metadata_problems(sets, q);
  ASSERT_EQ(problems.size(), 3u);
  EXPECT_EQ(problems[0], "field 'PurchaseOrderByCustmer' is not a property of A_BillingDocument; did you mean "
                         "'PurchaseOrderByCustomer'?");
  EXPECT_TRUE(has(problems[1], "cursor 'LastChangedDateTime'")) << problems[1];
  EXPECT_TRUE(has(problems[1], "'LastChangeDateTime'")) << problems[1];
  EXPECT_TRUE(has(problems[2], "expand 'to_Items' is not a navigation property")) << problems[2];
  EXPECT_TRUE(has(problems[2], "'to_Item'")) << problems[2];

  q = billing_query();
  q.object = "A_BillingDocuments";
  const auto unknown = metadata_problems(sets, q);
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_TRUE(has(unknown[0], "has no entity set A_BillingDocuments")) << unknown[0];
  EXPECT_TRUE(has(unknown[0], "'A_BillingDocument'")) << unknown[0];
}

TEST(SapMetadata, WhatIsNotEdmxIsARemoteError) {
  for (const char* bad : {"<html><body>Logon</body></html>", "{\"d\":{}}", "<edmx:Edmx><edmx:DataServices>",
                          R"(<edmx:Edmx xmlns:edmx="e"><edmx:DataServices><Schema Namespace="N"><EntityContainer>)"
                          R"(<EntitySet Name="A" EntityType="N.Missing"/></EntityContainer></Schema>)"
                          R"(</edmx:DataServices></edmx:Edmx>)"}) {
    try {
      parse_metadata(bad);
      ADD_FAILURE() << "parsed: " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::remote) << bad;
    }
  }
}

TEST(SapMetadata, AMisspeltFieldStopsTheStreamBeforeAnyDataIsRead) {
  SapTestServer server;
  SapSettings s = server.settings();
  s.check_metadata = true;
  connectors::QuerySpec q = billing_query();
  q.fields.push_back("PurchaseOrderByCustmer");
  const FixedClock clock(kNow);
  auto stream = make_sap_source(s, clock)->open(q, {}, connectors::SyncMode::full);
  try {
    stream->next();
    ADD_FAILURE() << "the stream read data";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_TRUE(has(e.what(), "does not fit the $metadata of /sap/opu/odata/sap/API_BILLING_DOCUMENT_SRV")) << e.what();
    EXPECT_TRUE(has(e.what(), "did you mean 'PurchaseOrderByCustomer'?")) << e.what();
  }
  const auto targets = server.targets();
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_TRUE(has(targets[0], "/$metadata?sap-client=100")) << targets[0];
}

TEST(SapMetadata, FetchedOncePerServiceAndCounted) {
  SapTestServer server;
  SapSettings s = server.settings();
  s.check_metadata = true;
  const FixedClock clock(kNow);
  const auto source = make_sap_source(s, clock);
  for (int pass = 0; pass < 2; ++pass) {
    auto stream = source->open(billing_query(), {}, connectors::SyncMode::full);
    long records = 0;
    while (auto page = stream->next()) records += static_cast<long>(page->records.size());
    EXPECT_EQ(records, 2500);
    EXPECT_EQ(stream->api_calls(), pass == 0 ? 4 : 3) << "pass " << pass;  // $metadata + 3 pages, then 3 pages
  }
  long metadata_requests = 0;
  for (const auto& t : server.targets()) metadata_requests += has(t, "$metadata") ? 1 : 0;
  EXPECT_EQ(metadata_requests, 1);
}

TEST(SapMetadata, AMetadataThatCannotBeHadOrReadLeavesTheCheckToTheServer) {
  for (const int status : {403, 200}) {
    SapTestServer server;
    server.set_hook([status](sim::SimRequest& r, int) -> std::optional<o2c::test::HttpTestReply> {
      if (r.target.find("$metadata") == std::string::npos) return std::nullopt;
      o2c::test::HttpTestReply reply;
      reply.status = status;
      reply.headers = {{"Content-Type", status == 200 ? "application/xml" : "application/json"}};
      reply.body = status == 200 ? "<edmx:Edmx>not closed" : R"({"error":{"code":"/IWFND/MED/170","message":"No"}})";
      return reply;
    });
    SapSettings s = server.settings();
    s.check_metadata = true;
    const FixedClock clock(kNow);
    auto stream = make_sap_source(s, clock)->open(billing_query(), {}, connectors::SyncMode::full);
    long records = 0;
    while (auto page = stream->next()) records += static_cast<long>(page->records.size());
    EXPECT_EQ(records, 2500) << status;
  }
}

}  // namespace
}  // namespace o2c::sap::test
