#include "reports/report_text.h"

#include <gtest/gtest.h>

#include "tests/unit/reports/report_test_support.h"

namespace o2c::reports::testing {
namespace {

Money money(const char* amount, const char* currency) { return Money::parse(amount, Currency::parse(currency)); }

TEST(FormatAmount, ExactWithTheCurrencyDecimalsAndThousandsGroups) {
  EXPECT_EQ(format_amount(money("1234567.5", "EUR")), "1,234,567.50 EUR");
  EXPECT_EQ(format_amount(money("1200", "JPY")), "1,200 JPY");
  EXPECT_EQ(format_amount(money("999", "JPY")), "999 JPY");
  EXPECT_EQ(format_amount(money("1234.567", "BHD")), "1,234.567 BHD");
  EXPECT_EQ(format_amount(money("0.001", "BHD")), "0.001 BHD");
  EXPECT_EQ(format_amount(money("-15", "EUR")), "-15.00 EUR");
  EXPECT_EQ(format_amount(money("-1234.5", "GBP")), "-1,234.50 GBP");
  EXPECT_EQ(format_amount(money("0", "USD")), "0.00 USD");
  EXPECT_EQ(format_amount(Money(INT64_MIN, Currency::parse("EUR"))), "-92,233,720,368,547,758.08 EUR");
}

TEST(HtmlEscape, EscapesMarkupQuotesAndReplacesInvalidUtf8) {
  EXPECT_EQ(html_escape("<script>alert('x')</script> & \"q\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
  EXPECT_EQ(html_escape("Société Générale"), "Société Générale");
  EXPECT_EQ(html_escape("PO-\xFF-\xC3"), "PO-\xEF\xBF\xBD-\xEF\xBF\xBD");
}

TEST(CsvField, QuotesOnlyWhenNeededAndDoublesQuotes) {
  EXPECT_EQ(csv_field("plain"), "plain");
  EXPECT_EQ(csv_field(""), "");
  EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(csv_field("line1\nline2"), "\"line1\nline2\"");
  EXPECT_EQ(csv_field("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(csv_field("Müller & Söhne"), "Müller & Söhne");
}

TEST(CsvField, FormulaLikeTextGetsAnApostrophe) {
  EXPECT_EQ(csv_text_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_text_field("+33 1"), "'+33 1");
  EXPECT_EQ(csv_text_field("-5"), "'-5");
  EXPECT_EQ(csv_text_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_text_field("Acme = good"), "Acme = good");
}

TEST(ReportText, AgesTimesDaysAndEvidence) {
  EXPECT_EQ(format_age(12), "12 d");
  EXPECT_EQ(format_age(0), "0 d");
  EXPECT_EQ(format_age(-5), "in 5 d");
  EXPECT_EQ(format_time(at("2026-11-24T07:05:59Z")), "2026-11-24 07:05 UTC");
  EXPECT_EQ(format_day(parse_date("2026-11-23")), "Mon 23 Nov 2026");
  EXPECT_EQ(evidence_label("invoice_po_normalised"), "invoice po normalised");
  EXPECT_EQ(evidence_line({{"rule", "po.mismatch"}, {"invoice_po", "PO-1"}}), "rule=po.mismatch; invoice_po=PO-1");
}

}  // namespace
}  // namespace o2c::reports::testing
