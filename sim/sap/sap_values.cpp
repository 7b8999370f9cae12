#include "sim/sap/sap_values.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "sim/sim_json.h"

namespace o2c::sim::sap {

namespace {

using std::chrono::milliseconds;

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool all_digits(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); }

struct DecimalParts {
  bool negative = false;
  std::string_view integer;   // without leading zeros
  std::string_view fraction;  // without trailing zeros
};

std::optional<DecimalParts> decimal_parts(std::string_view s) {
  DecimalParts p;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    p.negative = s[0] == '-';
    s.remove_prefix(1);
  }
  const std::size_t dot = s.find('.');
  std::string_view integer = s.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
  if (integer.empty() && fraction.empty()) return std::nullopt;
  if ((!integer.empty() && !all_digits(integer)) || (dot != std::string_view::npos && !fraction.empty() && !all_digits(fraction)))
    return std::nullopt;
  while (!integer.empty() && integer.front() == '0') integer.remove_prefix(1);
  while (!fraction.empty() && fraction.back() == '0') fraction.remove_suffix(1);
  p.integer = integer;
  p.fraction = fraction;
  if (integer.empty() && fraction.empty()) p.negative = false;   // -0 == 0
  return p;
}

int compare_magnitude(const DecimalParts& a, const DecimalParts& b) {
  if (a.integer.size() != b.integer.size()) return a.integer.size() < b.integer.size() ? -1 : 1;
  if (const int c = a.integer.compare(b.integer); c != 0) return c < 0 ? -1 : 1;
  const int c = a.fraction.compare(b.fraction);   // no trailing zeros: lexicographic is numeric
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

template <typename T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

bool is_string_type(SimType type) { return type == SimType::text || type == SimType::id || type == SimType::reference; }

int compare_strings(std::string_view a, std::string_view b, SimType type) {
  if (type == SimType::id || type == SimType::reference) return alpha_compare(a, b);
  const int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

SimTime midnight(SimDate d) { return std::chrono::time_point_cast<milliseconds>(d); }

std::string offset_suffix(int offset_minutes, bool with_colon) {
  if (offset_minutes == 0 && with_colon) return "Z";
  const int a = std::abs(offset_minutes);
  if (!with_colon) return fmt::format("{}{:04}", offset_minutes < 0 ? '-' : '+', a);   // V2: minutes, 4 digits
  return fmt::format("{}{:02}:{:02}", offset_minutes < 0 ? '-' : '+', a / 60, a % 60);
}

std::string iso_date(SimDate d) {
  const std::chrono::year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

}  // namespace

const char* literal_kind_name(Literal::Kind kind) {
  switch (kind) {
    case Literal::Kind::null: return "null";
    case Literal::Kind::string: return "Edm.String";
    case Literal::Kind::number: return "number";
    case Literal::Kind::boolean: return "Edm.Boolean";
    case Literal::Kind::datetime: return "Edm.DateTime";
    case Literal::Kind::datetimeoffset: return "Edm.DateTimeOffset";
    case Literal::Kind::date: return "Edm.Date";
  }
  return "?";
}

bool is_number_text(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
  const std::size_t start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  bool digits = i > start;
  if (i < s.size() && s[i] == '.') {
    const std::size_t f = ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
    digits = digits || i > f;
  }
  if (!digits) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    const std::size_t e = i;
    while (i < s.size() && is_digit(s[i])) ++i;
    if (i == e) return false;
  }
  return i == s.size();
}

std::optional<int> compare_decimal_text(std::string_view a, std::string_view b) {
  const auto x = decimal_parts(a), y = decimal_parts(b);
  if (!x || !y) return std::nullopt;
  if (x->negative != y->negative) return x->negative ? -1 : 1;
  const int magnitude = compare_magnitude(*x, *y);
  return x->negative ? -magnitude : magnitude;
}

int alpha_compare(std::string_view a, std::string_view b) {
  if (all_digits(a) && all_digits(b)) {
    while (a.size() > 1 && a.front() == '0') a.remove_prefix(1);
    while (b.size() > 1 && b.front() == '0') b.remove_prefix(1);
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  }
  const int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

std::optional<int> compare_to_literal(const SimValue& cell, const Literal& literal, SimType type) {
  using K = Literal::Kind;
  if (std::holds_alternative<std::monostate>(cell) || literal.kind == K::null) return std::nullopt;
  if (const auto* s = std::get_if<std::string>(&cell)) {
    if (!is_string_type(type) || literal.kind != K::string) return std::nullopt;
    return compare_strings(*s, literal.text, type);
  }
  if (const auto* d = std::get_if<Decimal>(&cell)) {
    if (literal.kind != K::number) return std::nullopt;
    return compare_decimal_text(d->text, literal.text);
  }
  if (const auto* b = std::get_if<bool>(&cell)) {
    if (literal.kind != K::boolean) return std::nullopt;
    return three_way(*b, literal.flag);
  }
  if (const auto* day = std::get_if<SimDate>(&cell)) {
    if (literal.kind == K::date) return three_way(*day, literal.date);
    if (literal.kind == K::datetime || literal.kind == K::datetimeoffset) return three_way(midnight(*day), literal.time);
    return std::nullopt;
  }
  if (const auto* t = std::get_if<SimTime>(&cell)) {
    if (literal.kind == K::datetime || literal.kind == K::datetimeoffset) return three_way(*t, literal.time);
    if (literal.kind == K::date) return three_way(*t, midnight(literal.date));
  }
  return std::nullopt;
}

int compare_cells(const SimValue& a, const SimValue& b, SimType type) {
  if (a.index() != b.index()) return a.index() < b.index() ? -1 : 1;   // monostate (null) is index 0: first
  if (const auto* s = std::get_if<std::string>(&a)) return compare_strings(*s, std::get<std::string>(b), type);
  if (const auto* d = std::get_if<Decimal>(&a)) {
    const auto c = compare_decimal_text(d->text, std::get<Decimal>(b).text);
    return c ? *c : three_way(d->text, std::get<Decimal>(b).text);
  }
  if (const auto* x = std::get_if<bool>(&a)) return three_way(*x, std::get<bool>(b));
  if (const auto* x = std::get_if<SimDate>(&a)) return three_way(*x, std::get<SimDate>(b));
  if (const auto* x = std::get_if<SimTime>(&a)) return three_way(*x, std::get<SimTime>(b));
  return 0;
}

std::string iso_datetime(SimTime t, int offset_minutes) {
  const SimTime local = t + std::chrono::minutes(offset_minutes);
  const auto day = std::chrono::floor<std::chrono::days>(local);
  const std::chrono::hh_mm_ss hms{local - day};
  return fmt::format("{}T{:02}:{:02}:{:02}.{:03}0000{}", iso_date(SimDate{day}), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count(), hms.subseconds().count(),
                     offset_suffix(offset_minutes, true));
}

void append_json_value(std::string& out, const SimValue& cell, SimType type, const JsonStyle& style) {
  if (std::holds_alternative<std::monostate>(cell)) {
    out += "null";
  } else if (const auto* b = std::get_if<bool>(&cell)) {
    out += *b ? "true" : "false";
  } else if (const auto* s = std::get_if<std::string>(&cell)) {
    append_json_string(out, *s);
  } else if (const auto* d = std::get_if<Decimal>(&cell)) {
    // V2 and V4 with IEEE754Compatible=true send Edm.Decimal as a string; V4 otherwise as a number.
    if (style.v4 && !style.ieee754_compatible && is_number_text(d->text)) out += d->text;
    else append_json_string(out, d->text);
  } else if (const auto* day = std::get_if<SimDate>(&cell)) {
    if (style.v4) append_json_string(out, iso_date(*day));
    else out += fmt::format("\"/Date({})/\"", midnight(*day).time_since_epoch().count());
  } else if (const auto* t = std::get_if<SimTime>(&cell)) {
    if (style.v4) {
      append_json_string(out, type == SimType::date ? iso_date(std::chrono::floor<std::chrono::days>(*t))
                                                    : iso_datetime(*t, style.offset_minutes));
    } else if (type == SimType::date) {
      out += fmt::format("\"/Date({})/\"", t->time_since_epoch().count());
    } else {
      out += fmt::format("\"/Date({}{})/\"", t->time_since_epoch().count(), offset_suffix(style.offset_minutes, false));
    }
  }
}

std::string key_literal(const SimValue& value) {
  if (const auto* s = std::get_if<std::string>(&value)) {
    std::string out = "'";
    for (const char c : *s) {
      out += c;
      if (c == '\'') out += '\'';
    }
    return out + "'";
  }
  if (const auto* d = std::get_if<Decimal>(&value)) return d->text + "M";
  if (const auto* b = std::get_if<bool>(&value)) return *b ? "true" : "false";
  return "null";
}

}  // namespace o2c::sim::sap
