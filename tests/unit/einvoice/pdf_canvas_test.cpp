#include "einvoice/pdf_canvas.h"

#include <gtest/gtest.h>

namespace o2c::einvoice::detail {
namespace {

TEST(PdfCanvas, Utf8BecomesWindows1252) {
  EXPECT_EQ(to_cp1252("abc"), "abc");
  EXPECT_EQ(to_cp1252("é"), "\xE9");
  EXPECT_EQ(to_cp1252("€ 5"), "\x80 5");
  EXPECT_EQ(to_cp1252("Œuvre – “x”"), "\x8Cuvre \x96 \x93x\x94");
  EXPECT_EQ(to_cp1252("日本"), "??");
  EXPECT_EQ(to_cp1252("a\tb"), "a b");
  EXPECT_EQ(to_cp1252("\xC3"), "?");  // truncated sequence
}

TEST(PdfCanvas, FitCutsLongTextWithAnEllipsis) {
  PdfCanvas canvas("t");
  canvas.add_page();
  EXPECT_EQ(canvas.fit("short", 200), "short");
  const std::string cut = canvas.fit(std::string(300, 'W'), 100);
  EXPECT_LT(cut.size(), 300u);
  EXPECT_EQ(cut.substr(cut.size() - 3), "...");
}

}  // namespace
}  // namespace o2c::einvoice::detail
