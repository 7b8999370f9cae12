// Values, date formats and JSON text in isolation.
#include "sim/netsuite/suiteql_value.h"

#include <gtest/gtest.h>

#include "netsuite_test_support.h"
#include "sim/netsuite/netsuite_json.h"
#include "sim/netsuite/suiteql_datefmt.h"

namespace o2c::sim::netsuite::test {
namespace {

TEST(SuiteQlValue, DecimalsCompareExactlyOnText) {
  EXPECT_EQ(compare_decimal("1200.50", "1200.5"), 0);
  EXPECT_EQ(compare_decimal("10", "9"), 1);
  EXPECT_EQ(compare_decimal("-0.00", "0"), 0);
  EXPECT_EQ(compare_decimal("-10", "-9"), -1);
  EXPECT_EQ(compare_decimal("0.1", "0.09999999999999999999"), 1);
  EXPECT_EQ(compare_decimal("12345678901234567890.000000000000000001", "12345678901234567890"), 1);
  EXPECT_EQ(compare_decimal("007", "7.000"), 0);
  EXPECT_EQ(compare_decimal("+3", "3"), 0);
  EXPECT_FALSE(compare_decimal("abc", "1"));
  EXPECT_FALSE(compare_decimal("1e5", "1"));
  EXPECT_FALSE(compare_decimal("-", "1"));
  EXPECT_FALSE(compare_decimal("1.2.3", "1"));
}

TEST(SuiteQlValue, ComparisonFollowsKinds) {
  EXPECT_EQ(compare_values(Val::number("10"), Val::string("9")), 1);      // numeric text meets a number
  EXPECT_EQ(compare_values(Val::string("10"), Val::string("9")), -1);     // text is text
  EXPECT_FALSE(compare_values(Val::number("10"), Val::string("ten")));
  EXPECT_FALSE(compare_values(Val::null(), Val::null()));
  EXPECT_EQ(compare_values(Val::date(at(2026, 5, 1)), Val::datetime(at(2026, 5, 1))), 0);
  EXPECT_EQ(compare_values(Val::date(at(2026, 5, 1)), Val::datetime(at(2026, 5, 1, 0, 0, 1))), -1);
  EXPECT_FALSE(compare_values(Val::date(at(2026, 5, 1)), Val::string("2026-05-01")));
  EXPECT_EQ(compare_values(Val::boolean(true), Val::string("T")), 0);
  EXPECT_EQ(tri_and(Tri::unknown, Tri::no), Tri::no);
  EXPECT_EQ(tri_or(Tri::unknown, Tri::yes), Tri::yes);
  EXPECT_EQ(tri_not(Tri::unknown), Tri::unknown);
}

TEST(SuiteQlValue, EqualValuesShareAJoinKey) {
  EXPECT_EQ(join_key(Val::number("4")), join_key(Val::string("4.0")));
  EXPECT_EQ(join_key(Val::number("-0")), join_key(Val::number("0.00")));
  EXPECT_NE(join_key(Val::string("A")), join_key(Val::string("a")));
  EXPECT_EQ(join_key(Val::boolean(false)), join_key(Val::string("F")));
}

TEST(SuiteQlValue, OrderIsTotalWithNullsLast) {
  std::vector<Val> v = {Val::number("abc"), Val::null(), Val::number("10"), Val::number("9.5"), Val::number("-1")};
  std::sort(v.begin(), v.end(), [](const Val& a, const Val& b) { return order_values(a, b) < 0; });
  EXPECT_EQ(v[0].text, "-1");
  EXPECT_EQ(v[1].text, "9.5");
  EXPECT_EQ(v[2].text, "10");
  EXPECT_EQ(v[3].text, "abc");
  EXPECT_TRUE(v[4].is_null());
}

TEST(SuiteQlValue, LikeMatchesCharactersNotBytes) {
  EXPECT_TRUE(like_match("INV100001", "INV%"));
  EXPECT_TRUE(like_match("INV100001", "%0001"));
  EXPECT_TRUE(like_match("INV100001", "I_V%1"));
  EXPECT_FALSE(like_match("INV100001", "inv%"));
  EXPECT_TRUE(like_match("Société", "Soci_t_"));
  EXPECT_TRUE(like_match("a%b", "a%b"));
  EXPECT_TRUE(like_match("", "%"));
  EXPECT_FALSE(like_match("abc", "ab"));
  EXPECT_TRUE(like_match("aXbXc", "%X%c"));
}

TEST(SuiteQlValue, SimValuesConvertPerColumnType) {
  const AccountZone utc;
  EXPECT_EQ(from_sim(std::string("12"), SimType::id, utc).kind, Val::Kind::number);
  EXPECT_EQ(from_sim(std::string("801AB"), SimType::reference, utc).kind, Val::Kind::text);
  EXPECT_EQ(from_sim(std::string("12"), SimType::text, utc).kind, Val::Kind::text);
  EXPECT_EQ(from_sim(Decimal{"1.50"}, SimType::decimal, utc).text, "1.50");
  EXPECT_TRUE(from_sim(SimValue{}, SimType::text, utc).is_null());
  EXPECT_EQ(output_text(from_sim(true, SimType::boolean, utc), utc), "T");
  EXPECT_EQ(output_text(Val::date(at(2026, 1, 9)), utc), "1/9/2026");
  EXPECT_FALSE(output_text(Val::null(), utc));
}

TEST(SuiteQlDateFormat, FormatsAndParsesOracleElements) {
  const DateFormat iso = parse_date_format("YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"");
  const WallTime t = wall(2026, 11, 24, 7, 5, 9);
  EXPECT_EQ(format_datetime(t, iso), "2026-11-24T07:05:09Z");
  EXPECT_EQ(parse_datetime("2026-11-24T07:05:09Z", iso), t);
  EXPECT_EQ(format_datetime(t + std::chrono::milliseconds(999), iso), "2026-11-24T07:05:09Z");
  const DateFormat d = parse_date_format("dd/mm/yyyy");
  EXPECT_EQ(parse_datetime("24/11/2026", d), wall(2026, 11, 24));
  EXPECT_EQ(parse_datetime("1/2/2026", d), wall(2026, 2, 1));  // Oracle accepts fewer digits
  EXPECT_TRUE(iso.has_time());
  EXPECT_FALSE(d.has_time());
}

TEST(SuiteQlDateFormat, RejectsWhatOracleRejects) {
  EXPECT_THROW(parse_date_format("YYYY-MON-DD"), DateFormatError);
  EXPECT_THROW(parse_date_format("YYYY\"T"), DateFormatError);
  const DateFormat f = parse_date_format("YYYY-MM-DD HH24:MI:SS");
  EXPECT_THROW(parse_datetime("2026-02-30 00:00:00", f), DateFormatError);
  EXPECT_THROW(parse_datetime("2026-01-01 24:00:00", f), DateFormatError);
  EXPECT_THROW(parse_datetime("2026-01-01", f), DateFormatError);
  EXPECT_THROW(parse_datetime("2026-01-01 00:00:00Z", f), DateFormatError);
  EXPECT_THROW(parse_datetime("2026/01/01 00:00:00", f), DateFormatError);
  try {
    parse_date_format("YYYY-Q");
  } catch (const DateFormatError& e) {
    EXPECT_EQ(e.offset, 5u);
  }
}

TEST(NetSuiteJson, EscapesQuotesBackslashesAndControlsOnly) {
  std::string out;
  append_json_string(out, "a\"b\\c\n\x01\x7f\xc3\xa9\xff");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\n\\u0001\x7f\xc3\xa9\xff\"");
}

TEST(NetSuiteJson, ErrorBodyHasNetSuitesShape) {
  const SimReply r = error_reply(400, "INVALID_PARAMETER", "bad \"q\"", {"o:errorPath", "q"});
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.body,
            R"({"type":"https://www.w3.org/Protocols/rfc2616/rfc2616-sec10.html#sec10.4.1","title":"Bad Request",)"
            R"("status":400,"o:errorDetails":[{"detail":"bad \"q\"","o:errorCode":"INVALID_PARAMETER",)"
            R"("o:errorPath":"q"}]})");
}

}  // namespace
}  // namespace o2c::sim::netsuite::test
