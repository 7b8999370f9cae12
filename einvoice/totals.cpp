// einvoice/totals.cpp — the VAT arithmetic of EN 16931 (BG-22, BG-23).
//
// BT-117 is computed once per breakdown (category, rate) from BT-116, never
// summed from per-line taxes, and rounded HALF AWAY FROM ZERO to the
// currency's minor unit: -1710.50 × 19 % = -324.995 → -325.00. That is what
// the official BR-CO-17 / BR-S-09 test computes (round(abs(BT-116) × rate)).
// Everything is integer arithmetic: the rate "5.5" is 55 / 10.
#include <algorithm>
#include <string>

#include "core/error.h"
#include "einvoice/decimal.h"
#include "einvoice/einvoice.h"
#include "einvoice/vat.h"

namespace o2c::einvoice {

namespace {

using detail::Decimal;

struct Group {
  VatCategory category;
  Decimal rate;
  std::string rate_text;
  std::int64_t taxable = 0;
};

Money in_currency(const std::optional<Money>& m, Currency currency, std::string_view what) {
  if (!m) return Money::zero(currency);
  if (!(m->currency() == currency))
    fail(Error::Kind::data, "{} is in {}, the document in {}", what, m->currency().code(), currency.code());
  return *m;
}

Group& group_for(std::vector<Group>& groups, const Line& line) {
  auto rate = detail::line_rate(line);
  if (!rate) fail(Error::Kind::data, "line {}: VAT rate (BT-152) '{}' is not a non-negative decimal", line.id, line.rate);
  const std::string text = detail::rate_text(line);
  for (auto& g : groups)
    if (g.category == line.category && g.rate_text == text) return g;
  groups.push_back(Group{line.category, *rate, text, 0});
  return groups.back();
}

std::int64_t tax_of(const Group& g) {
  // taxable (minor units) × rate / 100, rate = units / 10^scale.
  const detail::Wide numerator = static_cast<detail::Wide>(g.taxable) * g.rate.units;
  return detail::divide_half_away_from_zero(numerator, 100 * detail::pow10(g.rate.scale));
}

// Which breakdown receives the document's exemption reason (see einvoice.h).
std::optional<VatCategory> reason_target(const std::vector<Group>& groups) {
  std::optional<VatCategory> single;
  int others = 0;
  for (const auto& g : groups) {
    if (g.category == VatCategory::exempt) return VatCategory::exempt;
    if (detail::needs_exemption_reason(g.category)) {
      single = g.category;
      ++others;
    }
  }
  return others == 1 ? single : std::nullopt;
}

VatBreakdown breakdown_of(const Group& g, Currency currency, const Document& doc, bool gets_reason) {
  VatBreakdown b;
  b.category = g.category;
  b.rate = g.rate_text;
  b.taxable = Money(g.taxable, currency);
  b.tax = Money(tax_of(g), currency);
  if (!detail::needs_exemption_reason(g.category)) return b;
  b.exemption_reason = gets_reason && !doc.exemption_reason.empty() ? doc.exemption_reason
                                                                    : std::string(detail::default_exemption_reason(g.category));
  b.exemption_code = gets_reason && !doc.exemption_code.empty() ? doc.exemption_code
                                                                : std::string(detail::default_exemption_code(g.category));
  return b;
}

}  // namespace

Totals compute_totals(const Document& doc) {
  const Currency currency = doc.currency;
  if (!currency.is_set()) fail(Error::Kind::data, "document currency (BT-5) is not set");
  Totals t;
  t.line_net = Money::zero(currency);
  std::vector<Group> groups;
  for (const Line& line : doc.lines) {
    if (!(line.net_amount.currency() == currency))
      fail(Error::Kind::data, "line {}: net amount (BT-131) is in {}, the document in {}", line.id,
           line.net_amount.currency().code(), currency.code());
    t.line_net += line.net_amount;
    group_for(groups, line).taxable += line.net_amount.minor();
  }
  std::sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) {
    if (code(a.category) != code(b.category)) return code(a.category) < code(b.category);
    return detail::compare(a.rate, b.rate) < 0;
  });
  const auto target = reason_target(groups);
  t.tax = Money::zero(currency);
  for (const auto& g : groups) {
    t.breakdown.push_back(breakdown_of(g, currency, doc, target == g.category));
    t.tax += t.breakdown.back().tax;
  }
  t.tax_exclusive = t.line_net;  // no document-level allowances or charges (BT-107, BT-108)
  t.tax_inclusive = t.tax_exclusive + t.tax;
  t.prepaid = in_currency(doc.prepaid, currency, "paid amount (BT-113)");
  t.rounding = in_currency(doc.rounding, currency, "rounding amount (BT-114)");
  t.payable = t.tax_inclusive - t.prepaid + t.rounding;
  return t;
}

}  // namespace o2c::einvoice
