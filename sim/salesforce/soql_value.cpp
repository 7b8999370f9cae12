#include "sim/salesforce/soql_value.h"

#include <algorithm>

namespace o2c::sim::salesforce::soql {

namespace {

struct DecimalParts {
  bool negative = false;
  std::string_view integer;   // no leading zeros
  std::string_view fraction;  // no trailing zeros
};

std::optional<DecimalParts> split_decimal(std::string_view s) {
  DecimalParts d;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    d.negative = s[0] == '-';
    s.remove_prefix(1);
  }
  const auto dot = s.find('.');
  std::string_view integer = s.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
  const auto all_digits = [](std::string_view x) {
    return std::all_of(x.begin(), x.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if ((integer.empty() && fraction.empty()) || !all_digits(integer) || !all_digits(fraction)) return std::nullopt;
  while (!integer.empty() && integer.front() == '0') integer.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  d.integer = integer;
  d.fraction = fraction;
  if (integer.empty() && fraction.empty()) d.negative = false;  // -0 == 0
  return d;
}

int sign_of(int v) { return (v > 0) - (v < 0); }

int compare_magnitude(const DecimalParts& a, const DecimalParts& b) {
  if (a.integer.size() != b.integer.size()) return a.integer.size() < b.integer.size() ? -1 : 1;
  if (const int c = a.integer.compare(b.integer)) return sign_of(c);
  return sign_of(a.fraction.compare(b.fraction));  // no trailing zeros: lexicographic is numeric
}

char fold(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto lead = static_cast<unsigned char>(s[i]);
  const std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 1;
  return std::min(n, s.size() - i);
}

// Compares ASCII-case-folded bytes only: "ACME" == "acme".
int compare_folded(std::string_view a, std::string_view b) {
  const std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    const auto x = static_cast<unsigned char>(fold(a[i])), y = static_cast<unsigned char>(fold(b[i]));
    if (x != y) return x < y ? -1 : 1;
  }
  return a.size() == b.size() ? 0 : (a.size() < b.size() ? -1 : 1);
}

template <typename T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

}  // namespace

std::optional<int> compare_decimal_text(std::string_view a, std::string_view b) {
  const auto x = split_decimal(a), y = split_decimal(b);
  if (!x || !y) return std::nullopt;
  if (x->negative != y->negative) return x->negative ? -1 : 1;
  const int magnitude = compare_magnitude(*x, *y);
  return x->negative ? -magnitude : magnitude;
}

int compare_text_case_insensitive(std::string_view a, std::string_view b) {
  if (const int folded = compare_folded(a, b)) return folded;
  return sign_of(a.compare(b));
}

std::optional<int> compare_to_literal(const SimValue& value, const Literal& literal, SimType type) {
  switch (literal.kind) {
    case LiteralKind::boolean:
      if (const auto* b = std::get_if<bool>(&value)) return three_way(*b, literal.boolean);
      return std::nullopt;
    case LiteralKind::number:
      if (const auto* d = std::get_if<Decimal>(&value)) return compare_decimal_text(d->text, literal.text);
      return std::nullopt;
    case LiteralKind::string:
      if (const auto* s = std::get_if<std::string>(&value)) {
        if (type == SimType::text) return compare_folded(*s, literal.text);  // SOQL: 'acme' = 'ACME'
        return sign_of(s->compare(literal.text));
      }
      return std::nullopt;
    case LiteralKind::date:
      if (const auto* d = std::get_if<SimDate>(&value)) return three_way(*d, literal.date);
      return std::nullopt;
    case LiteralKind::datetime:
      if (const auto* t = std::get_if<SimTime>(&value)) return three_way(*t, literal.time);
      return std::nullopt;
    case LiteralKind::null: return std::nullopt;
  }
  return std::nullopt;
}

bool like_match(std::string_view text, std::string_view pattern) {
  std::size_t t = 0, p = 0;
  std::size_t star_p = std::string_view::npos, star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size()) {
      const char c = pattern[p];
      if (c == '%') {
        star_p = ++p;
        star_t = t;
        continue;
      }
      if (c == '_') {
        t += utf8_length(text, t);
        ++p;
        continue;
      }
      const bool escaped = c == '\\' && p + 1 < pattern.size();
      if (fold(escaped ? pattern[p + 1] : c) == fold(text[t])) {
        ++t;
        p += escaped ? 2 : 1;
        continue;
      }
    }
    if (star_p == std::string_view::npos) return false;
    star_t += utf8_length(text, star_t);
    t = star_t;
    p = star_p;
  }
  while (p < pattern.size() && pattern[p] == '%') ++p;
  return p == pattern.size();
}

int compare_for_order(const SimValue& a, const SimValue& b, SimType type) {
  if (a.index() != b.index()) return a.index() < b.index() ? -1 : 1;
  if (const auto* s = std::get_if<std::string>(&a)) {
    const auto& other = std::get<std::string>(b);
    return type == SimType::text ? compare_text_case_insensitive(*s, other) : sign_of(s->compare(other));
  }
  if (const auto* d = std::get_if<Decimal>(&a)) {
    const auto& other = std::get<Decimal>(b);
    if (const auto c = compare_decimal_text(d->text, other.text)) return *c;
    // At least one is not a decimal (bad data): valid ones first, then by text (a strict weak order).
    const bool a_valid = split_decimal(d->text).has_value(), b_valid = split_decimal(other.text).has_value();
    if (a_valid != b_valid) return a_valid ? -1 : 1;
    return sign_of(d->text.compare(other.text));
  }
  if (const auto* x = std::get_if<bool>(&a)) return three_way(*x, std::get<bool>(b));
  if (const auto* x = std::get_if<SimDate>(&a)) return three_way(*x, std::get<SimDate>(b));
  if (const auto* x = std::get_if<SimTime>(&a)) return three_way(*x, std::get<SimTime>(b));
  return 0;  // both null
}

}  // namespace o2c::sim::salesforce::soql
