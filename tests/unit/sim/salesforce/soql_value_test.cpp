#include "sim/salesforce/soql_value.h"

#include <gtest/gtest.h>

namespace o2c::sim::salesforce::soql {
namespace {

TEST(SoqlValue, DecimalsCompareExactlyFromTheirText) {
  EXPECT_EQ(compare_decimal_text("1200.50", "1200.5"), 0);
  EXPECT_EQ(compare_decimal_text("0980", "980.000"), 0);
  EXPECT_EQ(compare_decimal_text("-0", "0.0"), 0);
  EXPECT_EQ(compare_decimal_text("9.99", "10"), -1);
  EXPECT_EQ(compare_decimal_text("-3", "-12.5"), 1);
  EXPECT_EQ(compare_decimal_text("-0.01", "0"), -1);
  // Beyond double precision: these differ in the 20th significant digit.
  EXPECT_EQ(compare_decimal_text("1234567890123456789.01", "1234567890123456789.02"), -1);
  EXPECT_EQ(compare_decimal_text("0.1", ".1"), 0);
  EXPECT_FALSE(compare_decimal_text("12,50 EUR", "12.5").has_value());
  EXPECT_FALSE(compare_decimal_text("", "1").has_value());
}

TEST(SoqlValue, LikeIsCaseInsensitiveWithPercentAndUnderscore) {
  EXPECT_TRUE(like_match("PO-2026-004471", "po-2026-%"));
  EXPECT_TRUE(like_match("PO-2026-004471", "%004471"));
  EXPECT_TRUE(like_match("PO-2026-004471", "PO-____-004471"));
  EXPECT_FALSE(like_match("PO-2026-004471", "PO-___-004471"));
  EXPECT_TRUE(like_match("abc", "%"));
  EXPECT_TRUE(like_match("", "%"));
  EXPECT_FALSE(like_match("", "_"));
  EXPECT_TRUE(like_match("a%b", "a\\%b"));
  EXPECT_FALSE(like_match("axb", "a\\%b"));
  EXPECT_TRUE(like_match("Soci\xc3\xa9t\xc3\xa9", "Soci_t_"));  // '_' is one character, not one byte
  EXPECT_TRUE(like_match("aXbXc", "%b%c"));
  EXPECT_FALSE(like_match("aXbXc", "%b%d"));
}

TEST(SoqlValue, TextEqualityIgnoresCaseButIdsDoNot) {
  Literal lit;
  lit.kind = LiteralKind::string;
  lit.text = "ACTIVATED";
  EXPECT_EQ(compare_to_literal(SimValue{std::string("Activated")}, lit, SimType::text), 0);
  lit.text = "801000000000000ABC";
  EXPECT_NE(compare_to_literal(SimValue{std::string("801000000000000abc")}, lit, SimType::id), 0);
}

TEST(SoqlValue, MismatchedValueTypesAreIncomparable) {
  Literal number;
  number.kind = LiteralKind::number;
  number.text = "100";
  EXPECT_FALSE(compare_to_literal(SimValue{std::string("12,50 EUR")}, number, SimType::decimal).has_value());
  EXPECT_FALSE(compare_to_literal(SimValue{true}, number, SimType::decimal).has_value());
  EXPECT_FALSE(compare_to_literal(SimValue{}, number, SimType::decimal).has_value());
  EXPECT_EQ(compare_to_literal(SimValue{Decimal{"100.00"}}, number, SimType::decimal), 0);
}

TEST(SoqlValue, OrderIsATotalOrderEvenWithBadDecimals) {
  const SimValue good{Decimal{"5"}}, bad{Decimal{"abc"}};
  EXPECT_LT(compare_for_order(good, bad, SimType::decimal), 0);
  EXPECT_GT(compare_for_order(bad, good, SimType::decimal), 0);
  EXPECT_LT(compare_for_order(SimValue{std::string("acme")}, SimValue{std::string("Bravo")}, SimType::text), 0);
}

}  // namespace
}  // namespace o2c::sim::salesforce::soql
