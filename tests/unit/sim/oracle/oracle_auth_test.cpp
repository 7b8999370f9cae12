// tests/unit/sim/oracle/oracle_auth_test.cpp — who may call the simulated pod
// (Basic with the integration user; bearer tokens from the client-credentials
// endpoint, expiring by the clock and on demand), the 401 challenges, the
// fault replies (429 with Retry-After and Oracle's JSON, 503 HTML), and the
// requests refused before any resource is read (framework version, unknown
// path, method).
#include "tests/unit/sim/oracle/oracle_test_support.h"

namespace o2c::sim::oracle::test {
namespace {

std::string basic(const std::string& user, const std::string& password) {
  return "Basic " + base64_encode(user + ":" + password);
}

class OracleAuthTest : public ::testing::Test {
 protected:
  static OracleOptions with_tokens() {
    OracleOptions o;
    o.token_path = "/oauth2/v1/token";
    return o;
  }
  std::string token(const std::string& form, int* status = nullptr) {
    const Answer a = get(api, "/oauth2/v1/token", 0, "", "POST", form);
    if (status) *status = a.status;
    if (a.status != 200) return a.body;
    return std::string(a.json().at("access_token").as_string());
  }

  std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(parse_timestamp("2026-05-01T10:00:00Z"));
  OracleApi api{with_tokens(), catalog(5), clock};
};

TEST_F(OracleAuthTest, BasicWithTheIntegrationUserIsAcceptedAndAnythingElseChallenged) {
  EXPECT_EQ(get(api, kInvoices).status, 200);
  for (const std::string& header : {basic("o2c.integration", "wrong"), basic("someone", "o2c-demo-password"),
                                    std::string(""), std::string("Basic !!notbase64"), std::string("Digest abc")}) {
    const Answer a = get(api, kInvoices, 2, header);
    EXPECT_EQ(a.status, 401) << header;
    EXPECT_EQ(a.header("WWW-Authenticate"), "Basic realm=\"Oracle Fusion Applications\"");
    EXPECT_EQ(a.body.find("o2c-demo-password"), std::string::npos);
  }
}

TEST_F(OracleAuthTest, ClientCredentialsTokensWorkUntilTheyExpire) {
  const std::string t = token("grant_type=client_credentials&client_id=o2c-demo-oracle-client"
                              "&client_secret=o2c-demo-oracle-secret");
  EXPECT_EQ(get(api, kInvoices, 2, "Bearer " + t).status, 200);
  clock->set(parse_timestamp("2026-05-01T10:59:59Z"));
  EXPECT_EQ(get(api, kInvoices, 2, "Bearer " + t).status, 200);
  clock->set(parse_timestamp("2026-05-01T11:00:00Z"));
  const Answer expired = get(api, kInvoices, 2, "Bearer " + t);
  EXPECT_EQ(expired.status, 401);
  EXPECT_NE(expired.header("WWW-Authenticate").find("invalid_token"), std::string::npos);
  EXPECT_EQ(get(api, kInvoices, 2, "Bearer forged").status, 401);
}

TEST_F(OracleAuthTest, TokenEndpointTakesBasicClientAuthAndRefusesBadClientsAndGrants) {
  SimRequest request;
  request.method = "POST";
  request.target = "/oauth2/v1/token";
  request.headers = {{"authorization", basic("o2c-demo-oracle-client", "o2c-demo-oracle-secret")}};
  request.body = "grant_type=client_credentials";
  const SimReply ok = api.handle(request);
  ASSERT_EQ(ok.status, 200) << ok.body;
  const auto body = boost::json::parse(ok.body);
  EXPECT_EQ(body.at("token_type").as_string(), "Bearer");
  EXPECT_EQ(body.at("expires_in").as_int64(), 3600);

  int status = 0;
  const std::string bad = token("grant_type=client_credentials&client_id=o2c-demo-oracle-client&client_secret=x",
                                &status);
  EXPECT_EQ(status, 401);
  EXPECT_NE(bad.find("invalid_client"), std::string::npos);
  const std::string grant = token("grant_type=password&client_id=a&client_secret=b", &status);
  EXPECT_EQ(status, 400);
  EXPECT_NE(grant.find("unsupported_grant_type"), std::string::npos);
}

TEST_F(OracleAuthTest, ExpiringTokensOnDemandRefusesEveryIssuedToken) {
  const std::string t = token("grant_type=client_credentials&client_id=o2c-demo-oracle-client"
                              "&client_secret=o2c-demo-oracle-secret");
  api.expire_tokens();
  EXPECT_EQ(get(api, kInvoices, 2, "Bearer " + t).status, 401);
  EXPECT_EQ(get(api, kInvoices).status, 200) << "Basic is unaffected";
}

TEST_F(OracleAuthTest, WithoutATokenPathBearerTokensAreRefused) {
  OracleApi basic_only{OracleOptions{}, catalog(5)};
  EXPECT_EQ(get(basic_only, "/oauth2/v1/token", 0, "", "POST", "grant_type=client_credentials").status, 401);
}

TEST_F(OracleAuthTest, FaultRepliesAreOraclesThrottlingAndMaintenancePages) {
  const SimReply throttled = api.fault_reply("429");
  EXPECT_EQ(throttled.status, 429);
  bool has_retry_after = false;
  for (const auto& [k, v] : throttled.headers) has_retry_after = has_retry_after || (k == "Retry-After" && v == "2");
  EXPECT_TRUE(has_retry_after);
  const auto body = boost::json::parse(throttled.body);
  EXPECT_EQ(body.at("status").as_string(), "429");
  EXPECT_FALSE(body.at("o:errorDetails").at(0).at("detail").as_string().empty());
  const SimReply down = api.fault_reply("5xx");
  EXPECT_EQ(down.status, 503);
  EXPECT_NE(down.body.find("<title>503"), std::string::npos);
}

TEST_F(OracleAuthTest, VersionPathAndMethodAreCheckedBeforeAnyResource) {
  SimRequest request;
  request.method = "GET";
  request.target = kInvoices;
  request.headers = {{"authorization", basic("o2c.integration", "o2c-demo-password")},
                     {"rest-framework-version", "12"}};
  EXPECT_EQ(api.handle(request).status, 400);
  EXPECT_EQ(get(api, "/fscmRestApi/resources/11.13.18.05/nope").status, 404);
  EXPECT_EQ(get(api, kInvoices + "Extra").status, 404);
  const Answer post = get(api, kInvoices, 2, basic("o2c.integration", "o2c-demo-password"), "POST", "{}");
  EXPECT_EQ(post.status, 405);
  EXPECT_EQ(post.header("Allow"), "GET");
  EXPECT_EQ(get(api, kInvoices, 0).status, 200) << "no header = framework version 1";
}

}  // namespace
}  // namespace o2c::sim::oracle::test
