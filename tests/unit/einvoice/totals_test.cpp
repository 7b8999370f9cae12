#include <gtest/gtest.h>

#include "core/error.h"
#include "einvoice_fixtures.h"

namespace o2c::einvoice {
namespace {

using namespace fixtures;

TEST(Totals, BreakdownPerCategoryAndRateWithTaxRoundedOncePerGroup) {
  const Totals t = compute_totals(invoice());
  ASSERT_EQ(t.breakdown.size(), 2u);
  EXPECT_EQ(t.breakdown[0].rate, "5.5");  // ordered by category, then rate
  EXPECT_EQ(t.breakdown[0].taxable, eur("49.38"));
  EXPECT_EQ(t.breakdown[0].tax, eur("2.72"));  // 2.7159
  EXPECT_EQ(t.breakdown[1].rate, "20");
  EXPECT_EQ(t.breakdown[1].taxable, eur("1200.00"));
  EXPECT_EQ(t.breakdown[1].tax, eur("240.00"));
  EXPECT_EQ(t.line_net, eur("1249.38"));
  EXPECT_EQ(t.tax_exclusive, eur("1249.38"));
  EXPECT_EQ(t.tax, eur("242.72"));
  EXPECT_EQ(t.tax_inclusive, eur("1492.10"));
  EXPECT_EQ(t.payable, eur("1492.10"));
}

TEST(Totals, NegativeHalfCentRoundsAwayFromZero) {  // field-pitfalls #37
  Document d = credit_note();
  d.lines = {line("1", "Correction", "-1", "1710.50", "-1710.50", VatCategory::standard, "19"),
             line("2", "Correction", "-1", "7612.50", "-7612.50", VatCategory::standard, "7")};
  const Totals t = compute_totals(d);
  ASSERT_EQ(t.breakdown.size(), 2u);
  EXPECT_EQ(t.breakdown[1].tax, eur("-325.00"));   // -324.995
  EXPECT_EQ(t.breakdown[0].tax, eur("-532.88"));   // -532.875
  EXPECT_EQ(t.tax, eur("-857.88"));
}

TEST(Totals, PositiveHalfCentRoundsUp) {
  const Totals t = compute_totals(credit_note());
  EXPECT_EQ(t.breakdown.at(0).tax, eur("325.00"));  // 1710.50 × 19 % = 324.995
}

TEST(Totals, TaxIsRoundedPerBreakdownNotSummedFromRoundedLines) {
  Document d = invoice();
  // Per line 0.10 × 5.5 % = 0.0055 → 0.01, nine times 0.09; per breakdown 0.90 × 5.5 % = 0.0495 → 0.05.
  d.lines.clear();
  for (int i = 1; i <= 9; ++i)
    d.lines.push_back(line(std::to_string(i), "Item", "1", "0.10", "0.10", VatCategory::standard, "5.5"));
  const Totals t = compute_totals(d);
  EXPECT_EQ(t.breakdown.at(0).taxable, eur("0.90"));
  EXPECT_EQ(t.breakdown.at(0).tax, eur("0.05"));  // 0.0495, not 9 × 0.01
}

TEST(Totals, RatesEqualAsDecimalsShareOneBreakdown) {
  Document d = invoice();
  d.lines[1].rate = "20.00";
  const Totals t = compute_totals(d);
  ASSERT_EQ(t.breakdown.size(), 2u);
  EXPECT_EQ(t.breakdown[1].rate, "20");
  EXPECT_EQ(t.breakdown[1].taxable, eur("1200.00"));
}

TEST(Totals, MixedCategoriesGetTheirExemptionReasons) {
  const Totals t = compute_totals(mixed_invoice());
  ASSERT_EQ(t.breakdown.size(), 4u);
  EXPECT_EQ(code(t.breakdown[0].category), "AE");
  EXPECT_EQ(t.breakdown[0].tax, eur("0.00"));
  EXPECT_EQ(t.breakdown[0].exemption_reason, "Reverse charge");
  EXPECT_EQ(t.breakdown[0].exemption_code, "VATEX-EU-AE");
  EXPECT_EQ(code(t.breakdown[1].category), "E");
  EXPECT_EQ(t.breakdown[1].exemption_reason, "Exempt vocational training");
  EXPECT_EQ(t.breakdown[1].exemption_code, "VATEX-EU-132-1I");
  EXPECT_EQ(t.breakdown[2].exemption_reason, "");  // S carries none (BR-S-10)
  EXPECT_EQ(t.tax_exclusive, eur("2049.38"));
  EXPECT_EQ(t.tax, eur("242.72"));
}

TEST(Totals, TheOneNonStandardCategoryTakesTheDocumentReason) {
  Document d = invoice();
  for (auto& l : d.lines) {
    l.category = VatCategory::export_;
    l.rate = "0";
  }
  d.exemption_reason = "Export to Switzerland";
  const Totals t = compute_totals(d);
  ASSERT_EQ(t.breakdown.size(), 1u);
  EXPECT_EQ(t.breakdown[0].exemption_reason, "Export to Switzerland");
  EXPECT_EQ(t.breakdown[0].exemption_code, "VATEX-EU-G");  // the empty part keeps the default
}

TEST(Totals, NotSubjectToVatHasNoRate) {
  Document d = invoice();
  for (auto& l : d.lines) {
    l.category = VatCategory::outside_scope;
    l.rate = "";
  }
  const Totals t = compute_totals(d);
  ASSERT_EQ(t.breakdown.size(), 1u);
  EXPECT_EQ(t.breakdown[0].rate, "");
  EXPECT_EQ(t.breakdown[0].tax, eur("0.00"));
  EXPECT_EQ(t.breakdown[0].exemption_reason, "Not subject to VAT");
}

TEST(Totals, PayableIsTotalMinusPaidPlusCashRounding) {  // pitfall #35: BT-114, not folded into BT-112
  Document d = invoice();
  d.prepaid = eur("100.00");
  d.rounding = eur("-0.10");
  const Totals t = compute_totals(d);
  EXPECT_EQ(t.tax_inclusive, eur("1492.10"));
  EXPECT_EQ(t.prepaid, eur("100.00"));
  EXPECT_EQ(t.rounding, eur("-0.10"));
  EXPECT_EQ(t.payable, eur("1392.00"));
}

TEST(Totals, ManyLinesStayExact) {
  Document d = invoice();
  d.lines.clear();
  for (int i = 1; i <= 1000; ++i)
    d.lines.push_back(line(std::to_string(i), "Widget", "3", "0.333", "1.00", VatCategory::standard, "19"));
  const Totals t = compute_totals(d);
  EXPECT_EQ(t.line_net, eur("1000.00"));
  EXPECT_EQ(t.tax, eur("190.00"));
}

TEST(Totals, ZeroDecimalCurrencyRoundsToWholeUnits) {
  Document d = invoice();
  const Currency jpy = Currency::parse("JPY");
  d.currency = jpy;
  d.lines = {line("1", "Item", "1", "1005", "0")};
  d.lines[0].net_amount = Money::parse("1005", jpy);
  d.lines[0].rate = "10";
  EXPECT_EQ(compute_totals(d).tax, Money::parse("101", jpy));  // 100.5 → 101
}

TEST(Totals, ThrowsOnARateThatIsNotADecimal) {
  Document d = invoice();
  d.lines[0].rate = "20%";
  EXPECT_THROW(compute_totals(d), Error);
  d.lines[0].rate = "-5";
  EXPECT_THROW(compute_totals(d), Error);
}

TEST(Totals, ThrowsOnALineInAnotherCurrency) {
  Document d = invoice();
  d.lines[0].net_amount = Money::parse("1000", Currency::parse("USD"));
  EXPECT_THROW(compute_totals(d), Error);
}

}  // namespace
}  // namespace o2c::einvoice
