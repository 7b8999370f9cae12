// einvoice/vat.cpp — per-category facts of EN 16931 (see vat.h).
#include "einvoice/vat.h"

#include <string>

#include "core/time.h"

namespace o2c::einvoice::detail {

bool needs_exemption_reason(VatCategory c) {
  return c != VatCategory::standard && c != VatCategory::zero_rated;
}

std::string_view default_exemption_reason(VatCategory c) {
  switch (c) {
    case VatCategory::reverse_charge: return "Reverse charge";
    case VatCategory::intra_eu_supply: return "Intra-community supply";
    case VatCategory::export_: return "Export outside the EU";
    case VatCategory::outside_scope: return "Not subject to VAT";
    default: return "";
  }
}

std::string_view default_exemption_code(VatCategory c) {
  switch (c) {
    case VatCategory::reverse_charge: return "VATEX-EU-AE";
    case VatCategory::intra_eu_supply: return "VATEX-EU-IC";
    case VatCategory::export_: return "VATEX-EU-G";
    case VatCategory::outside_scope: return "VATEX-EU-O";
    default: return "";
  }
}

std::optional<Decimal> line_rate(const Line& line) {
  if (line.category == VatCategory::outside_scope) return Decimal{};
  auto rate = parse_decimal(line.rate);
  if (!rate || rate->is_negative()) return std::nullopt;
  return rate;
}

std::string rate_text(const Line& line) {
  if (line.category == VatCategory::outside_scope) return "";
  auto rate = line_rate(line);
  return rate ? canonical_text(*rate) : line.rate;
}

std::string iso_date(Date d) { return to_iso8601(d); }

std::string compact_date(Date d) {
  std::string s = to_iso8601(d);
  std::string out;
  out.reserve(8);
  for (char c : s)
    if (c != '-') out.push_back(c);
  return out;
}

}  // namespace o2c::einvoice::detail
