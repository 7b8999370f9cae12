#include "sim/netsuite/suiteql_value.h"

#include <chrono>

#include <fmt/format.h>

namespace o2c::sim::netsuite {

namespace {

struct DecimalParts {
  bool negative = false;
  std::string_view integer;   // without leading zeros
  std::string_view fraction;  // without trailing zeros
};

bool all_digits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::optional<DecimalParts> split_decimal(std::string_view s) {
  DecimalParts d;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    d.negative = s[0] == '-';
    s.remove_prefix(1);
  }
  const auto dot = s.find('.');
  d.integer = s.substr(0, dot);
  d.fraction = dot == std::string_view::npos ? std::string_view{} : s.substr(dot + 1);
  if ((d.integer.empty() && d.fraction.empty()) || !all_digits(d.integer) || !all_digits(d.fraction))
    return std::nullopt;
  while (!d.integer.empty() && d.integer.front() == '0') d.integer.remove_prefix(1);
  while (!d.fraction.empty() && d.fraction.back() == '0') d.fraction.remove_suffix(1);
  if (d.integer.empty() && d.fraction.empty()) d.negative = false;  // -0 == 0
  return d;
}

int sign_of(int c) { return (c > 0) - (c < 0); }

int compare_magnitude(const DecimalParts& a, const DecimalParts& b) {
  if (a.integer.size() != b.integer.size()) return a.integer.size() < b.integer.size() ? -1 : 1;
  if (const int c = a.integer.compare(b.integer)) return sign_of(c);
  // Trailing zeros are stripped, so plain lexicographic order is numeric order.
  return sign_of(a.fraction.compare(b.fraction));
}

int compare_parts(const DecimalParts& a, const DecimalParts& b) {
  if (a.negative != b.negative) return a.negative ? -1 : 1;
  const int m = compare_magnitude(a, b);
  return a.negative ? -m : m;
}

int compare_time(SimTime a, SimTime b) { return (a > b) - (a < b); }

bool numeric_like(const Val& v) { return v.kind == Val::Kind::number || v.kind == Val::Kind::text; }

std::string_view text_of_boolean(bool b) { return b ? "T" : "F"; }

std::size_t utf8_length_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = 1;
  if ((c & 0xE0) == 0xC0) n = 2;
  else if ((c & 0xF0) == 0xE0) n = 3;
  else if ((c & 0xF8) == 0xF0) n = 4;
  return std::min(n, s.size() - i);
}

std::string default_date_text(WallTime t) {
  const std::chrono::year_month_day ymd{std::chrono::floor<std::chrono::days>(t)};
  return fmt::format("{}/{}/{}", static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     static_cast<int>(ymd.year()));
}

}  // namespace

Tri tri_not(Tri a) { return a == Tri::unknown ? a : (a == Tri::yes ? Tri::no : Tri::yes); }
Tri tri_and(Tri a, Tri b) {
  if (a == Tri::no || b == Tri::no) return Tri::no;
  return (a == Tri::yes && b == Tri::yes) ? Tri::yes : Tri::unknown;
}
Tri tri_or(Tri a, Tri b) {
  if (a == Tri::yes || b == Tri::yes) return Tri::yes;
  return (a == Tri::no && b == Tri::no) ? Tri::no : Tri::unknown;
}

bool is_decimal(std::string_view text) { return split_decimal(text).has_value(); }

std::optional<int> compare_decimal(std::string_view a, std::string_view b) {
  const auto da = split_decimal(a);
  const auto db = split_decimal(b);
  if (!da || !db) return std::nullopt;
  return compare_parts(*da, *db);
}

