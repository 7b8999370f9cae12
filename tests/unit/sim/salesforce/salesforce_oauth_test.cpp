#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <chrono>
#include <memory>

#include "core/error.h"
#include "sf_test_support.h"

namespace o2c::sim::salesforce::testing {
namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;

Key generate_rsa_key() { return Key(EVP_RSA_gen(2048), EVP_PKEY_free); }

std::string public_pem(EVP_PKEY* key) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
  EXPECT_EQ(PEM_write_bio_PUBKEY(bio.get(), key), 1);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(n));
}

std::string base64url(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(bytes.data()), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  while (!out.empty() && out.back() == '=') out.pop_back();
  for (char& c : out) c = c == '+' ? '-' : c == '/' ? '_' : c;
  return out;
}

std::string rs256(EVP_PKEY* key, std::string_view data) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  EXPECT_EQ(EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key), 1);
  std::size_t size = 0;
  EXPECT_EQ(EVP_DigestSign(ctx.get(), nullptr, &size, reinterpret_cast<const unsigned char*>(data.data()), data.size()),
            1);
  std::string sig(size, '\0');
  EXPECT_EQ(EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &size,
                           reinterpret_cast<const unsigned char*>(data.data()), data.size()),
            1);
  sig.resize(size);
  return sig;
}

std::string make_jwt(EVP_PKEY* key, const std::string& claims, const std::string& header = R"({"alg":"RS256"})") {
  const std::string signing_input = base64url(header) + "." + base64url(claims);
  return signing_input + "." + base64url(rs256(key, signing_input));
}

constexpr std::string_view kLogin = "http://127.0.0.1:41234";

class SalesforceOAuth : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { key_ = generate_rsa_key(); }  // once per process, only where these tests run
  void SetUp() override {
    options_.instance_url = std::string(kLogin);
    options_.jwt_public_key_pem = public_pem(key_.get());
    options_.jwt_audience = "https://login.salesforce.com";
    options_.refresh_token = "5Aep861-refresh";
    options_.session_seconds = 600;
    catalog_->add(std::make_shared<VectorTable>("Account",
                                                std::vector<SimColumn>{{"Id", SimType::id, "", "Account ID"}},
                                                std::vector<std::vector<SimValue>>{}));
    api_ = std::make_unique<SalesforceApi>(options_, catalog_, clock_);
  }

  std::int64_t now_seconds() const {
    return std::chrono::duration_cast<std::chrono::seconds>(clock_->now().time_since_epoch()).count();
  }
  std::string claims(std::string_view aud, std::int64_t exp, std::string_view sub = "integration@acme.example",
                     std::string_view iss = "o2c-demo-client") const {
    return fmt::format(R"({{"iss":"{}","sub":"{}","aud":{},"exp":{}}})", iss, sub, aud, exp);
  }
  SimReply jwt_grant(const std::string& assertion) {
    return api_->handle(
        post_form("/services/oauth2/token",
                  "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=" + assertion));
  }
  static std::string oauth_error_of(const SimReply& r) {
    return std::string(body_json(r).as_object().at("error").as_string());
  }
  int limits_status(const std::string& token) { return api_->handle(get("/services/data/v59.0/limits", token)).status; }

  static inline Key key_{nullptr, EVP_PKEY_free};
  SalesforceOptions options_;
  std::shared_ptr<TestCatalog> catalog_ = std::make_shared<TestCatalog>();
  std::shared_ptr<FixedClock> clock_ = std::make_shared<FixedClock>(at("2026-11-24T12:00:00Z"));
  std::unique_ptr<SalesforceApi> api_;
};

TEST_F(SalesforceOAuth, ClientCredentialsIssueATokenShapedLikeSalesforces) {
  const SimReply r =
      api_->handle(post_form("/services/oauth2/token",
                             "grant_type=client_credentials&client_id=o2c-demo-client&client_secret=o2c-demo-secret"));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(header(r, "Content-Type"), "application/json;charset=UTF-8");
  const json::object body = body_json(r).as_object();
  EXPECT_EQ(body.size(), 6u) << r.body;  // access_token instance_url id token_type issued_at signature; no expires_in
  EXPECT_FALSE(body.contains("expires_in"));
  EXPECT_EQ(body.at("instance_url").as_string(), kLogin);
  EXPECT_EQ(body.at("token_type").as_string(), "Bearer");
  EXPECT_EQ(body.at("issued_at").as_string(), std::to_string(clock_->now().time_since_epoch().count()));
  const std::string id(body.at("id").as_string());
  EXPECT_TRUE(id.starts_with(std::string(kLogin) + "/id/00D"));
  // signature = base64(HMAC-SHA256(client_secret, id + issued_at))
  const std::string signed_text = id + std::string(body.at("issued_at").as_string());
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_size = 0;
  HMAC(EVP_sha256(), "o2c-demo-secret", 15, reinterpret_cast<const unsigned char*>(signed_text.data()),
       signed_text.size(), mac, &mac_size);
  std::string expected(4 * ((mac_size + 2) / 3), '\0');
  EVP_EncodeBlock(reinterpret_cast<unsigned char*>(expected.data()), mac, static_cast<int>(mac_size));
  EXPECT_EQ(body.at("signature").as_string(), expected);
  const std::string token(body.at("access_token").as_string());
  EXPECT_GE(token.size(), 40u);
  EXPECT_EQ(limits_status(token), 200);
  EXPECT_NE(token, token_for(*api_));  // random, not reused
}

