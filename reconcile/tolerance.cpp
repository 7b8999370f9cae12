#include "reconcile/tolerance.h"

#include "core/error.h"

namespace o2c::reconcile {

namespace {

constexpr int kMaxFractionDigits = 12;

[[noreturn]] void bad_tolerance(std::string_view text, std::string_view why) {
  throw Error(Error::Kind::config,
              fmt::format("reconcile.amount_tolerance: invalid value '{}': {}", text.substr(0, 64), why));
}

int fraction_digits(std::string_view text) {
  bool seen_digit = false, seen_dot = false;
  int fraction = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      if (seen_dot) ++fraction;
    } else if (c == '.' && !seen_dot) {
      seen_dot = true;
    } else {
      bad_tolerance(text, "expected a non-negative decimal number such as \"0.01\"");
    }
  }
  if (!seen_digit) bad_tolerance(text, "expected a non-negative decimal number such as \"0.01\"");
  if (fraction > kMaxFractionDigits) bad_tolerance(text, fmt::format("more than {} decimals", kMaxFractionDigits));
  return fraction;
}

std::int64_t power_of_ten(int n) {
  std::int64_t p = 1;
  for (int i = 0; i < n; ++i) p *= 10;
  return p;
}

}  // namespace

Tolerance::Tolerance(std::string_view text) : text_(text) {
  const int fraction = fraction_digits(text);
  try {
    for (int exponent = 0; exponent <= kMaxExponent; ++exponent) {
      by_exponent_[static_cast<std::size_t>(exponent)] =
          fraction <= exponent ? parse_minor_units(text, exponent)
                               : parse_minor_units(text, fraction) / power_of_ten(fraction - exponent);
    }
  } catch (const Error& e) {
    bad_tolerance(text, e.what());
  }
}

Money Tolerance::in(Currency currency) const {
  const int exponent = currency.exponent();
  if (exponent < 0 || exponent > kMaxExponent)
    throw Error(Error::Kind::internal, fmt::format("currency {} has unsupported exponent {}", currency, exponent));
  return Money(by_exponent_[static_cast<std::size_t>(exponent)], currency);
}

}  // namespace o2c::reconcile
