// OAuth1Auth (RFC 5849, HMAC-SHA256, NetSuite TBA): base string, signature
// (recomputed here with OpenSSL directly), header shape, fresh nonces.
#include <atomic>
#include <regex>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "connectors/http/auth.h"
#include "tests/unit/connectors/http/http_client_test_support.h"

namespace o2c::http::testing {
namespace {

const Timestamp kNow{std::chrono::seconds{1'716'200'000}};

OAuth1Settings settings(std::string consumer_secret = "cs", std::string token_secret = "ts") {
  OAuth1Settings s;
  s.realm = "1234567_SB1";
  s.consumer_key = Secret("ck");
  s.consumer_secret = Secret(std::move(consumer_secret));
  s.token_id = Secret("tk");
  s.token_secret = Secret(std::move(token_secret));
  return s;
}

Request suiteql(const std::string& base = "https://1234567-sb1.suitetalk.api.netsuite.com") {
  Request r;
  r.method = "POST";
  r.url = base + "/services/rest/query/v1/suiteql?limit=1000&offset=0";
  r.headers = {{"Content-Type", "application/json"}, {"Prefer", "transient"}};
  r.body = R"({"q":"SELECT id FROM transaction"})";
  return r;
}

// Independent of the code under test: HMAC-SHA256, base64, then the three
// characters base64 uses that RFC 3986 does not leave alone.
std::string expected_signature(const std::string& key, const std::string& base_string) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(base_string.data()),
       base_string.size(), digest, &n);
  std::string b64(4 * ((n + 2) / 3) + 1, '\0');
  b64.resize(static_cast<std::size_t>(EVP_EncodeBlock(reinterpret_cast<unsigned char*>(b64.data()), digest, static_cast<int>(n))));
  std::string encoded;
  for (char c : b64) encoded += c == '+' ? "%2B" : c == '/' ? "%2F" : c == '=' ? "%3D" : std::string(1, c);
  return encoded;
}

// "OAuth a="1", b="2"" → {{"a","1"},{"b","2"}} in order.
std::vector<std::pair<std::string, std::string>> header_params(const std::string& header) {
  EXPECT_TRUE(header.starts_with("OAuth ")) << header;
  std::vector<std::pair<std::string, std::string>> out;
  const std::regex param(R"re(([a-z_]+)="([^"]*)"(, |$))re");
  for (auto it = std::sregex_iterator(header.begin() + 6, header.end(), param); it != std::sregex_iterator(); ++it)
    out.emplace_back((*it)[1], (*it)[2]);
  return out;
}

std::string param(const std::vector<std::pair<std::string, std::string>>& params, const std::string& name) {
  for (const auto& [k, v] : params)
    if (k == name) return v;
  return "<absent>";
}

TEST(OAuth1BaseString, MatchesTheWorkedExampleOfTheApiContract) {
  FixedClock clock(kNow);
  OAuth1Auth auth(settings(), clock);
  const std::string expected =
      "POST&https%3A%2F%2F1234567-sb1.suitetalk.api.netsuite.com%2Fservices%2Frest%2Fquery%2Fv1%2Fsuiteql"
      "&limit%3D1000%26oauth_consumer_key%3Dck%26oauth_nonce%3Da8Fh2kLq9Zx%26oauth_signature_method%3DHMAC-SHA256"
      "%26oauth_timestamp%3D1716200000%26oauth_token%3Dtk%26oauth_version%3D1.0%26offset%3D0";
  EXPECT_EQ(auth.base_string(suiteql(), "a8Fh2kLq9Zx", 1716200000), expected);
}

TEST(OAuth1BaseString, HostIsLowerCasedAndOnlyANonDefaultPortKept) {
  FixedClock clock(kNow);
  OAuth1Auth auth(settings(), clock);
  EXPECT_TRUE(auth.base_string(suiteql("HTTPS://1234567-SB1.SuiteTalk.Api.NetSuite.com:443"), "n", 1)
                  .starts_with("POST&https%3A%2F%2F1234567-sb1.suitetalk.api.netsuite.com%2Fservices%2F"));
  EXPECT_TRUE(auth.base_string(suiteql("http://127.0.0.1:8080"), "n", 1)
                  .starts_with("POST&http%3A%2F%2F127.0.0.1%3A8080%2Fservices%2Frest%2F"));
}

TEST(OAuth1BaseString, QueryParametersAreSignedButAJsonBodyIsNot) {
  FixedClock clock(kNow);
  OAuth1Auth auth(settings(), clock);
  Request a = suiteql();
  Request b = suiteql();
  b.body = R"({"q":"SELECT something else"})";
  EXPECT_EQ(auth.base_string(a, "n", 1), auth.base_string(b, "n", 1));
  Request c = suiteql();
  c.url = "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql?limit=1000&offset=1000";
  EXPECT_NE(auth.base_string(a, "n", 1), auth.base_string(c, "n", 1));
  EXPECT_TRUE(contains(auth.base_string(c, "n", 1), "%26offset%3D1000"));
}

TEST(OAuth1BaseString, AFormEncodedBodyIsSigned) {
  FixedClock clock(kNow);
  OAuth1Auth auth(settings(), clock);
  Request r;
  r.method = "post";
  r.url = "https://h.example/p";
  r.headers = {{"content-type", "application/x-www-form-urlencoded; charset=utf-8"}};
  r.body = "z=last+one&a=%2Bplus";
  const std::string base = auth.base_string(r, "n", 1);
  EXPECT_TRUE(base.starts_with("POST&https%3A%2F%2Fh.example%2Fp&a%3D%252Bplus%26oauth_consumer_key")) << base;
  EXPECT_TRUE(base.ends_with("oauth_version%3D1.0%26z%3Dlast%2520one")) << base;
}

TEST(OAuth1BaseString, ParametersAreEncodedThenSortedByNameThenValue) {
  FixedClock clock(kNow);
  OAuth1Auth auth(settings(), clock);
  Request r;
  r.url = "https://h.example/p?b=2&a=1&a=0&c=x%20y&q=it%27s+here";
  const std::string base = auth.base_string(r, "n", 1);
  EXPECT_TRUE(base.starts_with("GET&https%3A%2F%2Fh.example%2Fp&a%3D0%26a%3D1%26b%3D2%26c%3Dx%2520y%26oauth_")) << base;
  EXPECT_TRUE(base.ends_with("oauth_version%3D1.0%26q%3Dit%2527s%2520here")) << base;
}

TEST(OAuth1Header, RealmRawAndFirstThenTheOAuthParametersWithTheHmacSha256Signature) {
  FixedClock clock(kNow);
  OAuth1Auth auth(settings("c s+1", "t/s"), clock);
  const Request r = suiteql();
  const std::string header = auth.header(r, "a8Fh2kLq9Zx", 1716200000);
  EXPECT_TRUE(header.starts_with(R"(OAuth realm="1234567_SB1", oauth_consumer_key="ck", oauth_token="tk", )"
                                 R"(oauth_signature_method="HMAC-SHA256", oauth_timestamp="1716200000", )"
                                 R"(oauth_nonce="a8Fh2kLq9Zx", oauth_version="1.0", oauth_signature=")"))
      << header;
  const auto params = header_params(header);
  ASSERT_EQ(params.size(), 8u) << header;
  EXPECT_EQ(params.back().first, "oauth_signature");
  // Key = pct(consumer_secret) & pct(token_secret).
  EXPECT_EQ(params.back().second, expected_signature("c%20s%2B1&t%2Fs", auth.base_string(r, "a8Fh2kLq9Zx", 1716200000)));
  EXPECT_FALSE(contains(header, "c s+1"));
  EXPECT_FALSE(contains(header, "t/s"));
}

TEST(OAuth1Apply, EachAttemptIsSignedWithAFreshNonceAndTheClockTimestamp) {
  std::atomic<int> calls{0};
  HttpTestServer server([&](const HttpTestRequest&) {
    return calls++ == 0 ? HttpTestReply::json(429, R"({"o:errorDetails":[{"o:errorCode":"CONCURRENCY_LIMIT_EXCEEDED"}]})")
                        : HttpTestReply::json(200, R"({"items":[]})");
  });
  FixedClock clock(kNow);
  ManualClientClock client_clock;
  Client client(test_settings("erp"), client_clock);
  OAuth1Auth auth(settings(), clock);
  EXPECT_EQ(client.send(suiteql(server.url()), &auth).status, 200);

  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  std::vector<std::string> nonces;
  for (const auto& recorded : requests) {
    const auto params = header_params(recorded.header("authorization"));
    const std::string nonce = param(params, "oauth_nonce");
    EXPECT_TRUE(std::regex_match(nonce, std::regex("[A-Za-z0-9]{20,}"))) << nonce;
    EXPECT_EQ(param(params, "oauth_timestamp"), "1716200000");
    nonces.push_back(nonce);
    // What a server recomputes from the request it got.
    const std::string base = "POST&" + std::string("http%3A%2F%2F127.0.0.1%3A") + std::to_string(server.port()) +
                             "%2Fservices%2Frest%2Fquery%2Fv1%2Fsuiteql&limit%3D1000%26oauth_consumer_key%3Dck"
                             "%26oauth_nonce%3D" + nonce +
                             "%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%3D1716200000"
                             "%26oauth_token%3Dtk%26oauth_version%3D1.0%26offset%3D0";
    EXPECT_EQ(param(params, "oauth_signature"), expected_signature("cs&ts", base));
  }
  EXPECT_NE(nonces[0], nonces[1]);
}

TEST(OAuth1Apply, TheInjectedNonceSourceIsUsed) {
  FixedClock clock(kNow);
  int n = 0;
  OAuth1Auth auth(settings(), clock, [&] { return "nonce" + std::to_string(++n); });
  Request r = suiteql();
  auth.apply(r);
  auth.apply(r);
  int authorization_headers = 0;
  for (const auto& h : r.headers) authorization_headers += h.name == "Authorization";
  EXPECT_EQ(authorization_headers, 1);
  EXPECT_EQ(r.headers.back().value, auth.header(suiteql(), "nonce2", 1716200000));
}

TEST(OAuth1Settings, BadSettingsAreConfigErrorsNamingTheSetting) {
  FixedClock clock(kNow);
  OAuth1Settings no_token_secret = settings();
  no_token_secret.token_secret = Secret();
  const Error e = expect_error([&] { OAuth1Auth(no_token_secret, clock); });
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(e.what(), "token_secret")) << e.what();
  OAuth1Settings quoted = settings();
  quoted.realm = R"(123"456)";
  EXPECT_EQ(expect_error([&] { OAuth1Auth(quoted, clock); }).kind(), Error::Kind::config);
  OAuth1Settings no_realm = settings();
  no_realm.realm.clear();
  EXPECT_TRUE(contains(expect_error([&] { OAuth1Auth(no_realm, clock); }).what(), "realm"));
}

}  // namespace
}  // namespace o2c::http::testing