TEST_F(SalesforceOAuth, ClientCredentialsAcceptHttpBasic) {
  SimRequest r = post_form("/services/oauth2/token", "grant_type=client_credentials");
  r.headers.emplace_back("authorization",
                         "Basic bzJjLWRlbW8tY2xpZW50Om8yYy1kZW1vLXNlY3JldA==");  // o2c-demo-client:o2c-demo-secret
  const SimReply reply = api_->handle(r);
  EXPECT_EQ(reply.status, 200) << reply.body;
}

TEST_F(SalesforceOAuth, WrongClientSecretIsInvalidClient) {
  const SimReply r = api_->handle(post_form(
      "/services/oauth2/token", "grant_type=client_credentials&client_id=o2c-demo-client&client_secret=nope"));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(body_json(r).as_object().at("error").as_string(), "invalid_client");
  EXPECT_EQ(body_json(r).as_object().at("error_description").as_string(), "invalid client credentials");
  EXPECT_EQ(r.body.find("nope"), std::string::npos);
}

TEST_F(SalesforceOAuth, UnknownOrMissingGrantTypeAndGetAreRejected) {
  EXPECT_EQ(oauth_error_of(api_->handle(post_form("/services/oauth2/token", "grant_type=password"))),
            "unsupported_grant_type");
  EXPECT_EQ(oauth_error_of(api_->handle(post_form("/services/oauth2/token", ""))), "unsupported_grant_type");
  SimRequest g = post_form("/services/oauth2/token", "");
  g.method = "GET";
  const SimReply r = api_->handle(g);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(oauth_error_of(r), "invalid_request");
}

