#include "einvoice/vat.h"

#include <gtest/gtest.h>

#include "core/time.h"

namespace o2c::einvoice::detail {
namespace {

TEST(Vat, OnlyStandardAndZeroRatedGoWithoutAnExemptionReason) {
  EXPECT_FALSE(needs_exemption_reason(VatCategory::standard));
  EXPECT_FALSE(needs_exemption_reason(VatCategory::zero_rated));
  for (VatCategory c : {VatCategory::exempt, VatCategory::reverse_charge, VatCategory::intra_eu_supply,
                        VatCategory::export_, VatCategory::outside_scope})
    EXPECT_TRUE(needs_exemption_reason(c)) << code(c);
}

TEST(Vat, DefaultReasonsAndVatexCodesPerCategory) {
  EXPECT_EQ(default_exemption_reason(VatCategory::reverse_charge), "Reverse charge");
  EXPECT_EQ(default_exemption_code(VatCategory::reverse_charge), "VATEX-EU-AE");
  EXPECT_EQ(default_exemption_reason(VatCategory::intra_eu_supply), "Intra-community supply");
  EXPECT_EQ(default_exemption_code(VatCategory::intra_eu_supply), "VATEX-EU-IC");
  EXPECT_EQ(default_exemption_reason(VatCategory::export_), "Export outside the EU");
  EXPECT_EQ(default_exemption_code(VatCategory::export_), "VATEX-EU-G");
  EXPECT_EQ(default_exemption_reason(VatCategory::outside_scope), "Not subject to VAT");
  EXPECT_EQ(default_exemption_code(VatCategory::outside_scope), "VATEX-EU-O");
  EXPECT_EQ(default_exemption_reason(VatCategory::exempt), "");  // the caller must say why
}

TEST(Vat, LineRateIsCanonicalAndAbsentForNotSubjectToVat) {
  Line l;
  l.rate = "5.50";
  EXPECT_EQ(rate_text(l), "5.5");
  l.rate = "-1";
  EXPECT_FALSE(line_rate(l));
  l.category = VatCategory::outside_scope;
  EXPECT_EQ(rate_text(l), "");
  EXPECT_TRUE(line_rate(l));
}

TEST(Vat, DatesInIsoAndCiiFormat102) {
  EXPECT_EQ(iso_date(parse_date("2024-02-29")), "2024-02-29");
  EXPECT_EQ(compact_date(parse_date("2024-02-29")), "20240229");
}

}  // namespace
}  // namespace o2c::einvoice::detail
