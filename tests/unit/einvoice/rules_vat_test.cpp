#include <gtest/gtest.h>

#include "einvoice/rules.h"
#include "einvoice_fixtures.h"

namespace o2c::einvoice {
namespace {

using namespace fixtures;

std::vector<RuleViolation> vat_rules(const Document& d) {
  detail::Violations out;
  detail::check_vat(d, out);
  return out;
}

Document all_lines(VatCategory c, std::string rate) {
  Document d = invoice();
  for (auto& l : d.lines) {
    l.category = c;
    l.rate = rate;
  }
  return d;
}

TEST(RulesVat, TheMixedFixturePasses) { EXPECT_TRUE(vat_rules(mixed_invoice()).empty()) << rules_of(vat_rules(mixed_invoice())); }

TEST(RulesVat, StandardRateMustBeAboveZero) {
  Document d = invoice();
  d.lines[0].rate = "0";
  EXPECT_TRUE(has_rule(vat_rules(d), "BR-S-05"));
}

TEST(RulesVat, ZeroRateCategoriesRefuseAnyOtherRate) {
  const std::pair<VatCategory, const char*> cases[] = {{VatCategory::zero_rated, "BR-Z-05"},
                                                       {VatCategory::exempt, "BR-E-05"},
                                                       {VatCategory::reverse_charge, "BR-AE-05"},
                                                       {VatCategory::intra_eu_supply, "BR-IC-05"},
                                                       {VatCategory::export_, "BR-G-05"}};
  for (const auto& [category, rule] : cases) {
    EXPECT_FALSE(has_rule(vat_rules(all_lines(category, "0")), rule)) << rule;
    EXPECT_TRUE(has_rule(vat_rules(all_lines(category, "7")), rule)) << rule;
  }
}

TEST(RulesVat, NotSubjectToVatTakesNoRate) {
  Document d = all_lines(VatCategory::outside_scope, "");
  d.seller.vat_id.clear();
  d.buyer.vat_id.clear();
  EXPECT_TRUE(vat_rules(d).empty()) << rules_of(vat_rules(d));
  d.lines[0].rate = "0";
  EXPECT_TRUE(has_rule(vat_rules(d), "BR-O-05"));
}

TEST(RulesVat, EachTaxedCategoryNeedsTheSellerVatId) {
  const std::pair<VatCategory, const char*> cases[] = {
      {VatCategory::standard, "BR-S-02"}, {VatCategory::zero_rated, "BR-Z-02"}, {VatCategory::exempt, "BR-E-02"},
      {VatCategory::reverse_charge, "BR-AE-02"}, {VatCategory::intra_eu_supply, "BR-IC-02"}, {VatCategory::export_, "BR-G-02"}};
  for (const auto& [category, rule] : cases) {
    Document d = all_lines(category, category == VatCategory::standard ? "20" : "0");
    d.exemption_reason = "reason";
    d.delivery_date = day("2024-05-02");
    d.delivery_country = "DE";
    EXPECT_FALSE(has_rule(vat_rules(d), rule)) << rule;
    d.seller.vat_id.clear();
    EXPECT_TRUE(has_rule(vat_rules(d), rule)) << rule;
  }
}

TEST(RulesVat, ReverseChargeAndIntraEuSupplyNeedTheBuyerVatId) {
  Document d = mixed_invoice();
  d.buyer.vat_id.clear();
  const auto v = vat_rules(d);
  ASSERT_TRUE(has_rule(v, "BR-AE-02")) << rules_of(v);
  EXPECT_NE(v.front().message.find("BT-48"), std::string::npos);
  Document k = all_lines(VatCategory::intra_eu_supply, "0");
  k.delivery_date = day("2024-05-02");
  k.delivery_country = "DE";
  k.buyer.vat_id.clear();
  EXPECT_TRUE(has_rule(vat_rules(k), "BR-IC-02"));
}

TEST(RulesVat, IntraEuSupplyNeedsDeliveryDateOrPeriodAndCountry) {
  Document d = all_lines(VatCategory::intra_eu_supply, "0");
  auto v = vat_rules(d);
  EXPECT_TRUE(has_rule(v, "BR-IC-11"));
  EXPECT_TRUE(has_rule(v, "BR-IC-12"));
  d.period_start = day("2024-05-01");
  d.delivery_country = "DE";
  EXPECT_TRUE(vat_rules(d).empty()) << rules_of(vat_rules(d));
}

TEST(RulesVat, ExemptNeedsAReasonFromTheCaller) {
  Document d = mixed_invoice();
  d.exemption_reason.clear();
  EXPECT_FALSE(has_rule(vat_rules(d), "BR-E-10"));  // the code alone is enough
  d.exemption_code.clear();
  EXPECT_TRUE(has_rule(vat_rules(d), "BR-E-10"));
}

TEST(RulesVat, NotSubjectToVatForbidsVatIdsAndOtherCategories) {
  Document d = all_lines(VatCategory::outside_scope, "");
  EXPECT_TRUE(has_rule(vat_rules(d), "BR-O-02"));  // the fixture parties have VAT ids
  d.seller.vat_id.clear();
  d.buyer.vat_id.clear();
  d.lines[0].category = VatCategory::standard;
  d.lines[0].rate = "20";
  EXPECT_TRUE(has_rule(vat_rules(d), "BR-O-11"));
}

}  // namespace
}  // namespace o2c::einvoice