std::optional<int> compare_values(const Val& a, const Val& b) {
  using K = Val::Kind;
  if (a.is_null() || b.is_null()) return std::nullopt;
  if (a.is_temporal() || b.is_temporal()) {
    if (!a.is_temporal() || !b.is_temporal()) return std::nullopt;
    return compare_time(a.time, b.time);
  }
  if ((a.kind == K::number || b.kind == K::number) && numeric_like(a) && numeric_like(b))
    return compare_decimal(a.text, b.text);
  const std::string_view ta = a.kind == K::boolean ? text_of_boolean(a.flag) : std::string_view(a.text);
  const std::string_view tb = b.kind == K::boolean ? text_of_boolean(b.flag) : std::string_view(b.text);
  if (a.kind == K::number || b.kind == K::number) return std::nullopt;  // number vs boolean
  return sign_of(ta.compare(tb));
}

int order_values(const Val& a, const Val& b) {
  const auto rank = [](const Val& v) {
    switch (v.kind) {
      case Val::Kind::number: return is_decimal(v.text) ? 1 : 2;
      case Val::Kind::text: return 3;
      case Val::Kind::boolean: return 4;
      case Val::Kind::date:
      case Val::Kind::time: return 5;
      case Val::Kind::null: break;
    }
    return 9;  // nulls last
  };
  const int ra = rank(a), rb = rank(b);
  if (ra != rb) return ra < rb ? -1 : 1;
  switch (ra) {
    case 1: return *compare_decimal(a.text, b.text);
    case 2:
    case 3: return sign_of(a.text.compare(b.text));
    case 4: return (a.flag > b.flag) - (a.flag < b.flag);
    case 5: return compare_time(a.time, b.time);
    default: return 0;
  }
}

std::string join_key(const Val& v) {
  switch (v.kind) {
    case Val::Kind::null: return {};
    case Val::Kind::boolean: return fmt::format("s{}", text_of_boolean(v.flag));
    case Val::Kind::date:
    case Val::Kind::time: return fmt::format("t{}", v.time.time_since_epoch().count());
    case Val::Kind::number:
    case Val::Kind::text: break;
  }
  if (const auto d = split_decimal(v.text))
    return fmt::format("n{}{}.{}", d->negative ? "-" : "", d->integer, d->fraction);
  return (v.kind == Val::Kind::number ? "x" : "s") + v.text;
}

bool like_match(std::string_view text, std::string_view pattern) {
  constexpr auto npos = std::string_view::npos;
  std::size_t t = 0, p = 0, star_p = npos, star_t = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '%') {
      star_p = ++p;
      star_t = t;
    } else if (p < pattern.size() && pattern[p] == '_') {
      t += utf8_length_at(text, t);
      ++p;
    } else if (p < pattern.size() && pattern[p] == text[t]) {
      ++p;
      ++t;
    } else if (star_p != npos) {
      p = star_p;
      star_t += utf8_length_at(text, star_t);
      t = star_t;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '%') ++p;
  return p == pattern.size();
}

std::optional<std::string> output_text(const Val& v, const AccountZone& zone) {
  if (v.is_null()) return std::nullopt;
  return as_text(v, zone);
}

std::string as_text(const Val& v, const AccountZone& zone) {
  switch (v.kind) {
    case Val::Kind::null: return {};
    case Val::Kind::boolean: return std::string(text_of_boolean(v.flag));
    case Val::Kind::number:
    case Val::Kind::text: return v.text;
    case Val::Kind::date:
    case Val::Kind::time: return default_date_text(zone.to_wall(v.time));
  }
  return {};
}

Val from_sim(const SimValue& value, SimType type, const AccountZone& zone) {
  struct Visitor {
    SimType type;
    const AccountZone& zone;
    Val operator()(std::monostate) const { return Val::null(); }
    Val operator()(bool b) const { return Val::boolean(b); }
    Val operator()(const Decimal& d) const { return Val::number(d.text); }
    Val operator()(const std::string& s) const {
      const bool numeric_column = type == SimType::decimal ||
                                  ((type == SimType::id || type == SimType::reference) && is_decimal(s));
      return numeric_column ? Val::number(s) : Val::string(s);
    }
    Val operator()(const SimDate& d) const { return Val::date(zone.start_of(d)); }
    Val operator()(const SimTime& t) const { return Val::datetime(t); }
  };
  return std::visit(Visitor{type, zone}, value);
}

}  // namespace o2c::sim::netsuite
