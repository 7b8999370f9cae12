// einvoice/rules_vat.cpp — the VAT category rules of EN 16931 (BR-S-*,
// BR-Z-*, BR-E-*, BR-AE-*, BR-IC-* for K, BR-G-*, BR-O-*): the rate each
// category allows, the VAT identifiers it needs, its exemption reason.
#include <fmt/format.h>

#include "einvoice/decimal.h"
#include "einvoice/rules.h"
#include "einvoice/vat.h"

namespace o2c::einvoice::detail {

namespace {

void add(Violations& out, std::string rule, std::string message) {
  out.push_back(RuleViolation{std::move(rule), std::move(message)});
}

// The rule-id stem of a category: "S", "Z", "E", "AE", "IC" (K), "G", "O".
std::string stem(VatCategory c) {
  return c == VatCategory::intra_eu_supply ? "IC" : std::string(code(c));
}

bool has(const Document& doc, VatCategory c) {
  for (const Line& l : doc.lines)
    if (l.category == c) return true;
  return false;
}

void check_rate(const Line& line, Violations& out) {
  const VatCategory c = line.category;
  if (c == VatCategory::outside_scope) {
    if (!line.rate.empty())
      add(out, "BR-O-05", fmt::format("line {}: category O (not subject to VAT) takes no VAT rate (BT-152), got '{}'",
                                      line.id, line.rate));
    return;
  }
  const auto rate = line_rate(line);
  if (!rate) return;  // reported as O2C-DECIMAL
  if (c == VatCategory::standard && rate->is_zero())
    add(out, "BR-S-05", fmt::format("line {}: standard-rated (S) line needs a VAT rate (BT-152) above 0", line.id));
  if (c != VatCategory::standard && !rate->is_zero())
    add(out, fmt::format("BR-{}-05", stem(c)),
        fmt::format("line {}: category {} requires VAT rate (BT-152) 0, got {}", line.id, code(c), line.rate));
}

void require_seller_vat(const Document& doc, VatCategory c, Violations& out) {
  if (!doc.seller.vat_id.empty()) return;
  add(out, fmt::format("BR-{}-02", stem(c)),
      fmt::format("seller VAT identifier (BT-31) is required with VAT category {}", code(c)));
}

void require_buyer_vat(const Document& doc, VatCategory c, Violations& out) {
  if (!doc.buyer.vat_id.empty()) return;
  add(out, fmt::format("BR-{}-02", stem(c)),
      fmt::format("buyer VAT identifier (BT-48) is required with VAT category {} ({})", code(c),
                  c == VatCategory::reverse_charge ? "the buyer accounts for the VAT" : "intra-community supply"));
}

void check_not_subject(const Document& doc, Violations& out) {
  if (!doc.seller.vat_id.empty() || !doc.buyer.vat_id.empty())
    add(out, "BR-O-02",
        "a document with category O (not subject to VAT) must not carry the seller (BT-31) or buyer (BT-48) VAT identifier");
  for (const Line& l : doc.lines)
    if (l.category != VatCategory::outside_scope) {
      add(out, "BR-O-11",
          fmt::format("category O (not subject to VAT) cannot be mixed with other categories (line {} is {}): "
                      "issue a separate document",
                      l.id, code(l.category)));
      return;
    }
}

void check_intra_eu(const Document& doc, Violations& out) {
  if (!doc.delivery_date && !doc.period_start && !doc.period_end)
    add(out, "BR-IC-11",
        "intra-community supply (K) needs the actual delivery date (BT-72) or the invoicing period (BG-14)");
  if (doc.delivery_country.empty())
    add(out, "BR-IC-12", "intra-community supply (K) needs the deliver-to country code (BT-80)");
}

void check_exempt_reason(const Document& doc, Violations& out) {
  if (!doc.exemption_reason.empty() || !doc.exemption_code.empty()) return;
  add(out, "BR-E-10",
      "VAT exempt (E) lines need an exemption reason: set the text (BT-120) or the VATEX code (BT-121)");
}

}  // namespace

void check_vat(const Document& doc, Violations& out) {
  for (const Line& line : doc.lines) check_rate(line, out);
  for (VatCategory c : {VatCategory::standard, VatCategory::zero_rated, VatCategory::exempt, VatCategory::reverse_charge,
                        VatCategory::intra_eu_supply, VatCategory::export_}) {
    if (!has(doc, c)) continue;
    require_seller_vat(doc, c, out);
    if (c == VatCategory::reverse_charge || c == VatCategory::intra_eu_supply) require_buyer_vat(doc, c, out);
  }
  if (has(doc, VatCategory::outside_scope)) check_not_subject(doc, out);
  if (has(doc, VatCategory::intra_eu_supply)) check_intra_eu(doc, out);
  if (has(doc, VatCategory::exempt)) check_exempt_reason(doc, out);
}

}  // namespace o2c::einvoice::detail
