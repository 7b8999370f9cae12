// einvoice/pdf_writer.cpp — the printable invoice: A4, seller and buyer
// blocks, references, the line table (repeated header on every page), VAT
// breakdown, totals, payment instructions, "page i of n" footers. The same
// document gives the same bytes: no clock, no random id.
#include <fmt/format.h>

#include "core/time.h"
#include "einvoice/pdf_canvas.h"
#include "einvoice/vat.h"

namespace o2c::einvoice::detail {

namespace {

constexpr float kLeft = 50, kRight = kPageWidth - 50, kTop = kPageHeight - 50, kBottom = 70;
constexpr float kRow = 14;

// Line-table columns: right edges for the numbers, left for the text.
constexpr float kColId = kLeft, kColItem = kLeft + 30, kColQty = 330, kColUnit = 338, kColPrice = 430, kColVat = 470,
                kColNet = kRight;

class InvoicePdf {
 public:
  InvoicePdf(const Document& doc, const Totals& totals)
      : doc_(doc), totals_(totals), pdf_(fmt::format("{} {}", title(), doc.number)) {}

  std::string render() {
    pdf_.add_page();
    header();
    parties();
    references();
    lines();
    breakdown();
    summary();
    payment();
    footers();
    return pdf_.save();
  }

 private:
  std::string title() const { return doc_.type == DocumentType::credit_note ? "Credit note" : "Invoice"; }
  std::string money(Money m) const { return m.to_decimal(); }

  void need(float height) {
    if (y_ - height >= kBottom) return;
    pdf_.add_page();
    y_ = kTop;
  }

  void header() {
    pdf_.text(kLeft, y_ - 18, title() == "Invoice" ? "INVOICE" : "CREDIT NOTE", Weight::bold, 20);
    float y = y_ - 4;
    auto item = [&](std::string_view label, const std::string& value) {
      pdf_.text_right(kRight - 110, y, label, Weight::bold);
      pdf_.text_right(kRight, y, value);
      y -= 12;
    };
    item("Number", doc_.number);
    item("Issue date", iso_date(doc_.issue_date));
    if (doc_.due_date) item("Due date", iso_date(*doc_.due_date));
    item("Currency", std::string(doc_.currency.code()));
    y_ = std::min(y, y_ - 30) - 14;
  }

  float party(float x, std::string_view label, const Party& p) {
    float y = y_;
    auto line = [&](const std::string& s, Weight w = Weight::regular) {
      if (s.empty()) return;
      pdf_.text(x, y, pdf_.fit(s, 230, w), w);
      y -= 11;
    };
    pdf_.text(x, y, label, Weight::bold, 7);
    y -= 12;
    line(p.name, Weight::bold);
    if (!p.trading_name.empty() && p.trading_name != p.name) line(p.trading_name);
    line(p.address.street);
    line(p.address.additional_street);
    line(fmt::format("{} {}", p.address.postal_code, p.address.city));
    line(p.address.subdivision);
    line(p.address.country);
    if (!p.vat_id.empty()) line("VAT " + p.vat_id);
    if (!p.legal_id.empty()) line(fmt::format("Reg. {}", p.legal_id.value));
    line(p.contact_email);
    return y;
  }

  void parties() {
    const float a = party(kLeft, "FROM", doc_.seller);
    const float b = party(kLeft + 260, "BILL TO", doc_.buyer);
    y_ = std::min(a, b) - 10;
  }

  void references() {
    std::vector<std::pair<std::string, std::string>> refs;
    auto ref = [&](std::string label, std::string value) {
      if (!value.empty()) refs.emplace_back(std::move(label), std::move(value));
    };
    ref("Purchase order", doc_.purchase_order);
    ref("Our order", doc_.sales_order);
    ref("Contract", doc_.contract);
    ref("Buyer reference", doc_.buyer_reference);
    ref("Credits invoice", doc_.preceding_invoice);
    if (doc_.period_start && doc_.period_end)
      ref("Period", fmt::format("{} to {}", iso_date(*doc_.period_start), iso_date(*doc_.period_end)));
    if (doc_.due_date) ref("Due date", iso_date(*doc_.due_date));
    for (std::size_t i = 0; i < refs.size(); ++i) {
      const float x = kLeft + static_cast<float>(i % 3) * 165;
      if (i % 3 == 0 && i > 0) y_ -= 24;
      pdf_.text(x, y_, refs[i].first, Weight::bold, 7);
      pdf_.text(x, y_ - 11, pdf_.fit(refs[i].second, 155));
    }
    y_ -= 34;
  }

  void table_header() {
    pdf_.band(kLeft - 4, y_ - 4, kRight - kLeft + 8, kRow);
    pdf_.text(kColId, y_, "#", Weight::bold);
    pdf_.text(kColItem, y_, "Item", Weight::bold);
    pdf_.text_right(kColQty, y_, "Qty", Weight::bold);
    pdf_.text(kColUnit, y_, "Unit", Weight::bold);
    pdf_.text_right(kColPrice, y_, "Unit price", Weight::bold);
    pdf_.text_right(kColVat, y_, "VAT", Weight::bold);
    pdf_.text_right(kColNet, y_, fmt::format("Net ({})", doc_.currency.code()), Weight::bold);
    y_ -= kRow + 2;
  }

