// reconcile/tolerance.h — the amount tolerance of the settings, exact in each
// currency's minor units (never a double).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/money.h"

namespace o2c::reconcile {

class Tolerance {
 public:
  // "0.01", "5", "0.005": non-negative decimal text in major units. Throws
  // Error(config) naming reconcile.amount_tolerance and the value otherwise.
  explicit Tolerance(std::string_view text);

  // The tolerance in `currency`. Digits finer than the currency's minor unit
  // are dropped: amounts differ by whole minor units, so |d| <= 0.015 EUR is
  // exactly |d| <= 0.01 EUR, and 0.01 JPY is 0 yen.
  Money in(Currency currency) const;
  const std::string& text() const { return text_; }

 private:
  static constexpr int kMaxExponent = 6;  // ISO 4217 uses 0..4
  std::string text_;
  std::array<std::int64_t, kMaxExponent + 1> by_exponent_{};
};

}  // namespace o2c::reconcile
