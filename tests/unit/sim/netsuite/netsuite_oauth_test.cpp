#include "sim/netsuite/netsuite_oauth.h"

#include <gtest/gtest.h>

#include "netsuite_test_data.h"

namespace o2c::sim::netsuite::test {
namespace {

constexpr long kStamp = 1716200000;
const std::string kSuiteQlUrl = "http://127.0.0.1:41234/services/rest/query/v1/suiteql";

struct Fixture {
  std::shared_ptr<FixedClock> clock = std::make_shared<FixedClock>(Timestamp(std::chrono::seconds(kStamp)));
  NetSuiteApi api{NetSuiteOptions{}, make_business_catalog(), clock};
  Client client{api};
  Fixture() { client.clock_seconds = kStamp; }

  SimRequest request(const Credentials& c, long stamp, const std::string& nonce, bool reverse = false) {
    SimRequest r = client.request("SELECT cur.symbol FROM currency cur", 1000, 0);
    for (auto& [k, v] : r.headers)
      if (k == "authorization")
        v = sign(c, "POST", kSuiteQlUrl, {{"limit", "1000"}, {"offset", "0"}}, nonce, stamp, reverse);
    return r;
  }
};

TEST(NetSuiteOAuth, PercentEncodingKeepsOnlyUnreservedCharacters) {
  EXPECT_EQ(oauth_percent_encode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(oauth_percent_encode("a b+c/=&%"), "a%20b%2Bc%2F%3D%26%25");
  EXPECT_EQ(oauth_percent_encode("é"), "%C3%A9");
}

TEST(NetSuiteOAuth, HeaderParametersAreParsedInAnyOrderAndDecoded) {
  const auto p = parse_oauth_header(
      R"(OAuth oauth_signature="ab%2Bc%3D", realm="1234567_SB1",oauth_nonce="n%20x"  ,  oauth_version="1.0")");
  ASSERT_TRUE(p);
  ASSERT_EQ(p->size(), 4u);
  EXPECT_EQ((*p)[0], (std::pair<std::string, std::string>{"oauth_signature", "ab+c="}));
  EXPECT_EQ((*p)[1].second, "1234567_SB1");
  EXPECT_EQ((*p)[2].second, "n x");
}

TEST(NetSuiteOAuth, MalformedHeadersAreRefused) {
  EXPECT_FALSE(parse_oauth_header(R"(Bearer abc)"));
  EXPECT_FALSE(parse_oauth_header(R"(OAuth realm=1234567_SB1)"));                       // unquoted
  EXPECT_FALSE(parse_oauth_header(R"(OAuth oauth_nonce="a", oauth_nonce="b")"));        // repeated
  EXPECT_FALSE(parse_oauth_header(R"(OAuth oauth_nonce="a" oauth_token="b")"));         // no comma
  EXPECT_FALSE(parse_oauth_header(R"(OAuth oauth_nonce="a)"));                          // unterminated
  EXPECT_TRUE(parse_oauth_header(R"(oauth oauth_nonce="a")"));                          // scheme case-insensitive
}

// RFC 5849 §3.4.1.1, the worked example (its signature is HMAC-SHA1; the base
// string does not depend on the method).
TEST(NetSuiteOAuth, BaseStringMatchesTheRfc5849Example) {
  SimRequest r;
  r.method = "POST";
  r.target = "/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b";
  r.host = "example.com";
  r.headers = {{"content-type", "application/x-www-form-urlencoded"}};
  r.body = "c2&a3=2+q";
  const Params oauth = {{"realm", "Example"},
                        {"oauth_consumer_key", "9djdj82h48djs9d2"},
                        {"oauth_token", "kkk9d7dh3k39sjv7"},
                        {"oauth_signature_method", "HMAC-SHA1"},
                        {"oauth_timestamp", "137131201"},
                        {"oauth_nonce", "7d8f3e4a"},
                        {"oauth_signature", "bYT5CMsGcbgUdFHObYMEfcx6bsw="}};
  EXPECT_EQ(request_base_string(r, oauth),
            "POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%"
            "3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%"
            "3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7");
}

// Base string written out by hand from RFC 5849 §3.4.1; signatures computed
// outside this code base (Python hmac/hashlib/base64).
TEST(NetSuiteOAuth, FixedVectorMatchesHandComputedSignature) {
  const std::string base =
      "POST&http%3A%2F%2F127.0.0.1%3A41234%2Fservices%2Frest%2Fquery%2Fv1%2Fsuiteql&limit%3D1000%26oauth_consumer_"
      "key%3Do2c-demo-ck%26oauth_nonce%3Da8Fh2kLq9Zx%26oauth_signature_method%3DHMAC-SHA256%26oauth_timestamp%"
      "3D1716200000%26oauth_token%3Do2c-demo-tid%26oauth_version%3D1.0%26offset%3D0";
  SimRequest r;
  r.method = "post";
  r.target = "/services/rest/query/v1/suiteql?limit=1000&offset=0";
  r.host = "127.0.0.1:41234";
  const Params oauth = {{"realm", "1234567_SB1"},          {"oauth_consumer_key", "o2c-demo-ck"},
                        {"oauth_token", "o2c-demo-tid"},   {"oauth_signature_method", "HMAC-SHA256"},
                        {"oauth_timestamp", "1716200000"}, {"oauth_nonce", "a8Fh2kLq9Zx"},
                        {"oauth_version", "1.0"},          {"oauth_signature", "ignored"}};
  EXPECT_EQ(request_base_string(r, oauth), base);
  EXPECT_EQ(hmac_sha256_base64("o2c-demo-cs&o2c-demo-ts", base), "3yQKL1KfG7mgyRHG2H/b5xNu6HbK4XLDxu8zBBUdihE=");

  // The same request with secrets that need encoding in the signing key.
  NetSuiteOptions options;
  options.consumer_secret = "c+s/e=";
  options.token_secret = "t s&";
  const auto clock = std::make_shared<FixedClock>(Timestamp(std::chrono::seconds(kStamp)));
  NetSuiteApi api(options, make_business_catalog(), clock);
  r.method = "POST";
  r.headers = {{"authorization",
                R"(OAuth realm="1234567_SB1", oauth_consumer_key="o2c-demo-ck", oauth_token="o2c-demo-tid", )"
                R"(oauth_signature_method="HMAC-SHA256", oauth_timestamp="1716200000", oauth_nonce="a8Fh2kLq9Zx", )"
                R"(oauth_version="1.0", oauth_signature="FIzbM1jmWUpSXMEIOLtdLxGykRXmEbYIc3ZgL0ET3jY%3D")"},
               {"prefer", "transient"}};
  r.body = R"({"q":"SELECT cur.symbol AS s FROM currency cur WHERE cur.id = 2"})";
  const SimReply reply = api.handle(r);
  ASSERT_EQ(reply.status, 200) << reply.body;
  EXPECT_EQ(items_of(boost::json::parse(reply.body)).at(0).at("s"), "GBP");
}

TEST(NetSuiteOAuth, SignedRequestIsAcceptedWhateverTheParameterOrder) {
  Fixture f;
  EXPECT_EQ(f.api.handle(f.request(Credentials{}, kStamp, "n1")).status, 200);
  EXPECT_EQ(f.api.handle(f.request(Credentials{}, kStamp, "n2", true)).status, 200);
}

TEST(NetSuiteOAuth, HostIsComparedInLowerCase) {
  Fixture f;
  SimRequest r = f.request(Credentials{}, kStamp, "n1");
  r.host = "LOCALHOST:41234";
  for (auto& [k, v] : r.headers)
    if (k == "authorization")
      v = sign(Credentials{}, "POST", "http://localhost:41234/services/rest/query/v1/suiteql",
               {{"limit", "1000"}, {"offset", "0"}}, "n1", kStamp);
  EXPECT_EQ(f.api.handle(r).status, 200);
}

void expect_invalid_login(const SimReply& reply) {
  EXPECT_EQ(reply.status, 401);
  EXPECT_EQ(error_code_of(reply), "INVALID_LOGIN");
  EXPECT_NE(detail_of(reply).find("Invalid login attempt"), std::string::npos);
}

TEST(NetSuiteOAuth, WrongSecretsAreRejected) {
  Fixture f;
  Credentials c;
  c.consumer_secret = "wrong";
  expect_invalid_login(f.api.handle(f.request(c, kStamp, "n1")));
  c = Credentials{};
  c.token_secret = "wrong";
  expect_invalid_login(f.api.handle(f.request(c, kStamp, "n2")));
}

TEST(NetSuiteOAuth, RealmMustBeTheAccountIdExactlyAsWritten) {
  Fixture f;
  for (const char* realm : {"1234567_sb1", "1234567-sb1", "1234567-SB1", "", "1234567_SB1 "}) {
    Credentials c;
    c.realm = realm;
    expect_invalid_login(f.api.handle(f.request(c, kStamp, std::string("n-") + realm)));
  }
}

TEST(NetSuiteOAuth, TimestampOutsideTheSkewWindowIsRejected) {
  Fixture f;
  expect_invalid_login(f.api.handle(f.request(Credentials{}, kStamp - 301, "n1")));
  expect_invalid_login(f.api.handle(f.request(Credentials{}, kStamp + 301, "n2")));
  EXPECT_EQ(f.api.handle(f.request(Credentials{}, kStamp - 300, "n3")).status, 200);
  EXPECT_EQ(f.api.handle(f.request(Credentials{}, kStamp + 300, "n4")).status, 200);
}

TEST(NetSuiteOAuth, NonceReusedWithinTheWindowIsRejected) {
  Fixture f;
  EXPECT_EQ(f.api.handle(f.request(Credentials{}, kStamp, "same")).status, 200);
  f.clock->set(Timestamp(std::chrono::seconds(kStamp + 200)));
  expect_invalid_login(f.api.handle(f.request(Credentials{}, kStamp + 200, "same")));
  // Long after the window the nonce may come back (with a fresh timestamp).
  f.clock->set(Timestamp(std::chrono::seconds(kStamp + 3600)));
  EXPECT_EQ(f.api.handle(f.request(Credentials{}, kStamp + 3600, "same")).status, 200);
}

TEST(NetSuiteOAuth, FailedSignatureDoesNotBurnTheNonce) {
  Fixture f;
  Credentials bad;
  bad.token_secret = "wrong";
  expect_invalid_login(f.api.handle(f.request(bad, kStamp, "once")));
  EXPECT_EQ(f.api.handle(f.request(Credentials{}, kStamp, "once")).status, 200);
}

TEST(NetSuiteOAuth, OnlyHmacSha256IsAccepted) {
  Fixture f;
  Credentials c;
  c.method = "HMAC-SHA1";
  expect_invalid_login(f.api.handle(f.request(c, kStamp, "n1")));
  c.method = "PLAINTEXT";
  expect_invalid_login(f.api.handle(f.request(c, kStamp, "n2")));
}

TEST(NetSuiteOAuth, UnknownConsumerKeyOrTokenIsRejected) {
  Fixture f;
  Credentials c;
  c.consumer_key = "other-ck";
  expect_invalid_login(f.api.handle(f.request(c, kStamp, "n1")));
  c = Credentials{};
  c.token = "other-tid";
  expect_invalid_login(f.api.handle(f.request(c, kStamp, "n2")));
}

TEST(NetSuiteOAuth, QueryParametersAreSigned) {
  Fixture f;
  SimRequest r = f.request(Credentials{}, kStamp, "n1");
  r.target = "/services/rest/query/v1/suiteql?limit=1000&offset=1000";  // signed for offset=0
  expect_invalid_login(f.api.handle(r));
  r = f.request(Credentials{}, kStamp, "n2");
  r.headers.erase(std::remove_if(r.headers.begin(), r.headers.end(),
                                 [](const auto& h) { return h.first == "authorization"; }),
                  r.headers.end());
  expect_invalid_login(f.api.handle(r));
}

TEST(NetSuiteOAuth, EveryRejectionLooksTheSame) {
  Fixture f;
  Credentials wrong_secret, wrong_realm;
  wrong_secret.consumer_secret = "x";
  wrong_realm.realm = "1234567-sb1";
  const SimReply a = f.api.handle(f.request(wrong_secret, kStamp, "n1"));
  const SimReply b = f.api.handle(f.request(wrong_realm, kStamp, "n2"));
  const SimReply c = f.api.handle(f.request(Credentials{}, kStamp - 1000, "n3"));
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(a.body, b.body);
  EXPECT_EQ(a.body, c.body);
  EXPECT_EQ(a.headers, c.headers);
}

}  // namespace
}  // namespace o2c::sim::netsuite::test
