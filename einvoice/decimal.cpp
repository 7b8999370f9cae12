// einvoice/decimal.cpp — exact decimal text (see decimal.h).
#include "einvoice/decimal.h"

namespace o2c::einvoice::detail {

namespace {
constexpr int kMaxDigits = 18;
constexpr int kMaxScale = 9;
}  // namespace

Wide pow10(int n) {
  Wide p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

std::optional<Decimal> parse_decimal(std::string_view text) {
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) i = 1;
  std::int64_t units = 0;
  int digits = 0, scale = 0;
  bool seen_dot = false, seen_digit = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '.' && !seen_dot) {
      seen_dot = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    seen_digit = true;
    if (units == 0 && c == '0' && !seen_dot) continue;  // leading zeros carry no digit
    if (++digits > kMaxDigits) return std::nullopt;
    units = units * 10 + (c - '0');
    if (seen_dot) ++scale;
  }
  if (!seen_digit || (seen_dot && text.back() == '.') || scale > kMaxScale) return std::nullopt;
  if (seen_dot && text[negative ? 1 : 0] == '.') return std::nullopt;  // ".5" is not a decimal here
  return Decimal{negative ? -units : units, scale};
}

std::string canonical_text(Decimal d) {
  while (d.scale > 0 && d.units % 10 == 0) {
    d.units /= 10;
    --d.scale;
  }
  const bool negative = d.units < 0;
  std::string digits = std::to_string(negative ? -d.units : d.units);
  if (d.scale > 0) {
    if (static_cast<int>(digits.size()) <= d.scale)
      digits.insert(0, static_cast<std::size_t>(d.scale) - digits.size() + 1, '0');
    digits.insert(digits.size() - static_cast<std::size_t>(d.scale), 1, '.');
  }
  return negative && d.units != 0 ? "-" + digits : digits;
}

int compare(Decimal a, Decimal b) {
  const int scale = a.scale > b.scale ? a.scale : b.scale;
  const Wide x = a.units * pow10(scale - a.scale);
  const Wide y = b.units * pow10(scale - b.scale);
  return x < y ? -1 : (x > y ? 1 : 0);
}

std::int64_t divide_half_away_from_zero(Wide numerator, Wide denominator) {
  const bool negative = numerator < 0;
  const Wide n = negative ? -numerator : numerator;
  const Wide q = (2 * n + denominator) / (2 * denominator);
  return static_cast<std::int64_t>(negative ? -q : q);
}

}  // namespace o2c::einvoice::detail
