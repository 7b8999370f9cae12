// core/money.h — exact money: integer minor units + ISO 4217 currency.
// Parsed from decimal text ("1200.5", "-3", "1.2E3"), never from a double.
// A value with more decimals than the currency allows is an error, not rounded.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace o2c {

class Currency {
 public:
  Currency() = default;  // an "unset" currency (code ""), only for default construction
  // Throws Error(data) on a code that is not an active ISO 4217 currency.
  static Currency parse(std::string_view code);
  static bool is_known(std::string_view code);
  std::string_view code() const { return {code_, 3}; }
  int exponent() const { return exponent_; }   // decimals: JPY 0, EUR 2, BHD 3
  bool is_set() const { return code_[0] != '\0'; }
  bool operator==(const Currency& o) const { return code() == o.code(); }

 private:
  char code_[4] = {0, 0, 0, 0};
  int exponent_ = 2;
};

class Money {
 public:
  Money() = default;
  Money(std::int64_t minor, Currency currency) : minor_(minor), currency_(currency) {}
  // "12.30" EUR → 1230; "1.234" EUR → Error(data); "1.2300" EUR → 123 0 ok (trailing zeros).
  static Money parse(std::string_view decimal, Currency currency);
  static Money zero(Currency currency) { return Money(0, currency); }

  std::int64_t minor() const { return minor_; }
  Currency currency() const { return currency_; }
  bool is_zero() const { return minor_ == 0; }
  bool is_negative() const { return minor_ < 0; }

  // Decimal text with exactly the currency's decimals: "1200.50", "-3.00", "1200" (JPY).
  std::string to_decimal() const;

  Money operator-() const { return Money(-minor_, currency_); }
  friend Money operator+(Money a, Money b);   // throws Error(data) on currency mismatch
  friend Money operator-(Money a, Money b);
  Money& operator+=(Money b) { return *this = *this + b; }
  Money& operator-=(Money b) { return *this = *this - b; }
  Money abs() const { return Money(minor_ < 0 ? -minor_ : minor_, currency_); }
  // |this - other| <= tolerance (all three in one currency).
  bool within(Money other, Money tolerance) const;
  // Ordering only within one currency; throws across currencies.
  std::strong_ordering compare(Money other) const;

  bool operator==(const Money&) const = default;

 private:
  std::int64_t minor_ = 0;
  Currency currency_;
};

// Parses an unsigned decimal amount in *major* units of a given exponent into
// minor units without a currency (used for tolerances like "0.01").
std::int64_t parse_minor_units(std::string_view decimal, int exponent);

}  // namespace o2c

template <>
struct fmt::formatter<o2c::Currency> : fmt::formatter<std::string_view> {
  auto format(const o2c::Currency& c, format_context& ctx) const {
    return fmt::formatter<std::string_view>::format(c.code(), ctx);
  }
};

template <>
struct fmt::formatter<o2c::Money> : fmt::formatter<std::string_view> {
  auto format(const o2c::Money& m, format_context& ctx) const {
    return fmt::format_to(ctx.out(), "{} {}", m.to_decimal(), m.currency().code());
  }
};
