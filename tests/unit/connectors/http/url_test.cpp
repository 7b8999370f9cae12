#include "connectors/http/url.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace o2c::http {
namespace {

TEST(PercentEncode, KeepsUnreservedAndEncodesEverythingElseUpperCase) {
  EXPECT_EQ(percent_encode("AZaz09-._~"), "AZaz09-._~");
  EXPECT_EQ(percent_encode("a b"), "a%20b");
  EXPECT_EQ(percent_encode("1+1=2&x/y?z#"), "1%2B1%3D2%26x%2Fy%3Fz%23");
  EXPECT_EQ(percent_encode("*'()!"), "%2A%27%28%29%21");
  EXPECT_EQ(percent_encode("\xc3\xa9\xe2\x82\xac"), "%C3%A9%E2%82%AC");   // é€ as UTF-8 bytes
  EXPECT_EQ(percent_encode(std::string_view("\0\x7f", 2)), "%00%7F");
  EXPECT_EQ(percent_encode(""), "");
}

TEST(PercentEncode, DatetimeWithOffsetKeepsItsPlus) {
  // field-pitfalls #49: a '+' sent raw is read back as a space.
  EXPECT_EQ(percent_encode("2024-03-31T01:30:00.123+0100"), "2024-03-31T01%3A30%3A00.123%2B0100");
}

TEST(PercentDecode, RoundTripsAndKeepsPlus) {
  EXPECT_EQ(percent_decode("a%20b+c%2B%C3%A9"), "a b+c+\xc3\xa9");
  const std::string all = "x y+z/~%\xff";
  EXPECT_EQ(percent_decode(percent_encode(all)), all);
}

TEST(PercentDecode, MalformedEscapeIsAnError) {
  EXPECT_THROW(percent_decode("%zz"), Error);
  EXPECT_THROW(percent_decode("abc%4"), Error);
}

TEST(EncodeQuery, PairsInOrder) {
  EXPECT_EQ(encode_query({{"q", "SELECT Id FROM Order WHERE SystemModstamp >= 2024-01-01T00:00:00Z"}, {"b", ""}}),
            "q=SELECT%20Id%20FROM%20Order%20WHERE%20SystemModstamp%20%3E%3D%202024-01-01T00%3A00%3A00Z&b=");
  EXPECT_EQ(encode_query({}), "");
}

TEST(MakeUrl, JoinsBasePathAndQuery) {
  EXPECT_EQ(make_url("https://acme.my.salesforce.com/", "/services/data/v59.0/query", {{"q", "a b"}}),
            "https://acme.my.salesforce.com/services/data/v59.0/query?q=a%20b");
  EXPECT_EQ(make_url("http://127.0.0.1:8080/services/rest", "/query/v1/suiteql", {{"limit", "1000"}, {"offset", "0"}}),
            "http://127.0.0.1:8080/services/rest/query/v1/suiteql?limit=1000&offset=0");
  EXPECT_EQ(make_url("http://h", "/p?a=1", {{"b", "2"}}), "http://h/p?a=1&b=2");
  EXPECT_EQ(make_url("http://h", ""), "http://h");
}

TEST(MakeUrl, RefusesRelativePathAndBadBase) {
  EXPECT_THROW(make_url("http://h", "services"), Error);
  try {
    make_url("acme.my.salesforce.com", "/x");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_NE(std::string(e.what()).find("'acme.my.salesforce.com'"), std::string::npos) << e.what();
  }
}

TEST(SplitUrl, LowerCasesSchemeAndHostAndDropsDefaultPort) {
  const UrlParts p = split_url("HTTPS://1234567-SB1.SuiteTalk.API.NetSuite.com:443/services/rest/query/v1/suiteql?limit=1000&offset=0");
  EXPECT_EQ(p.scheme, "https");
  EXPECT_EQ(p.host, "1234567-sb1.suitetalk.api.netsuite.com");
  EXPECT_EQ(p.port, 0);
  EXPECT_EQ(p.effective_port(), 443);
  EXPECT_EQ(p.path, "/services/rest/query/v1/suiteql");
  EXPECT_EQ(p.query, (QueryParams{{"limit", "1000"}, {"offset", "0"}}));
  EXPECT_EQ(p.base_uri(), "https://1234567-sb1.suitetalk.api.netsuite.com/services/rest/query/v1/suiteql");
  EXPECT_EQ(p.host_port(), "1234567-sb1.suitetalk.api.netsuite.com:443");
}

TEST(SplitUrl, KeepsNonDefaultPortAndEncodedPath) {
  const UrlParts p = split_url("http://127.0.0.1:8443/a%20b/c");
  EXPECT_EQ(p.port, 8443);
  EXPECT_EQ(p.path, "/a%20b/c");
  EXPECT_EQ(p.base_uri(), "http://127.0.0.1:8443/a%20b/c");
  EXPECT_EQ(split_url("http://h").path, "/");
  EXPECT_EQ(split_url("https://h:80/").base_uri(), "https://h:80/");
}

TEST(SplitUrl, DecodesQueryAsFormEncoding) {
  const UrlParts p = split_url("http://h/p?q=a+b%2Bc&empty=&flag");
  EXPECT_EQ(p.query, (QueryParams{{"q", "a b+c"}, {"empty", ""}, {"flag", ""}}));
}

TEST(SplitUrl, Ipv6Host) {
  const UrlParts p = split_url("http://[::1]:9000/x");
  EXPECT_EQ(p.host, "[::1]");
  EXPECT_EQ(p.base_uri(), "http://[::1]:9000/x");
}

TEST(SplitUrl, ErrorsNameTheUrlAndNeverItsPassword) {
  for (const char* bad : {"not a url", "ftp://h/x", "/relative/path", "http://", "http://h:99999/", "http://h:/x"}) {
    try {
      split_url(bad);
      ADD_FAILURE() << "accepted " << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::config);
      EXPECT_NE(std::string(e.what()).find(std::string("'") + bad + "'"), std::string::npos) << e.what();
    }
  }
  try {
    split_url("https://admin:hunter22@h/x");
    FAIL() << "credentials in URL accepted";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()).find("hunter22"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("https://***@h/x"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace o2c::http
