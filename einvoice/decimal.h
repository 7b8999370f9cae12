// einvoice/decimal.h — exact decimal text for quantities, unit prices and VAT
// rates ("2.5", "12.345", "5.5"): parsed into an integer and a scale, never a
// double. Internal to einvoice/ (the writers and the rules share it).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace o2c::einvoice::detail {

// 128-bit intermediate for products of amounts, quantities and rates (GCC).
__extension__ typedef __int128 Wide;

// value = units / 10^scale. At most 18 significant digits and 9 decimals.
struct Decimal {
  std::int64_t units = 0;
  int scale = 0;
  bool is_negative() const { return units < 0; }
  bool is_zero() const { return units == 0; }
};

// Plain decimal text: optional '-', digits, optional '.' and digits. No '+',
// exponent, spaces or thousands separators: what EN 16931 calls a decimal.
std::optional<Decimal> parse_decimal(std::string_view text);

// Shortest exact text: trailing zeros dropped ("20.00" → "20", "5.50" → "5.5").
std::string canonical_text(Decimal d);

// -1, 0 or 1; exact whatever the scales.
int compare(Decimal a, Decimal b);

// numerator / denominator rounded half away from zero (denominator > 0).
std::int64_t divide_half_away_from_zero(Wide numerator, Wide denominator);

// 10^n for 0 <= n <= 36.
Wide pow10(int n);

}  // namespace o2c::einvoice::detail
