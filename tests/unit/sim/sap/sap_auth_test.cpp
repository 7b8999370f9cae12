// Who may call: HTTP Basic, OAuth 2.0 client credentials and Bearer tokens
// (with expiry), sap-client, the session cookie; CSRF tokens for modifying
// requests (fetch, 403 x-csrf-token: Required, expiry); fault replies;
// $metadata as well-formed EDMX.
#include <gtest/gtest.h>

#include <sstream>

#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include "sap_test_support.h"

namespace o2c::sim::sap::test {
namespace {

struct AuthFixture : ::testing::Test {
  SapFixture data = make_fixture();
  std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(kNow);
  SapApi api{SapOptions{}, data.catalog, clock};
  const std::string list = kBilling + "A_BillingDocument?$format=json&$top=1";

  SimReply token(const std::string& body, const std::string& authorization = "") {
    SimRequest r;
    r.method = "POST";
    r.target = "/sap/bc/sec/oauth2/token";
    r.host = "127.0.0.1:50000";
    r.body = body;
    r.headers.emplace_back("content-type", "application/x-www-form-urlencoded");
    if (!authorization.empty()) r.headers.emplace_back("authorization", authorization);
    return api.handle(r);
  }
  std::string access_token() {
    const SimReply r = token("grant_type=client_credentials&client_id=o2c-demo-sap-client&client_secret=o2c-demo-sap-secret");
    EXPECT_EQ(r.status, 200) << r.body;
    return std::string(json_of(r).at("access_token").as_string());
  }
};

TEST_F(AuthFixture, BasicAuthAndLogonFailures) {
  EXPECT_EQ(api.handle(get(list)).status, 200);
  for (const auto& auth : {basic("O2C_COMM_USER", "wrong"), basic("SOMEONE", "o2c-demo-password"), std::string(),
                           std::string("Basic !!!")}) {
    const SimReply r = api.handle(get(list, auth));
    EXPECT_EQ(r.status, 401) << auth;
    EXPECT_EQ(header_of(r, "WWW-Authenticate"), "Basic realm=\"SAP NetWeaver Application Server [S4H/100]\"");
    EXPECT_NE(r.body.find("Logon Error Message"), std::string::npos);
  }
  EXPECT_EQ(api.handle(get(list, basic("o2c_comm_user", "o2c-demo-password"))).status, 200)
      << "SAP user names are case-insensitive";
}

TEST_F(AuthFixture, SapClientMustBeTheSystemsClient) {
  EXPECT_EQ(api.handle(get(list + "&sap-client=100")).status, 200);
  SimReply r = api.handle(get(list + "&sap-client=200"));
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.body.find("Client 200"), std::string::npos);
  SimRequest header = get(list);
  header.headers.emplace_back("sap-client", "300");
  EXPECT_EQ(api.handle(header).status, 401);
}

TEST_F(AuthFixture, ClientCredentialsTokensAndBearer) {
  const std::string t = access_token();
  EXPECT_EQ(api.handle(get(list, "Bearer " + t)).status, 200);
  // client authentication by HTTP Basic works too
  const SimReply basic_client = token("grant_type=client_credentials", basic("o2c-demo-sap-client", "o2c-demo-sap-secret"));
  ASSERT_EQ(basic_client.status, 200) << basic_client.body;
  EXPECT_EQ(json_of(basic_client).at("token_type").as_string(), "Bearer");
  EXPECT_EQ(json_of(basic_client).at("expires_in").as_int64(), 3600);
  SimReply bad = token("grant_type=client_credentials&client_id=o2c-demo-sap-client&client_secret=nope");
  EXPECT_EQ(bad.status, 401);
  EXPECT_EQ(json_of(bad).at("error").as_string(), "invalid_client");
  bad = token("grant_type=password&client_id=o2c-demo-sap-client&client_secret=o2c-demo-sap-secret");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json_of(bad).at("error").as_string(), "unsupported_grant_type");
  EXPECT_EQ(api.handle(get(list, "Bearer not-a-token")).status, 401);
  clock->set(kNow + std::chrono::seconds(3601));
  const SimReply expired = api.handle(get(list, "Bearer " + t));
  EXPECT_EQ(expired.status, 401);
  EXPECT_EQ(header_of(expired, "WWW-Authenticate").empty(), false);
}

TEST_F(AuthFixture, ExpireSessionsInvalidatesTokens) {
  const std::string t = access_token();
  api.expire_sessions();
  EXPECT_EQ(api.handle(get(list, "Bearer " + t)).status, 401);
}

