// OAuth2Auth against a local token endpoint: both grants, caching, refresh on
// 401, shared fetches, and the errors an admin sees.
#include <atomic>
#include <thread>

#include "connectors/http/auth.h"
#include "tests/unit/connectors/http/http_client_test_support.h"

namespace o2c::http::testing {
namespace {

const std::string kSecret = "cs-9f8e7d6c5b4a";
const Timestamp kNow{std::chrono::milliseconds{1'767'225'600'000}};   // 2026-01-01T00:00:00Z

// A Salesforce-like org: the token endpoint issues tok-1, tok-2, ...; the API
// accepts only tokens issued at or after `first_valid`.
struct FakeOrg {
  std::atomic<int> issued{0};
  std::atomic<int> first_valid{1};
  std::chrono::milliseconds token_delay{0};
  std::unique_ptr<HttpTestServer> server;

  FakeOrg() {
    server = std::make_unique<HttpTestServer>([this](const HttpTestRequest& r) { return handle(r); }, std::nullopt, 8);
  }
  HttpTestReply handle(const HttpTestRequest& r) {
    if (r.path() == "/services/oauth2/token") {
      auto reply = HttpTestReply::json(200, R"({"access_token":"tok-)" + std::to_string(++issued) +
                                                R"(","instance_url":"https://acme.my.salesforce.com","token_type":"Bearer"})");
      reply.delay = token_delay;
      return reply;
    }
    const std::string auth = r.header("authorization");
    if (!auth.starts_with("Bearer tok-") || std::stoi(auth.substr(11)) < first_valid)
      return HttpTestReply::json(401, R"([{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}])");
    return HttpTestReply::json(200, R"({"done":true})");
  }
  std::string token_url() const { return server->url() + "/services/oauth2/token"; }
  std::string api(const std::string& path = "/services/data/v59.0/limits") const { return server->url() + path; }
  std::size_t token_requests() const {
    std::size_t n = 0;
    for (const auto& r : server->requests()) n += r.path() == "/services/oauth2/token";
    return n;
  }
};

OAuth2Settings client_credentials(const std::string& token_url) {
  OAuth2Settings s;
  s.token_url = token_url;
  s.grant = "client_credentials";
  s.client_id = Secret("3MVG9-client-id");
  s.client_secret = Secret(kSecret);
  return s;
}

TEST(OAuth2ClientCredentials, FetchesOnceAndSignsEveryRequestWithTheBearerToken) {
  FakeOrg org;
  FixedClock clock(kNow);
  Client client(test_settings());
  OAuth2Auth auth(client_credentials(org.token_url()), client, clock);
  EXPECT_EQ(client.send(get(org.api()), &auth).status, 200);
  EXPECT_EQ(client.send(get(org.api()), &auth).status, 200);
  EXPECT_EQ(org.token_requests(), 1u);
  const auto requests = org.server->requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[1].header("authorization"), "Bearer tok-1");
  EXPECT_EQ(requests[2].header("authorization"), "Bearer tok-1");
  const OAuth2Token token = auth.token();
  EXPECT_EQ(token.instance_url, "https://acme.my.salesforce.com");
  EXPECT_EQ(token.issued, kNow);
}

