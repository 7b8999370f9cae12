// OAuth2Auth: the JWT bearer assertion (checked with the public key here) and
// what the admin reads when the token endpoint refuses or is the wrong URL.
#include <atomic>
#include <memory>
#include <thread>

#include <boost/json.hpp>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include "connectors/http/auth.h"
#include "tests/unit/connectors/http/http_client_test_support.h"

namespace o2c::http::testing {
namespace {

const std::string kSecret = "cs-9f8e7d6c5b4a";
const Timestamp kNow{std::chrono::milliseconds{1'767'225'600'000}};   // 2026-01-01T00:00:00Z
constexpr long long kNowSeconds = 1'767'225'600;

struct PKeyFree {
  void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using PKey = std::unique_ptr<EVP_PKEY, PKeyFree>;

PKey make_rsa_key() { return PKey(EVP_RSA_gen(2048)); }

std::string private_pem(EVP_PKEY* key) {
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PrivateKey(bio, key, nullptr, nullptr, 0, nullptr, nullptr);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(n));
  BIO_free(bio);
  return pem;
}

std::string base64url_decode(std::string text) {
  for (char& c : text) c = c == '-' ? '+' : c == '_' ? '/' : c;
  while (text.size() % 4 != 0) text += '=';
  std::string out(text.size(), '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()), static_cast<int>(text.size()));
  EXPECT_GE(n, 0);
  std::size_t padding = 0;
  for (auto it = text.rbegin(); it != text.rend() && *it == '='; ++it) ++padding;
  out.resize(static_cast<std::size_t>(n) - padding);
  return out;
}

bool verify_rs256(EVP_PKEY* key, const std::string& signing_input, const std::string& signature) {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  const bool ok = EVP_DigestVerifyInit(ctx, nullptr, EVP_sha256(), nullptr, key) == 1 &&
                  EVP_DigestVerify(ctx, reinterpret_cast<const unsigned char*>(signature.data()), signature.size(),
                                   reinterpret_cast<const unsigned char*>(signing_input.data()),
                                   signing_input.size()) == 1;
  EVP_MD_CTX_free(ctx);
  return ok;
}

std::string text(const boost::json::value& v) { return v.is_string() ? std::string(v.as_string()) : "<not a string>"; }

HttpTestReply token_ok(const HttpTestRequest&) { return HttpTestReply::json(200, R"({"access_token":"tok"})"); }

OAuth2Settings jwt_settings(const std::string& token_url, const std::string& key_pem) {
  OAuth2Settings s;
  s.token_url = token_url;
  s.grant = "jwt_bearer";
  s.client_id = Secret("3MVG9-consumer-key");
  s.user = "integration@acme.example";
  s.private_key_pem = Secret(key_pem);
  return s;
}

TEST(OAuth2JwtBearer, TheAssertionIsAnRs256JwtWithTheClaimsAndAValidSignature) {
  const PKey key = make_rsa_key();
  HttpTestServer server(token_ok);
  FixedClock clock(kNow);
  Client client(test_settings());
  OAuth2Auth auth(jwt_settings(server.url() + "/services/oauth2/token", private_pem(key.get())), client, clock);
  EXPECT_EQ(auth.token().access_token, "tok");

  const auto fields = form_fields(server.requests().at(0).body);
  EXPECT_EQ(fields.at("grant_type"), "urn:ietf:params:oauth:grant-type:jwt-bearer");
  const std::string jwt = fields.at("assertion");
  const auto dot1 = jwt.find('.');
  const auto dot2 = jwt.find('.', dot1 + 1);
  ASSERT_NE(dot2, std::string::npos);
  const auto header = boost::json::parse(base64url_decode(jwt.substr(0, dot1))).as_object();
  EXPECT_EQ(text(header.at("alg")), "RS256");
  EXPECT_EQ(text(header.at("typ")), "JWT");
  const auto claims = boost::json::parse(base64url_decode(jwt.substr(dot1 + 1, dot2 - dot1 - 1))).as_object();
  EXPECT_EQ(text(claims.at("iss")), "3MVG9-consumer-key");
  EXPECT_EQ(text(claims.at("sub")), "integration@acme.example");
  EXPECT_EQ(text(claims.at("aud")), server.url());   // default audience: the token endpoint's origin
  EXPECT_EQ(claims.at("exp").to_number<long long>(), kNowSeconds + 180);
  EXPECT_EQ(claims.size(), 4u);
  EXPECT_TRUE(verify_rs256(key.get(), jwt.substr(0, dot2), base64url_decode(jwt.substr(dot2 + 1))));
  EXPECT_FALSE(verify_rs256(make_rsa_key().get(), jwt.substr(0, dot2), base64url_decode(jwt.substr(dot2 + 1))));
}

TEST(OAuth2JwtBearer, TheConfiguredAudienceIsUsed) {
  const PKey key = make_rsa_key();
  HttpTestServer server(token_ok);
  FixedClock clock(kNow);
  Client client(test_settings());
  OAuth2Settings settings = jwt_settings(server.url() + "/services/oauth2/token", private_pem(key.get()));
  settings.audience = "https://test.salesforce.com";
  OAuth2Auth auth(settings, client, clock);
  auth.token();
  const std::string jwt = form_fields(server.requests().at(0).body).at("assertion");
  const auto dot1 = jwt.find('.');
  const auto claims = boost::json::parse(base64url_decode(jwt.substr(dot1 + 1, jwt.find('.', dot1 + 1) - dot1 - 1)));
  EXPECT_EQ(text(claims.at("aud")), "https://test.salesforce.com");
}

TEST(OAuth2JwtBearer, AnUnreadableKeyIsAConfigErrorThatDoesNotQuoteIt) {
  const std::string not_a_key = "-----BEGIN PRIVATE KEY-----\nTUlJQ2V3SUJBREFOQmdrcWhraUc5dzBC\n-----END PRIVATE KEY-----\n";
  const Error e = expect_error([&] { sign_jwt_rs256("{}", Secret(not_a_key)); });
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(e.what(), "private_key")) << e.what();
  EXPECT_FALSE(contains(e.what(), "TUlJQ2V3")) << e.what();
}

TEST(OAuth2JwtBearer, ANonRsaKeyIsRefused) {
  PKey ec(EVP_EC_gen("P-256"));
  const Error e = expect_error([&] { sign_jwt_rs256("{}", Secret(private_pem(ec.get()))); });
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(e.what(), "not an RSA key")) << e.what();
}

OAuth2Settings client_credentials(const std::string& token_url) {
  OAuth2Settings s;
  s.token_url = token_url;
  s.grant = "client_credentials";
  s.client_id = Secret("3MVG9-client-id");
  s.client_secret = Secret(kSecret);
  return s;
}

Error token_error(HttpTestReply reply) {
  HttpTestServer server([&](const HttpTestRequest&) { return reply; });
  FixedClock clock(kNow);
  ManualClientClock client_clock;
  Client client(test_settings("salesforce"), client_clock);
  OAuth2Auth auth(client_credentials(server.url() + "/services/oauth2/token"), client, clock);
  Error e = expect_error([&] { auth.token(); });
  EXPECT_EQ(server.request_count(), 1u) << "token endpoint refusals are not retried";
  EXPECT_FALSE(contains(e.what(), kSecret)) << e.what();
  return e;
}

TEST(OAuth2Errors, InvalidClientIsAConfigErrorSayingWhatToCheck) {
  const Error e = token_error(HttpTestReply::json(400, R"({"error":"invalid_client","error_description":"invalid client credentials"})"));
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_EQ(e.context().source, "salesforce");
  const std::string m = e.what();
  EXPECT_TRUE(contains(m, "salesforce: token endpoint http://127.0.0.1:")) << m;
  EXPECT_TRUE(contains(m, "invalid_client: invalid client credentials")) << m;
  EXPECT_TRUE(contains(m, "check client_id and client_secret")) << m;
}

TEST(OAuth2Errors, ASecretEchoedByTheEndpointIsRedacted) {
  const Error e = token_error(HttpTestReply::json(
      401, R"({"error":"invalid_grant","error_description":"bad secret cs-9f8e7d6c5b4a for client"})"));
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(e.what(), "bad secret *** for client")) << e.what();
}

