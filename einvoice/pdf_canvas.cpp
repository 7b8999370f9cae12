// einvoice/pdf_canvas.cpp — libharu behind PdfCanvas (see pdf_canvas.h).
#include "einvoice/pdf_canvas.h"

#include <fmt/format.h>

#include "core/error.h"

namespace o2c::einvoice::detail {

namespace {

// libharu reports errors through this C callback; throwing across C frames is
// not allowed, so it records the code and PdfCanvas::check() throws.
void on_error(HPDF_STATUS error, HPDF_STATUS, void* user_data) {
  auto* slot = static_cast<unsigned long*>(user_data);
  if (*slot == 0) *slot = error;
}

// Unicode code points 0x80..0x9F of Windows-1252, by byte.
constexpr char32_t kHigh[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
                                0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
                                0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

char encode(char32_t cp) {
  if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<char>(cp);
  for (int i = 0; i < 32; ++i)
    if (kHigh[i] == cp && cp != 0) return static_cast<char>(0x80 + i);
  return '?';
}

}  // namespace

std::string to_cp1252(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    const int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + static_cast<std::size_t>(len) > s.size()) {
      out.push_back('?');
      ++i;
      continue;
    }
    char32_t cp = len == 1 ? b : b & (0x7F >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
    out.push_back(cp < 0x20 ? ' ' : encode(cp));
    i += static_cast<std::size_t>(len);
  }
  return out;
}

PdfCanvas::PdfCanvas(std::string_view title) {
  doc_ = HPDF_New(on_error, &error_);
  if (!doc_) throw Error(Error::Kind::internal, "PDF: libharu could not create a document");
  HPDF_SetCompressionMode(doc_, HPDF_COMP_NONE);  // text stays searchable; invoices are small
  HPDF_SetInfoAttr(doc_, HPDF_INFO_TITLE, to_cp1252(title).c_str());
  HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, "o2csync");
  regular_ = HPDF_GetFont(doc_, "Helvetica", "WinAnsiEncoding");
  bold_ = HPDF_GetFont(doc_, "Helvetica-Bold", "WinAnsiEncoding");
  check("fonts");
}

PdfCanvas::~PdfCanvas() {
  if (doc_) HPDF_Free(doc_);
}

void PdfCanvas::check(const char* what) {
  if (error_ == 0) return;
  throw Error(Error::Kind::internal, fmt::format("PDF: libharu error 0x{:04X} ({})", error_, what));
}

void PdfCanvas::add_page() {
  page_ = HPDF_AddPage(doc_);
  HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
  pages_.push_back(page_);
  check("add page");
}

void PdfCanvas::select_page(std::size_t index) { page_ = pages_.at(index); }

float PdfCanvas::width_of(const std::string& cp1252, Weight w, float size) {
  HPDF_Page_SetFontAndSize(page_, w == Weight::bold ? bold_ : regular_, size);
  return HPDF_Page_TextWidth(page_, cp1252.c_str());
}

void PdfCanvas::text(float x, float y, std::string_view utf8, Weight w, float size) {
  const std::string s = to_cp1252(utf8);
  HPDF_Page_BeginText(page_);
  HPDF_Page_SetFontAndSize(page_, w == Weight::bold ? bold_ : regular_, size);
  HPDF_Page_TextOut(page_, x, y, s.c_str());
  HPDF_Page_EndText(page_);
  check("text");
}

void PdfCanvas::text_right(float right, float y, std::string_view utf8, Weight w, float size) {
  const float width = width_of(to_cp1252(utf8), w, size);
  text(right - width, y, utf8, w, size);
}

std::string PdfCanvas::fit(std::string_view utf8, float width, Weight w, float size) {
  std::string s = to_cp1252(utf8);
  if (width_of(s, w, size) <= width) return std::string(utf8);
  while (!s.empty() && width_of(s + "...", w, size) > width) s.pop_back();
  // Back to UTF-8 for text(): Latin-1 bytes map to U+0000..U+00FF.
  std::string out;
  for (unsigned char c : s + "...") {
    if (c < 0x80) out.push_back(static_cast<char>(c));
    else if (c >= 0xA0) out += {static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
    else out.push_back('?');
  }
  return out;
}

void PdfCanvas::rule(float x1, float x2, float y, float gray) {
  HPDF_Page_SetGrayStroke(page_, gray);
  HPDF_Page_SetLineWidth(page_, 0.5f);
  HPDF_Page_MoveTo(page_, x1, y);
  HPDF_Page_LineTo(page_, x2, y);
  HPDF_Page_Stroke(page_);
  check("rule");
}

void PdfCanvas::band(float x, float y, float width, float height, float gray) {
  HPDF_Page_SetGrayFill(page_, gray);
  HPDF_Page_Rectangle(page_, x, y, width, height);
  HPDF_Page_Fill(page_);
  HPDF_Page_SetGrayFill(page_, 0);
  check("band");
}

std::string PdfCanvas::save() {
  HPDF_SaveToStream(doc_);
  check("save");
  std::string out(HPDF_GetStreamSize(doc_), '\0');
  HPDF_ResetStream(doc_);
  std::size_t done = 0;
  while (done < out.size()) {
    HPDF_UINT32 chunk = static_cast<HPDF_UINT32>(out.size() - done);
    HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(out.data() + done), &chunk);
    if (chunk == 0) break;
    done += chunk;
  }
  error_ = error_ == HPDF_STREAM_EOF ? 0 : error_;
  check("read");
  out.resize(done);
  return out;
}

}  // namespace o2c::einvoice::detail