TEST(OAuth2ClientCredentials, TheTokenRequestIsAFormPost) {
  FakeOrg org;
  FixedClock clock(kNow);
  Client client(test_settings());
  OAuth2Auth auth(client_credentials(org.token_url()), client, clock);
  auth.token();
  const HttpTestRequest r = org.server->requests().at(0);
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.header("content-type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(r.header("accept"), "application/json");
  EXPECT_EQ(r.header("authorization"), "");
  const auto fields = form_fields(r.body);
  EXPECT_EQ(fields, (std::map<std::string, std::string>{
                        {"grant_type", "client_credentials"}, {"client_id", "3MVG9-client-id"}, {"client_secret", kSecret}}));
}

TEST(OAuth2ClientCredentials, AScopeGoesInTheFormAsWritten) {
  FakeOrg org;
  FixedClock clock(kNow);
  Client client(test_settings());
  OAuth2Settings s = client_credentials(org.token_url());
  s.scope = "core.invoice.read core.invoice.write";
  OAuth2Auth auth(s, client, clock);
  auth.token();
  const auto fields = form_fields(org.server->requests().at(0).body);
  EXPECT_EQ(fields.at("scope"), "core.invoice.read core.invoice.write");
}

TEST(OAuth2Refresh, AnExpiredTokenIsRefreshedOnceAndTheRequestReplayed) {
  FakeOrg org;
  FixedClock clock(kNow);
  Client client(test_settings());
  OAuth2Auth auth(client_credentials(org.token_url()), client, clock);
  EXPECT_EQ(client.send(get(org.api()), &auth).status, 200);
  org.first_valid = 2;   // the session expires mid-run (field-pitfalls #9)
  EXPECT_EQ(client.send(get(org.api()), &auth).status, 200);
  EXPECT_EQ(org.token_requests(), 2u);
  const auto requests = org.server->requests();
  ASSERT_EQ(requests.size(), 5u);   // token, api, api(401), token, api
  EXPECT_EQ(requests[2].header("authorization"), "Bearer tok-1");
  EXPECT_EQ(requests[4].header("authorization"), "Bearer tok-2");
}

TEST(OAuth2Refresh, ARevokedGrantDoesNotLoop) {
  FakeOrg org;
  org.first_valid = 1'000'000;   // no token is ever accepted
  FixedClock clock(kNow);
  Client client(test_settings());
  OAuth2Auth auth(client_credentials(org.token_url()), client, clock);
  EXPECT_EQ(client.send(get(org.api()), &auth).status, 401);
  EXPECT_EQ(org.token_requests(), 2u);
  EXPECT_EQ(org.server->request_count(), 4u);
}

TEST(OAuth2Concurrency, ConcurrentCallersShareOneTokenFetch) {
  FakeOrg org;
  org.token_delay = 30ms;
  FixedClock clock(kNow);
  ClientSettings settings = test_settings();
  settings.max_concurrency = 4;
  Client client(settings);
  OAuth2Auth auth(client_credentials(org.token_url()), client, clock);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t)
    threads.emplace_back([&] { ok += client.send(get(org.api()), &auth).status == 200; });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 16);
  EXPECT_EQ(org.token_requests(), 1u);
}

TEST(OAuth2Concurrency, RequestsRejectedTogetherCauseOneRefresh) {
  FakeOrg org;
  FixedClock clock(kNow);
  Client client(test_settings());
  OAuth2Auth auth(client_credentials(org.token_url()), client, clock);
  auth.token();   // tok-1
  org.first_valid = 2;
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&] { ok += client.send(get(org.api()), &auth).status == 200; });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 8);
  EXPECT_EQ(org.token_requests(), 2u);
}

TEST(OAuth2Limits, TokenRequestsPassTheRateLimitToo) {
  FakeOrg org;
  FixedClock clock(kNow);
  ManualClientClock client_clock;
  ClientSettings settings = test_settings();
  settings.rate_per_second = 10;
  Client client(settings, client_clock);
  OAuth2Auth auth(client_credentials(org.token_url()), client, clock);
  client.send(get(org.api()), &auth);
  client.send(get(org.api()), &auth);
  // token, api, api: three starts, two waits of 100 ms.
  EXPECT_EQ(client_clock.sleeps(), (std::vector<std::chrono::milliseconds>{100ms, 100ms}));
}

TEST(OAuth2Limits, ATokenEndpoint503IsRetriedByTheClient) {
  std::atomic<int> calls{0};
  HttpTestServer server([&](const HttpTestRequest&) {
    return calls++ == 0 ? HttpTestReply::text(503, "<html>down</html>", "text/html")
                        : HttpTestReply::json(200, R"({"access_token":"tok"})");
  });
  FixedClock clock(kNow);
  ManualClientClock client_clock;
  Client client(test_settings(), client_clock);
  OAuth2Auth auth(client_credentials(server.url() + "/services/oauth2/token"), client, clock);
  EXPECT_EQ(auth.token().access_token, "tok");
  EXPECT_EQ(auth.token().instance_url, "");
  EXPECT_EQ(server.request_count(), 2u);
}

}  // namespace
}  // namespace o2c::http::testing
