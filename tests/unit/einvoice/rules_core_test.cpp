// Each rule: the fixture passes, then one thing is broken at a time.
#include <gtest/gtest.h>

#include "einvoice/rules.h"
#include "einvoice_fixtures.h"

namespace o2c::einvoice {
namespace {

using namespace fixtures;

std::vector<RuleViolation> header_rules(const Document& d) {
  detail::Violations out;
  detail::check_header(d, out);
  return out;
}

TEST(RulesCore, TheFixturePasses) {
  EXPECT_TRUE(header_rules(invoice()).empty()) << rules_of(header_rules(invoice()));
  EXPECT_TRUE(header_rules(credit_note()).empty());
}

TEST(RulesCore, InvoiceNumberIsRequired) {
  Document d = invoice();
  d.number.clear();
  EXPECT_TRUE(has_rule(header_rules(d), "BR-02"));
}

TEST(RulesCore, IssueDateIsRequired) {
  Document d = invoice();
  d.issue_date = Date{};
  EXPECT_TRUE(has_rule(header_rules(d), "BR-03"));
}

TEST(RulesCore, CurrencyIsRequired) {
  Document d = invoice();
  d.currency = Currency{};
  EXPECT_TRUE(has_rule(header_rules(d), "BR-05"));
}

TEST(RulesCore, CurrencyWithThreeDecimalsCannotBeWritten) {
  Document d = invoice();
  d.currency = Currency::parse("BHD");
  EXPECT_TRUE(has_rule(header_rules(d), "BR-DEC-09"));
}

TEST(RulesCore, SellerAndBuyerNamesAreRequired) {
  Document d = invoice();
  d.seller.name.clear();
  EXPECT_TRUE(has_rule(header_rules(d), "BR-06"));
  d = invoice();
  d.buyer.name.clear();
  const auto v = header_rules(d);
  ASSERT_TRUE(has_rule(v, "BR-07"));
  EXPECT_NE(v.front().message.find("BT-44"), std::string::npos);
}

TEST(RulesCore, SellerAndBuyerCountriesAreRequired) {
  Document d = invoice();
  d.seller.address.country.clear();
  EXPECT_TRUE(has_rule(header_rules(d), "BR-09"));
  d = invoice();
  d.buyer.address.country.clear();
  EXPECT_TRUE(has_rule(header_rules(d), "BR-11"));
}

TEST(RulesCore, UnknownCountryCodesAreRefused) {
  Document d = invoice();
  d.buyer.address.country = "UK";
  EXPECT_TRUE(has_rule(header_rules(d), "BR-CL-14"));
  d = invoice();
  d.delivery_country = "Germany";
  EXPECT_TRUE(has_rule(header_rules(d), "BR-CL-14"));
}

TEST(RulesCore, VatIdentifiersNeedACountryPrefix) {
  Document d = invoice();
  d.buyer.vat_id = "123456789";
  EXPECT_TRUE(has_rule(header_rules(d), "BR-CO-09"));
}

TEST(RulesCore, SellerNeedsAVatOrLegalIdentifier) {
  Document d = invoice();
  d.seller.vat_id.clear();
  EXPECT_FALSE(has_rule(header_rules(d), "BR-CO-26"));
  d.seller.legal_id = {};
  EXPECT_TRUE(has_rule(header_rules(d), "BR-CO-26"));
}

TEST(RulesCore, ElectronicAddressesNeedAScheme) {
  Document d = invoice();
  d.seller.endpoint.scheme.clear();
  EXPECT_TRUE(has_rule(header_rules(d), "BR-62"));
  d = invoice();
  d.buyer.endpoint.scheme.clear();
  EXPECT_TRUE(has_rule(header_rules(d), "BR-63"));
}

TEST(RulesCore, AtLeastOneLine) {
  Document d = invoice();
  d.lines.clear();
  EXPECT_TRUE(has_rule(header_rules(d), "BR-16"));
}

TEST(RulesCore, CreditTransferNeedsAnIban) {  // BR-61
  Document d = invoice();
  d.payment->iban.clear();
  EXPECT_TRUE(has_rule(header_rules(d), "BR-61"));
  d.payment->code = "30";
  EXPECT_TRUE(has_rule(header_rules(d), "BR-61"));
  d.payment->code = "48";  // bank card: no account needed
  EXPECT_FALSE(has_rule(header_rules(d), "BR-61"));
}

TEST(RulesCore, PaymentMeansNeedsACode) {
  Document d = invoice();
  d.payment->code.clear();
  EXPECT_TRUE(has_rule(header_rules(d), "BR-49"));
}

TEST(RulesCore, AttachmentsNeedAnIdAndAnAllowedMimeType) {
  Document d = invoice();
  d.attachments.push_back(Attachment{"", "Timesheet", "application/pdf", "t.pdf", "%PDF-1.4"});
  EXPECT_TRUE(has_rule(header_rules(d), "BR-52"));
  d.attachments[0].id = "TS-1";
  d.attachments[0].mime_code = "application/zip";
  EXPECT_TRUE(has_rule(header_rules(d), "BR-CL-24"));
  d.attachments[0].mime_code = "image/png";
  EXPECT_TRUE(header_rules(d).empty());
}

TEST(RulesCore, InvoicingPeriodEndsAfterItStarts) {
  Document d = invoice();
  d.period_start = day("2024-05-31");
  d.period_end = day("2024-05-01");
  EXPECT_TRUE(has_rule(header_rules(d), "BR-29"));
}

TEST(RulesCore, PrecedingInvoiceDateNeedsItsNumber) {
  Document d = credit_note();
  d.preceding_invoice.clear();
  EXPECT_TRUE(has_rule(header_rules(d), "BR-55"));
}

TEST(RulesCore, AnInvoiceWithAnAmountDueNeedsADueDateAndPaymentMeans) {  // pitfall #38
  Document d = invoice();
  d.due_date.reset();
  detail::Violations out;
  detail::check_totals(d, compute_totals(d), out);
  EXPECT_TRUE(has_rule(out, "BR-CO-25"));
  d = invoice();
  d.payment.reset();
  out.clear();
  detail::check_totals(d, compute_totals(d), out);
  EXPECT_TRUE(has_rule(out, "O2C-PAYMENT"));
}

TEST(RulesCore, ACreditNoteNeedsNoDueDate) {  // pitfall #38
  Document d = credit_note();
  d.due_date.reset();
  d.payment.reset();
  detail::Violations out;
  detail::check_totals(d, compute_totals(d), out);
  EXPECT_TRUE(out.empty()) << rules_of(out);
}

TEST(RulesCore, AFullyPaidInvoiceNeedsNoDueDate) {
  Document d = invoice();
  d.due_date.reset();
  d.prepaid = eur("1492.10");
  detail::Violations out;
  detail::check_totals(d, compute_totals(d), out);
  EXPECT_TRUE(out.empty()) << rules_of(out);
}

}  // namespace
}  // namespace o2c::einvoice
