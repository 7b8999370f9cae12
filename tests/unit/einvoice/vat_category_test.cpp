#include <gtest/gtest.h>

#include "einvoice/einvoice.h"

namespace o2c::einvoice {
namespace {

TEST(VatCategory, EveryCategoryRoundTripsThroughItsUnclCode) {
  for (VatCategory c : {VatCategory::standard, VatCategory::zero_rated, VatCategory::exempt,
                        VatCategory::reverse_charge, VatCategory::intra_eu_supply, VatCategory::export_,
                        VatCategory::outside_scope})
    EXPECT_EQ(parse_vat_category(code(c)), c) << code(c);
  EXPECT_EQ(code(VatCategory::reverse_charge), "AE");
  EXPECT_EQ(parse_vat_category("ae"), std::nullopt);  // codes are exact
  EXPECT_EQ(parse_vat_category(""), std::nullopt);
}

}  // namespace
}  // namespace o2c::einvoice
