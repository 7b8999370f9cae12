#include <gtest/gtest.h>

#include "core/error.h"
#include "einvoice_fixtures.h"

namespace o2c::einvoice {
namespace {

using namespace fixtures;

std::size_t count(const std::string& haystack, std::string_view needle) {
  std::size_t n = 0;
  for (auto pos = haystack.find(needle); pos != std::string::npos; pos = haystack.find(needle, pos + 1)) ++n;
  return n;
}

TEST(PdfWriter, IsAPdfWithTheInvoiceNumberAndAmountsInItsText) {
  const std::string pdf = write_pdf(invoice());
  ASSERT_GT(pdf.size(), 1000u);
  EXPECT_EQ(pdf.substr(0, 5), "%PDF-");
  EXPECT_NE(pdf.find("%%EOF", pdf.size() - 8), std::string::npos);
  EXPECT_NE(pdf.find("(INV-2024-0042)"), std::string::npos);
  EXPECT_NE(pdf.find("(1492.10)"), std::string::npos);     // amount due
  EXPECT_NE(pdf.find("(12.345)"), std::string::npos);      // exact unit price
  EXPECT_NE(pdf.find("(FR7630006000011234567890189)"), std::string::npos);
  EXPECT_NE(pdf.find("(PO-4471)"), std::string::npos);
  EXPECT_EQ(count(pdf, "/Type /Page\r") + count(pdf, "/Type /Page\n"), 1u) << "one page for three lines";
}

TEST(PdfWriter, ManyLinesFlowOverSeveralPagesWithNumberedFooters) {
  Document d = invoice();
  d.lines.clear();
  for (int i = 1; i <= 200; ++i)
    d.lines.push_back(line(std::to_string(i), "Widget " + std::to_string(i), "2", "5.00", "10.00"));
  const std::string pdf = write_pdf(d);
  EXPECT_NE(pdf.find("/Count 5"), std::string::npos) << "200 lines at ~48 per page";
  EXPECT_NE(pdf.find("(Page 5 of 5)"), std::string::npos);
  EXPECT_NE(pdf.find("(Widget 200)"), std::string::npos);
  EXPECT_NE(pdf.find("(2400.00)"), std::string::npos);  // 2000 + 20 % VAT
}

TEST(PdfWriter, SameDocumentGivesTheSameBytes) { EXPECT_EQ(write_pdf(mixed_invoice()), write_pdf(mixed_invoice())); }

TEST(PdfWriter, CreditNoteSaysSoAndShowsTheCreditedInvoice) {
  const std::string pdf = write_pdf(credit_note());
  EXPECT_NE(pdf.find("(CREDIT NOTE)"), std::string::npos);
  EXPECT_NE(pdf.find("(Credits invoice)"), std::string::npos);
  EXPECT_NE(pdf.find("(Amount credited)"), std::string::npos);
}

TEST(PdfWriter, AccentedTextIsEncodedForTheStandardFonts) {
  const std::string pdf = write_pdf(invoice());
  EXPECT_NE(pdf.find("(80331 M\\374nchen)"), std::string::npos);  // München: Windows-1252 0xFC, octal-escaped
}

TEST(PdfWriter, RefusesDataItCannotTotal) {
  Document d = invoice();
  d.lines[0].rate = "twenty";
  EXPECT_THROW(write_pdf(d), Error);
}

}  // namespace
}  // namespace o2c::einvoice