TEST_F(SalesforceOAuth, JwtBearerWithAValidAssertionIssuesAToken) {
  const SimReply r = jwt_grant(make_jwt(key_.get(), claims(fmt::format("\"{}\"", kLogin), now_seconds() + 120)));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(limits_status(std::string(body_json(r).as_object().at("access_token").as_string())), 200);
  // The configured audience and an aud array work too.
  EXPECT_EQ(jwt_grant(make_jwt(key_.get(), claims("\"https://login.salesforce.com\"", now_seconds() + 60))).status,
            200);
  EXPECT_EQ(
      jwt_grant(make_jwt(key_.get(), claims(R"(["x","https://login.salesforce.com"])", now_seconds() + 60))).status,
      200);
}

TEST_F(SalesforceOAuth, JwtSignedWithAnotherKeyIsRejected) {
  const Key other = generate_rsa_key();
  const SimReply r = jwt_grant(make_jwt(other.get(), claims(fmt::format("\"{}\"", kLogin), now_seconds() + 60)));
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(oauth_error_of(r), "invalid_grant");
  EXPECT_NE(r.body.find("signature"), std::string::npos);
}

TEST_F(SalesforceOAuth, JwtWithTamperedClaimsIsRejected) {
  const std::string good = make_jwt(key_.get(), claims(fmt::format("\"{}\"", kLogin), now_seconds() + 60));
  const auto dot1 = good.find('.'), dot2 = good.rfind('.');
  const std::string forged_claims =
      base64url(claims(fmt::format("\"{}\"", kLogin), now_seconds() + 60, "admin@acme.example"));
  const std::string forged = good.substr(0, dot1 + 1) + forged_claims + good.substr(dot2);
  EXPECT_EQ(oauth_error_of(jwt_grant(forged)), "invalid_grant");
}

TEST_F(SalesforceOAuth, JwtClaimsAreChecked) {
  const std::string aud = fmt::format("\"{}\"", kLogin);
  const auto description = [](const SimReply& r) {
    return std::string(body_json(r).as_object().at("error_description").as_string());
  };
  const SimReply wrong_aud = jwt_grant(make_jwt(key_.get(), claims("\"https://evil.example\"", now_seconds() + 60)));
  EXPECT_EQ(oauth_error_of(wrong_aud), "invalid_grant");
  EXPECT_EQ(description(wrong_aud), "audience is invalid");
  const SimReply expired = jwt_grant(make_jwt(key_.get(), claims(aud, now_seconds() - 1)));
  EXPECT_EQ(oauth_error_of(expired), "invalid_grant");
  EXPECT_NE(description(expired).find("expired"), std::string::npos);
  EXPECT_EQ(oauth_error_of(jwt_grant(make_jwt(key_.get(), claims(aud, now_seconds() + 3600)))), "invalid_grant");
  const SimReply unknown_user =
      jwt_grant(make_jwt(key_.get(), claims(aud, now_seconds() + 60, "someone@else.example")));
  EXPECT_EQ(oauth_error_of(unknown_user), "invalid_grant");
  EXPECT_EQ(
      oauth_error_of(jwt_grant(make_jwt(key_.get(), claims(aud, now_seconds() + 60, "integration@acme.example", "x")))),
      "invalid_client_id");
  EXPECT_EQ(oauth_error_of(jwt_grant(make_jwt(key_.get(), R"({"iss":"o2c-demo-client"})"))), "invalid_grant");
}

TEST_F(SalesforceOAuth, JwtWithAnotherAlgorithmOrGarbageIsRejected) {
  const std::string c = claims(fmt::format("\"{}\"", kLogin), now_seconds() + 60);
  EXPECT_EQ(oauth_error_of(jwt_grant(make_jwt(key_.get(), c, R"({"alg":"HS256"})"))), "invalid_grant");
  EXPECT_EQ(oauth_error_of(jwt_grant(base64url(R"({"alg":"none"})") + "." + base64url(c) + ".")), "invalid_grant");
  EXPECT_EQ(oauth_error_of(jwt_grant("not-a-jwt")), "invalid_grant");
  EXPECT_EQ(oauth_error_of(jwt_grant("a.b.c.d")), "invalid_grant");
}

TEST_F(SalesforceOAuth, JwtGrantIsUnsupportedWithoutAConfiguredKey) {
  SalesforceOptions plain;
  SalesforceApi api(plain, catalog_, clock_);
  const SimReply r = api.handle(post_form(
      "/services/oauth2/token", "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=x"));
  EXPECT_EQ(oauth_error_of(r), "unsupported_grant_type");
}

TEST_F(SalesforceOAuth, AnUnreadableKeyIsAConfigError) {
  SalesforceOptions bad;
  bad.jwt_public_key_pem = "-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----\n";
  try {
    SalesforceApi api(bad, catalog_, clock_);
    FAIL() << "accepted an unreadable key";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
  }
}

TEST_F(SalesforceOAuth, RefreshTokenGrantWhenConfigured) {
  const std::string base = "grant_type=refresh_token&client_id=o2c-demo-client&client_secret=o2c-demo-secret";
  EXPECT_EQ(api_->handle(post_form("/services/oauth2/token", base + "&refresh_token=5Aep861-refresh")).status, 200);
  EXPECT_EQ(oauth_error_of(api_->handle(post_form("/services/oauth2/token", base + "&refresh_token=other"))),
            "invalid_grant");
}

TEST_F(SalesforceOAuth, TokensExpireAfterTheSessionLifetime) {
  const std::string token = token_for(*api_);
  clock_->set(clock_->now() + std::chrono::seconds(599));
  EXPECT_EQ(limits_status(token), 200);
  clock_->set(clock_->now() + std::chrono::seconds(1));
  const SimReply r = api_->handle(get("/services/data/v59.0/limits", token));
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(error_code(r), "INVALID_SESSION_ID");
  EXPECT_EQ(error_message(r), "Session expired or invalid");
}

TEST_F(SalesforceOAuth, ExpireSessionsInvalidatesEveryIssuedToken) {
  const std::string a = token_for(*api_), b = token_for(*api_);
  api_->expire_sessions();
  for (const auto& t : {a, b}) {
    const SimReply r = api_->handle(get("/services/data/v59.0/limits", t));
    EXPECT_EQ(r.status, 401);
    EXPECT_EQ(error_code(r), "INVALID_SESSION_ID");
    EXPECT_FALSE(header(r, "Sforce-Limit-Info").empty());
  }
  EXPECT_EQ(limits_status(token_for(*api_)), 200);
}

TEST_F(SalesforceOAuth, MissingOrUnknownBearerIs401) {
  EXPECT_EQ(error_code(api_->handle(get("/services/data/v59.0/limits", ""))), "INVALID_SESSION_ID");
  EXPECT_EQ(error_code(api_->handle(get("/services/data/v59.0/limits", "00Dforged!token"))), "INVALID_SESSION_ID");
  EXPECT_EQ(api_->api_calls(), 0);  // rejected calls do not count toward the daily limit
}

}  // namespace
}  // namespace o2c::sim::salesforce::testing