TEST_F(AuthFixture, CsrfFetchThenModifyingRequests) {
  SimRequest fetch = get(kBilling);
  fetch.method = "HEAD";
  fetch.headers.emplace_back("x-csrf-token", "Fetch");
  const SimReply fetched = api.handle(fetch);
  ASSERT_EQ(fetched.status, 200);
  EXPECT_TRUE(fetched.body.empty());
  const std::string csrf = header_of(fetched, "x-csrf-token");
  ASSERT_FALSE(csrf.empty());
  std::string cookies;
  for (const auto& [k, v] : fetched.headers)
    if (k == "Set-Cookie") cookies += v.substr(0, v.find(';')) + "; ";
  ASSERT_NE(cookies.find("SAP_SESSIONID_S4H_100="), std::string::npos);
  ASSERT_NE(cookies.find("sap-usercontext=sap-client=100"), std::string::npos);

  SimRequest post = get(kBilling + "A_BillingDocument");
  post.method = "POST";
  post.body = "{}";
  SimReply r = api.handle(post);   // no token
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(header_of(r, "x-csrf-token"), "Required");
  EXPECT_EQ(r.body, "CSRF token validation failed");
  post.headers.emplace_back("x-csrf-token", csrf);
  EXPECT_EQ(api.handle(post).status, 403) << "the token is bound to the session cookie";
  post.headers.emplace_back("cookie", cookies);
  r = api.handle(post);
  EXPECT_EQ(r.status, 405) << r.body;   // accepted by CSRF, refused by the read-only service
  EXPECT_NE(sap_message(r).find("read-only"), std::string::npos);
  // A second fetch in the same session gives the same token; after 10 minutes it is refused.
  SimRequest again = get(kBilling);
  again.headers.emplace_back("x-csrf-token", "fetch");
  again.headers.emplace_back("cookie", cookies);
  EXPECT_EQ(header_of(api.handle(again), "x-csrf-token"), csrf);
  clock->set(kNow + std::chrono::seconds(601));
  EXPECT_EQ(api.handle(post).status, 403);
  const std::string renewed = header_of(api.handle(again), "x-csrf-token");
  EXPECT_NE(renewed, csrf);
}

TEST_F(AuthFixture, FaultRepliesAreSapsOwn) {
  const SimReply busy = api.fault_reply("429");
  EXPECT_EQ(busy.status, 429);
  EXPECT_EQ(header_of(busy, "Retry-After"), "2");
  EXPECT_FALSE(sap_message(busy).empty());
  EXPECT_EQ(json_of(busy).at("error").at("message").at("lang").as_string(), "en");
  const SimReply down = api.fault_reply("5xx");
  EXPECT_EQ(down.status, 503);
  EXPECT_FALSE(header_of(down, "Retry-After").empty());
  EXPECT_NE(header_of(down, "Content-Type").find("text/html"), std::string::npos);
}

TEST_F(AuthFixture, MetadataIsWellFormedEdmx) {
  for (const std::string& root : {kBilling, kBillingV4}) {
    const SimReply r = api.handle(get(root + "$metadata"));
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(header_of(r, "Content-Type"), "application/xml");
    std::istringstream in(r.body);
    boost::property_tree::ptree tree;
    ASSERT_NO_THROW(boost::property_tree::read_xml(in, tree)) << r.body.substr(0, 400);
    const auto& schema = tree.get_child("edmx:Edmx.edmx:DataServices.Schema");
    std::map<std::string, std::string> types;   // property → type, of A_BillingDocumentType
    std::vector<std::string> keys;
    for (const auto& [tag, node] : schema) {
      if (tag != "EntityType" || node.get<std::string>("<xmlattr>.Name") != "A_BillingDocumentType") continue;
      for (const auto& [t, p] : node) {
        if (t == "Property") types[p.get<std::string>("<xmlattr>.Name")] = p.get<std::string>("<xmlattr>.Type");
        if (t == "Key")
          for (const auto& [k, ref] : p) keys.push_back(ref.get<std::string>("<xmlattr>.Name"));
      }
    }
    EXPECT_EQ(keys, (std::vector<std::string>{"BillingDocument"}));
    EXPECT_EQ(types["TotalNetAmount"], "Edm.Decimal");
    EXPECT_EQ(types["LastChangeDateTime"], "Edm.DateTimeOffset");
    EXPECT_EQ(types["BillingDocumentDate"], root == kBilling ? "Edm.DateTime" : "Edm.Date");
    EXPECT_EQ(types["BillingDocumentIsCancelled"], "Edm.Boolean");
    EXPECT_EQ(types.size(), 12u);  // the fixture's columns of A_BillingDocument
  }
}

}  // namespace
}  // namespace o2c::sim::sap::test
