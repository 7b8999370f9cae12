// einvoice/pdf_canvas.h — a small drawing surface over libharu for the
// invoice PDF: A4 pages, Helvetica (WinAnsi), text, right-aligned text,
// rules, grey bands. Coordinates in points, y upwards from the page bottom.
// Internal to einvoice/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <hpdf.h>

namespace o2c::einvoice::detail {

inline constexpr float kPageWidth = 595.28f;
inline constexpr float kPageHeight = 841.89f;

enum class Weight { regular, bold };

class PdfCanvas {
 public:
  explicit PdfCanvas(std::string_view title);  // throws Error(internal) when libharu fails
  ~PdfCanvas();
  PdfCanvas(const PdfCanvas&) = delete;
  PdfCanvas& operator=(const PdfCanvas&) = delete;

  void add_page();                         // becomes the current page
  void select_page(std::size_t index);     // draw on an earlier page (footers)
  std::size_t page_count() const { return pages_.size(); }

  void text(float x, float y, std::string_view utf8, Weight w = Weight::regular, float size = 9);
  void text_right(float right, float y, std::string_view utf8, Weight w = Weight::regular, float size = 9);
  // The text cut (with "...") so that it fits `width` points.
  std::string fit(std::string_view utf8, float width, Weight w = Weight::regular, float size = 9);
  void rule(float x1, float x2, float y, float gray = 0.6f);
  void band(float x, float y, float width, float height, float gray = 0.92f);

  std::string save();  // the PDF bytes

 private:
  void check(const char* what);
  float width_of(const std::string& cp1252, Weight w, float size);

  HPDF_Doc doc_ = nullptr;
  HPDF_Page page_ = nullptr;
  HPDF_Font regular_ = nullptr, bold_ = nullptr;
  std::vector<HPDF_Page> pages_;
  unsigned long error_ = 0;
};

// UTF-8 → Windows-1252 (what the standard PDF fonts encode); anything else → '?'.
std::string to_cp1252(std::string_view utf8);

}  // namespace o2c::einvoice::detail
