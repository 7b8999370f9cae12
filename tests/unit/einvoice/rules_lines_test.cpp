#include <gtest/gtest.h>

#include "einvoice/rules.h"
#include "einvoice_fixtures.h"

namespace o2c::einvoice {
namespace {

using namespace fixtures;

std::vector<RuleViolation> line_rules(const Document& d, Profile p = Profile::en16931_ubl) {
  detail::Violations out;
  detail::check_lines(d, p, out);
  return out;
}

TEST(RulesLines, TheFixturePasses) {
  EXPECT_TRUE(line_rules(invoice()).empty()) << rules_of(line_rules(invoice()));
  EXPECT_TRUE(line_rules(mixed_invoice(), Profile::peppol_bis3).empty());
}

TEST(RulesLines, EachRequiredLineFieldIsNamed) {
  struct Case {
    void (*breaks)(Line&);
    const char* rule;
  };
  const Case cases[] = {
      {[](Line& l) { l.id.clear(); }, "BR-21"},
      {[](Line& l) { l.quantity.clear(); }, "BR-22"},
      {[](Line& l) { l.unit_code.clear(); }, "BR-23"},
      {[](Line& l) { l.name.clear(); }, "BR-25"},
      {[](Line& l) { l.unit_price.clear(); }, "BR-26"},
  };
  for (const auto& c : cases) {
    Document d = invoice();
    c.breaks(d.lines[1]);
    EXPECT_TRUE(has_rule(line_rules(d), c.rule)) << c.rule;
  }
}

TEST(RulesLines, NegativeNetPriceIsRefused) {
  Document d = invoice();
  d.lines[1].unit_price = "-80";
  d.lines[1].net_amount = eur("-200.00");
  EXPECT_TRUE(has_rule(line_rules(d), "BR-27"));
}

TEST(RulesLines, NegativeQuantityOnAnInvoiceIsRefusedButNotOnACreditNote) {
  Document d = invoice();
  d.lines[1].quantity = "-2.5";
  d.lines[1].net_amount = eur("-200.00");
  const auto v = line_rules(d);
  ASSERT_TRUE(has_rule(v, "O2C-NEGATIVE-QTY")) << rules_of(v);
  EXPECT_NE(v.front().message.find("credit note"), std::string::npos);
  d.type = DocumentType::credit_note;
  EXPECT_TRUE(line_rules(d).empty()) << rules_of(line_rules(d));
}

TEST(RulesLines, TextThatIsNotADecimalIsNamed) {
  Document d = invoice();
  d.lines[0].quantity = "1,5";
  EXPECT_TRUE(has_rule(line_rules(d), "O2C-DECIMAL"));
  d = invoice();
  d.lines[0].unit_price = "1 000.00";
  EXPECT_TRUE(has_rule(line_rules(d), "O2C-DECIMAL"));
  d = invoice();
  d.lines[0].rate = "20%";
  EXPECT_TRUE(has_rule(line_rules(d), "O2C-DECIMAL"));
}

TEST(RulesLines, LineInAnotherCurrencyIsRefused) {
  Document d = invoice();
  d.lines[2].net_amount = Money::parse("49.38", Currency::parse("USD"));
  EXPECT_TRUE(has_rule(line_rules(d), "O2C-CURRENCY"));
  d = invoice();
  d.prepaid = Money::parse("10", Currency::parse("GBP"));
  EXPECT_TRUE(has_rule(line_rules(d), "O2C-CURRENCY"));
}

TEST(RulesLines, NetMustBeQuantityTimesPriceWithinTwoCents) {
  Document d = invoice();
  d.lines[2].net_amount = eur("49.40");  // 4 × 12.345 = 49.38, 0.02 off: accepted
  EXPECT_TRUE(line_rules(d).empty());
  d.lines[2].net_amount = eur("49.41");
  EXPECT_TRUE(has_rule(line_rules(d), "O2C-LINE-NET"));
  EXPECT_TRUE(has_rule(line_rules(d, Profile::peppol_bis3), "PEPPOL-EN16931-R120"));
}

TEST(RulesLines, LineIdentifiersAreUnique) {
  Document d = invoice();
  d.lines[2].id = "1";
  EXPECT_TRUE(has_rule(line_rules(d), "O2C-LINE-ID"));
}

TEST(RulesLines, LinePeriodEndsAfterItStarts) {
  Document d = invoice();
  d.lines[0].period_end = day("2024-04-30");
  EXPECT_TRUE(has_rule(line_rules(d), "BR-30"));
}

}  // namespace
}  // namespace o2c::einvoice
