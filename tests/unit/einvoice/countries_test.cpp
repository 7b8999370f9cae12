#include "einvoice/countries.h"

#include <gtest/gtest.h>

namespace o2c::einvoice::detail {
namespace {

TEST(Countries, KnowsIsoCodesAndTheEn16931Extras) {
  for (const char* c : {"FR", "DE", "GB", "US", "ZW", "AD", "1A", "XI"}) EXPECT_TRUE(is_country_code(c)) << c;
}

TEST(Countries, RefusesUnknownLowercaseAndLongCodes) {
  for (const char* c : {"UK", "EL", "XX", "fr", "FRA", "F", ""}) EXPECT_FALSE(is_country_code(c)) << c;
}

TEST(Countries, VatPrefixAcceptsGreeceAsEl) {
  EXPECT_TRUE(has_vat_prefix("FR40303265045"));
  EXPECT_TRUE(has_vat_prefix("EL123456789"));
  EXPECT_FALSE(has_vat_prefix("UK123456789"));
  EXPECT_FALSE(has_vat_prefix("40303265045"));
  EXPECT_FALSE(has_vat_prefix("FR"));
}

}  // namespace
}  // namespace o2c::einvoice::detail
