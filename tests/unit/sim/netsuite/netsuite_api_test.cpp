// The request rules around SuiteQL: headers, body, routes, fault replies.
#include <gtest/gtest.h>

#include "netsuite_test_data.h"

namespace o2c::sim::netsuite::test {
namespace {

struct ApiFixture : ::testing::Test {
  NetSuiteApi api{NetSuiteOptions{}, make_business_catalog(), std::make_shared<FixedClock>(kNow)};
  Client client{api};
  const std::string q = "SELECT cur.symbol FROM currency cur";

  // A correctly signed request to `path` with `method` and `body`.
  SimReply send(const std::string& method, const std::string& path, const std::string& body) {
    SimRequest r = client.request(q, 1000, 0);
    r.method = method;
    r.target = path;
    r.body = body;
    for (auto& [k, v] : r.headers)
      if (k == "authorization")
        v = sign(Credentials{}, method, "http://" + client.host + path, {}, fmt::format("s{}", ++client.nonce),
                 client.clock_seconds);
    return api.handle(r);
  }
};

TEST_F(ApiFixture, MissingPreferTransientIsInvalidHeader) {
  client.prefer = "";
  const SimReply r = client.query(q);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code_of(r), "INVALID_HEADER");
  EXPECT_NE(detail_of(r).find("Prefer: transient"), std::string::npos);
  EXPECT_NE(r.body.find(R"("o:errorHeader":"Prefer")"), std::string::npos);
  client.prefer = "respond-async";
  EXPECT_EQ(client.query(q).status, 400);
  client.prefer = "respond-async, Transient";
  EXPECT_EQ(client.query(q).status, 200);
}

TEST_F(ApiFixture, BodyMustBeJsonWithAStringQ) {
  const std::string path = "/services/rest/query/v1/suiteql";
  SimReply r = send("POST", path, "{\"q\": ");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(error_code_of(r), "INVALID_CONTENT");
  for (const char* body : {R"({"query":"SELECT 1"})", R"({"q":42})", R"(["q"])"}) {
    r = send("POST", path, body);
    EXPECT_EQ(r.status, 400) << body;
    EXPECT_EQ(error_code_of(r), "INVALID_PARAMETER") << body;
  }
  r = send("POST", path, R"({"q":"SELECT cur.symbol FROM currency cur WHERE cur.id = 4"})");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(items_of(boost::json::parse(r.body)).at(0).at("symbol"), "EUR");
}

TEST_F(ApiFixture, OtherPathsAre404AndOtherMethods405WithTheErrorBody) {
  SimReply r = send("GET", "/services/rest/record/v1/invoice", "");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(boost::json::parse(r.body).at("status").as_int64(), 404);
  EXPECT_FALSE(error_code_of(r).empty());
  r = send("GET", "/services/rest/query/v1/suiteql", "");
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(boost::json::parse(r.body).at("title").as_string(), "Method Not Allowed");
}

TEST_F(ApiFixture, RepliesAreJsonTypedAsNetSuiteDoes) {
  const SimReply ok = client.query(q);
  ASSERT_EQ(ok.status, 200);
  ASSERT_EQ(ok.headers.size(), 1u);
  EXPECT_EQ(ok.headers[0].first, "Content-Type");
  EXPECT_NE(ok.headers[0].second.find("+json"), std::string::npos);
  const SimReply err = client.query("SELECT");
  const auto doc = boost::json::parse(err.body);
  EXPECT_EQ(doc.at("status").as_int64(), 400);
  EXPECT_EQ(doc.at("title").as_string(), "Bad Request");
  EXPECT_TRUE(doc.at("type").is_string());
}

TEST_F(ApiFixture, FaultRepliesFollowTheWireContract) {
  const SimReply busy = api.fault_reply("429");
  EXPECT_EQ(busy.status, 429);
  EXPECT_EQ(busy.body,
            R"({"type":"https://www.rfc-editor.org/rfc/rfc6585.html#section-4","title":"Too Many Requests",)"
            R"("status":429,"o:errorDetails":[{"detail":"Concurrent request limit exceeded. Request blocked.",)"
            R"("o:errorCode":"CONCURRENCY_LIMIT_EXCEEDED"}]})");
  const SimReply down = api.fault_reply("5xx");
  EXPECT_EQ(down.status, 503);
  EXPECT_NE(down.headers.at(0).second.find("text/html"), std::string::npos);
  EXPECT_NE(down.body.find("<html>"), std::string::npos);
}

TEST_F(ApiFixture, MaxConcurrencyComesFromTheOptions) {
  EXPECT_EQ(api.max_concurrency(), 4);
  NetSuiteOptions two;
  two.max_concurrency = 2;
  EXPECT_EQ(NetSuiteApi(two, make_business_catalog()).max_concurrency(), 2);
}

}  // namespace
}  // namespace o2c::sim::netsuite::test
