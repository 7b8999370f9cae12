#include "reconcile/tolerance.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace o2c::reconcile {
namespace {

std::int64_t minor_in(const char* tolerance, const char* currency) {
  return Tolerance(tolerance).in(Currency::parse(currency)).minor();
}

TEST(Tolerance, ExactInEachCurrencysMinorUnitsDroppingFinerDigits) {
  EXPECT_EQ(minor_in("0.01", "EUR"), 1);
  EXPECT_EQ(minor_in("0.01", "BHD"), 10);
  EXPECT_EQ(minor_in("0.01", "JPY"), 0);
  EXPECT_EQ(minor_in("0.015", "EUR"), 1);  // a difference of 0.015 EUR cannot exist; 0.01 can
  EXPECT_EQ(minor_in("0.015", "BHD"), 15);
  EXPECT_EQ(minor_in("5", "JPY"), 5);
  EXPECT_EQ(minor_in("5", "EUR"), 500);
  EXPECT_EQ(minor_in("0", "EUR"), 0);
  EXPECT_EQ(minor_in("1.50", "CLF"), 15000);  // 4 decimals
  EXPECT_EQ(Tolerance("0.01").in(Currency::parse("GBP")).currency(), Currency::parse("GBP"));
}

TEST(Tolerance, RejectsAnythingButANonNegativeDecimal) {
  for (const char* bad : {"", ".", "-1", "+1", "1e-2", "0.01 EUR", "1,5", "0.0000000000001", "99999999999999999"})
    EXPECT_THROW(Tolerance{bad}, Error) << bad;
}

}  // namespace
}  // namespace o2c::reconcile
