#include <gtest/gtest.h>

#include "einvoice_fixtures.h"

namespace o2c::einvoice {
namespace {

using namespace fixtures;

TEST(Check, FixturesAreSendableInEveryProfile) {
  for (Profile p : {Profile::peppol_bis3, Profile::en16931_ubl, Profile::en16931_cii}) {
    EXPECT_TRUE(check(invoice(), p).empty()) << name(p) << "\n" << rules_of(check(invoice(), p));
    EXPECT_TRUE(check(mixed_invoice(), p).empty()) << name(p) << "\n" << rules_of(check(mixed_invoice(), p));
    EXPECT_TRUE(check(credit_note(), p).empty()) << name(p) << "\n" << rules_of(check(credit_note(), p));
  }
}

TEST(Check, PeppolRulesApplyOnlyToThePeppolProfile) {
  Document d = invoice();
  d.buyer.endpoint = {};
  EXPECT_TRUE(has_rule(check(d, Profile::peppol_bis3), "PEPPOL-EN16931-R010"));
  EXPECT_TRUE(check(d, Profile::en16931_cii).empty());
}

TEST(Check, ReportsEveryBrokenRuleAtOnce) {
  Document d = invoice();
  d.number.clear();
  d.buyer.name.clear();
  d.lines[0].rate = "abc";
  d.due_date.reset();
  const auto v = check(d, Profile::en16931_ubl);
  EXPECT_TRUE(has_rule(v, "BR-02"));
  EXPECT_TRUE(has_rule(v, "BR-07"));
  EXPECT_TRUE(has_rule(v, "O2C-DECIMAL"));
  EXPECT_FALSE(has_rule(v, "BR-CO-25"));  // totals cannot be computed with a bad rate; not a crash either
}

TEST(Check, DueDateRuleRunsWhenTheTotalsCanBeComputed) {
  Document d = invoice();
  d.due_date.reset();
  EXPECT_TRUE(has_rule(check(d, Profile::en16931_cii), "BR-CO-25"));
}

TEST(Check, ForeignCurrencyLineIsReportedNotThrown) {
  Document d = invoice();
  d.lines[0].net_amount = Money::parse("1000", Currency::parse("USD"));
  EXPECT_TRUE(has_rule(check(d, Profile::peppol_bis3), "O2C-CURRENCY"));
}

}  // namespace
}  // namespace o2c::einvoice