TEST(OAuth2Errors, AnHtmlPageIsRetriedThenATransientErrorNamingUrlAndContentType) {
  HttpTestServer server([&](const HttpTestRequest&) {
    return HttpTestReply::text(200, "<html><body>Maintenance</body></html>", "text/html; charset=UTF-8");
  });
  FixedClock clock(kNow);
  ManualClientClock client_clock;
  const ClientSettings settings = test_settings("salesforce");
  Client client(settings, client_clock);
  OAuth2Auth auth(client_credentials(server.url() + "/services/oauth2/token"), client, clock);
  const Error e = expect_error([&] { auth.token(); });
  EXPECT_EQ(server.request_count(), static_cast<std::size_t>(settings.max_attempts)) << "a maintenance page is transient";
  EXPECT_EQ(e.kind(), Error::Kind::transient);
  EXPECT_TRUE(contains(e.what(), "/services/oauth2/token")) << e.what();
  EXPECT_TRUE(contains(e.what(), "text/html; charset=UTF-8")) << e.what();
  EXPECT_TRUE(contains(e.what(), "Maintenance")) << e.what();
  EXPECT_FALSE(contains(e.what(), kSecret)) << e.what();
}

TEST(OAuth2Errors, AMaintenancePageThenATokenSucceeds) {
  int calls = 0;
  HttpTestServer server([&](const HttpTestRequest&) {
    return calls++ == 0 ? HttpTestReply::text(200, "<html>Maintenance</html>", "text/html")
                        : HttpTestReply::json(200, R"({"access_token":"tok-1","instance_url":"http://x"})");
  });
  FixedClock clock(kNow);
  ManualClientClock client_clock;
  Client client(test_settings("salesforce"), client_clock);
  OAuth2Auth auth(client_credentials(server.url() + "/services/oauth2/token"), client, clock);
  EXPECT_EQ(auth.token().access_token, "tok-1");
  EXPECT_EQ(server.request_count(), 2u);
}

TEST(OAuth2Errors, AnHtmlRefusalIsARemoteError) {
  const Error refused = token_error(HttpTestReply::text(400, "<html>Bad Request</html>", "text/html"));
  EXPECT_EQ(refused.kind(), Error::Kind::remote);
}

TEST(OAuth2Errors, AnAnswerWithoutAccessTokenIsARemoteError) {
  const Error e = token_error(HttpTestReply::json(200, R"({"token_type":"Bearer"})"));
  EXPECT_EQ(e.kind(), Error::Kind::remote);
  EXPECT_TRUE(contains(e.what(), "access_token")) << e.what();
}

TEST(OAuth2Errors, ARedirectIsNotFollowedAndPointsAtTheUrl) {
  HttpTestReply redirect = HttpTestReply::text(302, "");
  redirect.headers.emplace_back("Location", "https://evil.example/steal");
  const Error e = token_error(redirect);
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(e.what(), "HTTP 302 (a redirect; redirects are not followed) — check token_url")) << e.what();
}

