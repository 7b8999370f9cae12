#include "core/money.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace o2c {

TEST(Money, ParsesDecimalTextIntoMinorUnitsOfTheCurrency) {
  EXPECT_EQ(Money::parse("12.30", Currency::parse("EUR")).minor(), 1230);
  EXPECT_EQ(Money::parse("1200.5", Currency::parse("EUR")).minor(), 120050);
  EXPECT_EQ(Money::parse("-3", Currency::parse("EUR")).minor(), -300);
  EXPECT_EQ(Money::parse("1500", Currency::parse("JPY")).minor(), 1500);
  EXPECT_EQ(Money::parse("1.234", Currency::parse("BHD")).minor(), 1234);
}

TEST(Money, RefusesMoreDecimalsThanTheCurrencyHasButAcceptsTrailingZeros) {
  EXPECT_THROW(Money::parse("1.234", Currency::parse("EUR")), Error);
  EXPECT_THROW(Money::parse("1.5", Currency::parse("JPY")), Error);
  EXPECT_EQ(Money::parse("1.2300", Currency::parse("EUR")).minor(), 123);
}

TEST(Money, ParsesJsonExponentNotationExactly) {
  EXPECT_EQ(Money::parse("1.2E3", Currency::parse("EUR")).minor(), 120000);
  EXPECT_EQ(Money::parse("125e-2", Currency::parse("EUR")).minor(), 125);
  EXPECT_THROW(Money::parse("1e-3", Currency::parse("EUR")), Error);
}

TEST(Money, RejectsGarbageAndOverflow) {
  for (const char* bad : {"", "abc", "12,50", "1.2.3", "--1", "12,50 EUR", "0x10", "1e", "."})
    EXPECT_THROW(Money::parse(bad, Currency::parse("EUR")), Error) << bad;
  EXPECT_THROW(Money::parse("92233720368547758.08", Currency::parse("EUR")), Error);
  EXPECT_EQ(Money::parse("92233720368547758.07", Currency::parse("EUR")).minor(), INT64_MAX);
}

TEST(Money, FormatsWithTheCurrencyExponent) {
  EXPECT_EQ(Money(120050, Currency::parse("EUR")).to_decimal(), "1200.50");
  EXPECT_EQ(Money(-5, Currency::parse("EUR")).to_decimal(), "-0.05");
  EXPECT_EQ(Money(1500, Currency::parse("JPY")).to_decimal(), "1500");
  EXPECT_EQ(Money(7, Currency::parse("BHD")).to_decimal(), "0.007");
  EXPECT_EQ(fmt::format("{}", Money(100, Currency::parse("GBP"))), "1.00 GBP");
}

TEST(Money, ArithmeticRefusesToMixCurrencies) {
  const Money eur(100, Currency::parse("EUR")), usd(100, Currency::parse("USD"));
  EXPECT_EQ((eur + eur).minor(), 200);
  EXPECT_THROW(eur + usd, Error);
  EXPECT_THROW((void)eur.compare(usd), Error);
}

TEST(Money, WithinToleranceIsInclusive) {
  const Currency eur = Currency::parse("EUR");
  EXPECT_TRUE(Money(1000, eur).within(Money(1001, eur), Money(1, eur)));
  EXPECT_FALSE(Money(1000, eur).within(Money(1002, eur), Money(1, eur)));
}

TEST(Currency, KnowsIso4217CodesOnly) {
  EXPECT_TRUE(Currency::is_known("EUR"));
  EXPECT_FALSE(Currency::is_known("EUX"));
  EXPECT_FALSE(Currency::is_known("eur"));
  EXPECT_THROW(Currency::parse("EUX"), Error);
  EXPECT_EQ(Currency::parse("KWD").exponent(), 3);
}

}  // namespace o2c

namespace o2c {
namespace {

TEST(Currency, KnowsActiveCodesWithTheirExponentsAndNothingElse) {
  EXPECT_EQ(Currency::parse("EUR").exponent(), 2);
  EXPECT_EQ(Currency::parse("JPY").exponent(), 0);
  EXPECT_EQ(Currency::parse("BHD").exponent(), 3);
  EXPECT_EQ(Currency::parse("CLF").exponent(), 4);
  EXPECT_EQ(Currency::parse("XCG").exponent(), 2);
  for (const char* bad : {"EUX", "eur", "EU", "EURO", "", "AAA", "ZZZ", "E1R", "\xC3\x89UR"}) {
    EXPECT_FALSE(Currency::is_known(bad)) << bad;
    EXPECT_THROW(Currency::parse(bad), Error) << bad;
  }
}

}  // namespace
}  // namespace o2c
