#include <gtest/gtest.h>

#include "connectors/http/http.h"

namespace o2c::http {
namespace {

using std::chrono::milliseconds;

std::chrono::system_clock::time_point at(long long epoch_seconds) {
  return std::chrono::system_clock::time_point{std::chrono::seconds{epoch_seconds}};
}

constexpr long long kNow = 1'715'608'800;   // Mon, 13 May 2024 14:00:00 GMT

TEST(RetryAfter, DeltaSeconds) {
  EXPECT_EQ(parse_retry_after("120", at(kNow)), milliseconds{120'000});
  EXPECT_EQ(parse_retry_after(" 0 ", at(kNow)), milliseconds{0});
}

TEST(RetryAfter, HttpDateInTheFutureGivesTheRemainingWait) {
  EXPECT_EQ(parse_retry_after("Mon, 13 May 2024 14:01:30 GMT", at(kNow)), milliseconds{90'000});
  EXPECT_EQ(parse_retry_after("Monday, 13-May-24 14:00:05 GMT", at(kNow)), milliseconds{5'000});   // RFC 850
  EXPECT_EQ(parse_retry_after("Mon May 13 14:00:07 2024", at(kNow)), milliseconds{7'000});         // asctime
}

TEST(RetryAfter, HttpDateInThePastMeansNow) {
  EXPECT_EQ(parse_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", at(kNow)), milliseconds{0});
}

TEST(RetryAfter, GarbageIsIgnored) {
  for (const char* bad : {"", "soon", "-5", "1.5", "12abc", "Mon, 13 May 2024 14:01:30", "Mon, 32 May 2024 14:01:30 GMT",
                          "Mon, 13 May 2024 14:01:30 GMT trailing"})
    EXPECT_FALSE(parse_retry_after(bad, at(kNow)).has_value()) << bad;
}

TEST(RetryAfter, AbsurdDeltaSaturatesInsteadOfOverflowing) {
  const auto wait = parse_retry_after("99999999999999999999999", at(kNow));
  ASSERT_TRUE(wait.has_value());
  EXPECT_GT(*wait, milliseconds{0});
}

TEST(DefaultVerdict, ClassifiesByStatus) {
  const auto verdict = [](int status) { return default_verdict(Response{status, {}, {}, {}}); };
  EXPECT_EQ(verdict(200), Verdict::ok);
  EXPECT_EQ(verdict(204), Verdict::ok);
  EXPECT_EQ(verdict(302), Verdict::fail);
  EXPECT_EQ(verdict(400), Verdict::fail);
  EXPECT_EQ(verdict(401), Verdict::refresh_auth);
  EXPECT_EQ(verdict(403), Verdict::fail);
  EXPECT_EQ(verdict(404), Verdict::fail);
  EXPECT_EQ(verdict(408), Verdict::retry);
  EXPECT_EQ(verdict(429), Verdict::retry);
  EXPECT_EQ(verdict(500), Verdict::retry);
  EXPECT_EQ(verdict(503), Verdict::retry);
}

TEST(ResponseHeaders, LookupIsCaseInsensitive) {
  Response r{200, {{"content-type", "application/json; charset=UTF-8"}, {"retry-after", "3"}}, "{}", "http://h/"};
  EXPECT_EQ(r.header("Content-Type"), "application/json; charset=UTF-8");
  EXPECT_EQ(r.header("RETRY-AFTER"), "3");
  EXPECT_EQ(r.header("x-missing"), "");
}

TEST(ResponseHeaders, IsJsonAcceptsParametersAndSuffixTypes) {
  const auto with_type = [](std::string type) { return Response{200, {{"content-type", std::move(type)}}, "", ""}; };
  EXPECT_TRUE(with_type("application/json").is_json());
  EXPECT_TRUE(with_type("Application/JSON;charset=UTF-8").is_json());
  EXPECT_TRUE(with_type("application/problem+json").is_json());
  EXPECT_TRUE(with_type("application/vnd.oracle.adf.resourcecollection+json").is_json());
  EXPECT_FALSE(with_type("text/html; charset=utf-8").is_json());
  EXPECT_FALSE(with_type("").is_json());
}

TEST(ResponseExcerpt, CutsAt200BytesAndBlanksControlCharacters) {
  Response r;
  r.body = "line1\nline2\t" + std::string(300, 'x');
  const std::string e = r.excerpt();
  EXPECT_EQ(e.substr(0, 12), "line1 line2 ");
  EXPECT_EQ(e.size(), 203u);
  EXPECT_TRUE(e.ends_with("..."));
  r.body = "short";
  EXPECT_EQ(r.excerpt(), "short");
}

TEST(SetHeader, ReplacesEveryHeaderOfThatName) {
  Request r;
  r.headers = {{"authorization", "old"}, {"Accept", "application/json"}, {"AUTHORIZATION", "older"}};
  set_header(r, "Authorization", "Bearer new");
  ASSERT_EQ(r.headers.size(), 2u);
  EXPECT_EQ(r.headers[0].name, "Accept");
  EXPECT_EQ(r.headers[1].name, "Authorization");
  EXPECT_EQ(r.headers[1].value, "Bearer new");
}

}  // namespace
}  // namespace o2c::http
