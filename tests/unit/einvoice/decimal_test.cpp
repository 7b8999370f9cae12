#include "einvoice/decimal.h"

#include <gtest/gtest.h>

namespace o2c::einvoice::detail {
namespace {

TEST(Decimal, ParsesPlainDecimalTextExactly) {
  auto d = parse_decimal("12.345");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->units, 12345);
  EXPECT_EQ(d->scale, 3);
  EXPECT_EQ(parse_decimal("-0.05")->units, -5);
  EXPECT_EQ(parse_decimal("20")->scale, 0);
  EXPECT_EQ(parse_decimal("007.50")->units, 750);
}

TEST(Decimal, RefusesWhatIsNotAnEn16931Decimal) {
  for (const char* bad : {"", "-", "1.", ".5", "+1", "1e3", "1,5", " 1", "1 ", "5%", "1.2.3", "abc", "0.1234567891",
                          "1234567890123456789"})
    EXPECT_FALSE(parse_decimal(bad)) << bad;
}

TEST(Decimal, CanonicalTextDropsTrailingZerosOnly) {
  EXPECT_EQ(canonical_text(*parse_decimal("20.00")), "20");
  EXPECT_EQ(canonical_text(*parse_decimal("5.50")), "5.5");
  EXPECT_EQ(canonical_text(*parse_decimal("0.050")), "0.05");
  EXPECT_EQ(canonical_text(*parse_decimal("-0.125")), "-0.125");
  EXPECT_EQ(canonical_text(*parse_decimal("100")), "100");
  EXPECT_EQ(canonical_text(*parse_decimal("0.0")), "0");
}

TEST(Decimal, ComparesAcrossScales) {
  EXPECT_EQ(compare(*parse_decimal("5.5"), *parse_decimal("5.50")), 0);
  EXPECT_LT(compare(*parse_decimal("5.5"), *parse_decimal("20")), 0);
  EXPECT_GT(compare(*parse_decimal("0.1"), *parse_decimal("-3")), 0);
}

TEST(Decimal, DividesRoundingHalfAwayFromZero) {
  EXPECT_EQ(divide_half_away_from_zero(324995, 1000), 325);
  EXPECT_EQ(divide_half_away_from_zero(-324995, 1000), -325);  // half-even would give -324 at .5 of an even
  EXPECT_EQ(divide_half_away_from_zero(324994, 1000), 325);
  EXPECT_EQ(divide_half_away_from_zero(-324499, 1000), -324);
  EXPECT_EQ(divide_half_away_from_zero(25, 10), 3);
  EXPECT_EQ(divide_half_away_from_zero(-25, 10), -3);
  EXPECT_EQ(divide_half_away_from_zero(0, 7), 0);
}

}  // namespace
}  // namespace o2c::einvoice::detail