TEST(OAuth2Errors, EveryWaiterOfAFailedFetchGetsTheError) {
  HttpTestServer server([](const HttpTestRequest&) {
    auto reply = HttpTestReply::json(400, R"({"error":"invalid_client","error_description":"nope"})");
    reply.delay = 20ms;
    return reply;
  });
  FixedClock clock(kNow);
  Client client(test_settings());
  OAuth2Auth auth(client_credentials(server.url() + "/t"), client, clock);
  std::atomic<int> config_errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      try {
        auth.token();
      } catch (const Error& e) {
        config_errors += e.kind() == Error::Kind::config;
      }
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(config_errors.load(), 4);
  EXPECT_LE(server.request_count(), 4u);
}

TEST(OAuth2Settings, AnUnknownGrantSuggestsTheRightOne) {
  Client client(test_settings());
  FixedClock clock(kNow);
  OAuth2Settings s = client_credentials("https://login.salesforce.com/services/oauth2/token");
  s.grant = "jwt_barer";
  const Error e = expect_error([&] { OAuth2Auth(s, client, clock); });
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(e.what(), "did you mean 'jwt_bearer'")) << e.what();
}

TEST(OAuth2Settings, AMissingCredentialIsNamed) {
  Client client(test_settings());
  FixedClock clock(kNow);
  OAuth2Settings s = client_credentials("https://login.salesforce.com/services/oauth2/token");
  s.client_secret = Secret();
  EXPECT_TRUE(contains(expect_error([&] { OAuth2Auth(s, client, clock); }).what(), "client_secret"));
  OAuth2Settings j = jwt_settings("https://login.salesforce.com/services/oauth2/token", "pem");
  j.user.clear();
  EXPECT_TRUE(contains(expect_error([&] { OAuth2Auth(j, client, clock); }).what(), "user"));
  OAuth2Settings bad_key = jwt_settings("https://login.salesforce.com/services/oauth2/token", "not a key");
  const Error key_error = expect_error([&] { OAuth2Auth(bad_key, client, clock); });
  EXPECT_EQ(key_error.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(key_error.what(), "private_key")) << key_error.what();
  OAuth2Settings bad_url = client_credentials("login.salesforce.com/services/oauth2/token");
  EXPECT_EQ(expect_error([&] { OAuth2Auth(bad_url, client, clock); }).kind(), Error::Kind::config);
}

}  // namespace
}  // namespace o2c::http::testing