  void line_row(const Line& l) {
    const bool two = !l.description.empty();
    if (y_ - (two ? 2 * kRow : kRow) < kBottom) {
      pdf_.add_page();
      y_ = kTop;
      table_header();
    }
    pdf_.text(kColId, y_, pdf_.fit(l.id, 28));
    pdf_.text(kColItem, y_, pdf_.fit(l.name, kColQty - kColItem - 50));
    pdf_.text_right(kColQty, y_, l.quantity);
    pdf_.text(kColUnit, y_, l.unit_code);
    pdf_.text_right(kColPrice, y_, l.unit_price);
    const std::string rate = rate_text(l);
    pdf_.text_right(kColVat, y_, rate.empty() ? std::string(code(l.category)) : fmt::format("{} {}%", code(l.category), rate));
    pdf_.text_right(kColNet, y_, money(l.net_amount));
    if (two) {
      y_ -= 10;
      pdf_.text(kColItem, y_, pdf_.fit(l.description, kColQty - kColItem - 50), Weight::regular, 7);
    }
    y_ -= kRow;
  }

  void lines() {
    table_header();
    for (const Line& l : doc_.lines) line_row(l);
    pdf_.rule(kLeft, kRight, y_ + kRow - 4);
    y_ -= 8;
  }

  void breakdown() {
    need(kRow * static_cast<float>(totals_.breakdown.size() + 3));
    pdf_.text(kLeft, y_, "VAT breakdown", Weight::bold);
    y_ -= kRow;
    pdf_.text(kLeft, y_, "Category", Weight::bold, 7);
    pdf_.text_right(kLeft + 150, y_, "Taxable", Weight::bold, 7);
    pdf_.text_right(kLeft + 230, y_, "VAT", Weight::bold, 7);
    pdf_.text(kLeft + 245, y_, "Exemption", Weight::bold, 7);
    y_ -= 11;
    for (const VatBreakdown& b : totals_.breakdown) {
      const std::string label = b.rate.empty() ? std::string(code(b.category)) : fmt::format("{} {}%", code(b.category), b.rate);
      pdf_.text(kLeft, y_, label);
      pdf_.text_right(kLeft + 150, y_, money(b.taxable));
      pdf_.text_right(kLeft + 230, y_, money(b.tax));
      if (!b.exemption_reason.empty())
        pdf_.text(kLeft + 245, y_, pdf_.fit(b.exemption_reason + (b.exemption_code.empty() ? "" : " (" + b.exemption_code + ")"), 250), Weight::regular, 8);
      y_ -= kRow;
    }
    y_ -= 6;
  }

  void summary() {
    need(kRow * 7);
    auto row = [&](std::string_view label, Money m, Weight w = Weight::regular) {
      pdf_.text_right(kRight - 100, y_, label, w);
      pdf_.text_right(kRight, y_, money(m), w);
      y_ -= kRow;
    };
    row("Total without VAT", totals_.tax_exclusive);
    row("VAT", totals_.tax);
    row("Total with VAT", totals_.tax_inclusive, Weight::bold);
    if (doc_.prepaid) row("Paid", totals_.prepaid);
    if (doc_.rounding) row("Rounding", totals_.rounding);
    pdf_.rule(kRight - 220, kRight, y_ + kRow - 3);
    row(doc_.type == DocumentType::credit_note ? "Amount credited" : "Amount due", totals_.payable, Weight::bold);
    y_ -= 8;
  }

  void payment() {
    need(kRow * 6);
    auto line = [&](std::string_view label, const std::string& value) {
      if (value.empty()) return;
      pdf_.text(kLeft, y_, label, Weight::bold, 8);
      pdf_.text(kLeft + 90, y_, pdf_.fit(value, kRight - kLeft - 90));
      y_ -= 12;
    };
    pdf_.text(kLeft, y_, "Payment", Weight::bold);
    y_ -= kRow;
    if (doc_.payment) {
      const PaymentMeans& pm = *doc_.payment;
      line("Means", pm.code == "58" ? "SEPA credit transfer (58)" : pm.code == "30" ? "Credit transfer (30)" : pm.code);
      line("IBAN", pm.iban);
      line("BIC", pm.bic);
      line("Account name", pm.account_name);
      line("Reference", pm.remittance.empty() ? doc_.number : pm.remittance);
    }
    line("Terms", doc_.payment_terms);
    line("Note", doc_.note);
  }

  void footers() {
    const std::size_t n = pdf_.page_count();
    for (std::size_t i = 0; i < n; ++i) {
      pdf_.select_page(i);
      pdf_.rule(kLeft, kRight, 45, 0.8f);
      pdf_.text(kLeft, 32, pdf_.fit(fmt::format("{} - {} {}", doc_.seller.name, title(), doc_.number), 380), Weight::regular, 7);
      pdf_.text_right(kRight, 32, fmt::format("Page {} of {}", i + 1, n), Weight::regular, 7);
    }
  }

  const Document& doc_;
  const Totals& totals_;
  PdfCanvas pdf_;
  float y_ = kTop;
};

}  // namespace

}  // namespace o2c::einvoice::detail

namespace o2c::einvoice {

std::string write_pdf(const Document& doc) {
  const Totals totals = compute_totals(doc);  // throws Error(data) on data it cannot total
  return detail::InvoicePdf(doc, totals).render();
}

}  // namespace o2c::einvoice
