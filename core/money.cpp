#include "core/money.h"

#include <limits>

#include "core/error.h"

namespace o2c {

namespace detail {
int currency_exponent(std::string_view code);
}

Currency Currency::parse(std::string_view code) {
  const int exp = code.size() == 3 ? detail::currency_exponent(code) : -1;
  if (exp < 0) throw Error(Error::Kind::data, fmt::format("unknown currency '{}' (not an ISO 4217 code)", code));
  Currency c;
  for (int i = 0; i < 3; ++i) c.code_[i] = code[static_cast<std::size_t>(i)];
  c.exponent_ = exp;
  return c;
}

bool Currency::is_known(std::string_view code) {
  return code.size() == 3 && detail::currency_exponent(code) >= 0;
}

namespace {

constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();

[[noreturn]] void bad_amount(std::string_view text, std::string_view why) {
  throw Error(Error::Kind::data, fmt::format("invalid amount '{}': {}", text.substr(0, 64), why));
}

bool mul_add(std::int64_t& acc, int digit) {
  if (acc > (kMax - digit) / 10) return false;
  acc = acc * 10 + digit;
  return true;
}

// Exact decimal text → integer scaled by 10^exponent. Accepts an optional
// sign, digits with one '.', and an E/e exponent (JSON numbers may use it).
std::int64_t parse_scaled(std::string_view text, int exponent, bool allow_sign) {
  if (text.empty()) bad_amount(text, "empty");
  std::size_t i = 0;
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    if (!allow_sign) bad_amount(text, "sign not allowed");
    negative = text[0] == '-';
    i = 1;
  }
  std::string digits;
  int frac_digits = 0;
  bool seen_dot = false, seen_digit = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
      seen_digit = true;
      if (seen_dot) ++frac_digits;
    } else if (c == '.' && !seen_dot) {
      seen_dot = true;
    } else if ((c == 'e' || c == 'E') && seen_digit) {
      break;
    } else {
      bad_amount(text, "not a decimal number");
    }
  }
  if (!seen_digit) bad_amount(text, "no digits");
  int exp10 = 0;
  if (i < text.size()) {  // exponent part
    std::string_view e = text.substr(i + 1);
    bool eneg = false;
    if (!e.empty() && (e[0] == '-' || e[0] == '+')) {
      eneg = e[0] == '-';
      e.remove_prefix(1);
    }
    if (e.empty() || e.size() > 3) bad_amount(text, "bad exponent");
    for (char c : e) {
      if (c < '0' || c > '9') bad_amount(text, "bad exponent");
      exp10 = exp10 * 10 + (c - '0');
    }
    if (eneg) exp10 = -exp10;
  }
  // value = digits * 10^(exp10 - frac_digits); we want value * 10^exponent.
  int shift = exponent + exp10 - frac_digits;
  while (shift < 0) {  // drop trailing zeros only; anything else is too precise
    if (digits.empty() || digits.back() != '0')
      bad_amount(text, fmt::format("more than {} decimals", exponent));
    digits.pop_back();
    ++shift;
  }
  std::int64_t value = 0;
  for (char c : digits)
    if (!mul_add(value, c - '0')) bad_amount(text, "too large");
  for (; shift > 0; --shift)
    if (!mul_add(value, 0)) bad_amount(text, "too large");
  return negative ? -value : value;
}

void require_same(Currency a, Currency b) {
  if (!(a == b)) throw Error(Error::Kind::data, fmt::format("currency mismatch: {} vs {}", a.code(), b.code()));
}

}  // namespace

std::int64_t parse_minor_units(std::string_view decimal, int exponent) {
  return parse_scaled(decimal, exponent, false);
}

Money Money::parse(std::string_view decimal, Currency currency) {
  if (!currency.is_set()) throw Error(Error::Kind::data, "amount without a currency");
  return Money(parse_scaled(decimal, currency.exponent(), true), currency);
}

std::string Money::to_decimal() const {
  const int exp = currency_.exponent();
  const bool negative = minor_ < 0;
  // Work in unsigned so INT64_MIN formats correctly.
  std::uint64_t v = negative ? 0 - static_cast<std::uint64_t>(minor_) : static_cast<std::uint64_t>(minor_);
  std::string digits = std::to_string(v);
  if (exp > 0) {
    if (digits.size() <= static_cast<std::size_t>(exp))
      digits.insert(0, static_cast<std::size_t>(exp) + 1 - digits.size(), '0');
    digits.insert(digits.size() - static_cast<std::size_t>(exp), 1, '.');
  }
  return negative ? "-" + digits : digits;
}

Money operator+(Money a, Money b) {
  require_same(a.currency_, b.currency_);
  std::int64_t out;
  if (__builtin_add_overflow(a.minor_, b.minor_, &out)) throw Error(Error::Kind::data, "amount overflow");
  return Money(out, a.currency_);
}

Money operator-(Money a, Money b) { return a + (-b); }

bool Money::within(Money other, Money tolerance) const {
  return (*this - other).abs().compare(tolerance.abs()) != std::strong_ordering::greater;
}

std::strong_ordering Money::compare(Money other) const {
  require_same(currency_, other.currency_);
  return minor_ <=> other.minor_;
}

}  // namespace o2c
