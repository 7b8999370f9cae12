#include "sim/oracle/oracle_value.h"

#include <fmt/format.h>

#include "core/time.h"

namespace o2c::sim::oracle {

namespace {

struct DecimalParts {
  bool negative = false;
  std::string_view whole, fraction;   // without leading / trailing zeros
};

std::optional<DecimalParts> split_decimal(std::string_view text) {
  if (!is_decimal_text(text)) return std::nullopt;
  DecimalParts p;
  if (text.front() == '-') {
    p.negative = true;
    text.remove_prefix(1);
  }
  const auto dot = text.find('.');
  p.whole = text.substr(0, dot);
  p.fraction = dot == std::string_view::npos ? std::string_view{} : text.substr(dot + 1);
  while (!p.whole.empty() && p.whole.front() == '0') p.whole.remove_prefix(1);
  while (!p.fraction.empty() && p.fraction.back() == '0') p.fraction.remove_suffix(1);
  if (p.whole.empty() && p.fraction.empty()) p.negative = false;   // -0 == 0
  return p;
}

int compare_magnitude(const DecimalParts& a, const DecimalParts& b) {
  if (a.whole.size() != b.whole.size()) return a.whole.size() < b.whole.size() ? -1 : 1;
  if (const int c = a.whole.compare(b.whole); c != 0) return c < 0 ? -1 : 1;
  const int c = a.fraction.compare(b.fraction);   // no trailing zeros: text order is numeric order
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

template <typename T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : b < a ? 1 : 0;
}

std::optional<std::string_view> numeric_text(const SimValue& v) {
  if (const auto* d = std::get_if<Decimal>(&v)) return std::string_view(d->text);
  if (const auto* s = std::get_if<std::string>(&v)) return std::string_view(*s);
  return std::nullopt;
}

}  // namespace

bool is_decimal_text(std::string_view text) {
  std::size_t i = !text.empty() && text.front() == '-' ? 1 : 0;
  const std::size_t digits_start = i;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  if (i == digits_start) return false;
  if (i == text.size()) return true;
  if (text[i] != '.' || ++i == text.size()) return false;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
  return i == text.size();
}

std::optional<int> compare_decimal(std::string_view a, std::string_view b) {
  const auto pa = split_decimal(a), pb = split_decimal(b);
  if (!pa || !pb) return std::nullopt;
  if (pa->negative != pb->negative) return pa->negative ? -1 : 1;
  const int c = compare_magnitude(*pa, *pb);
  return pa->negative ? -c : c;
}

std::optional<int> compare_cells(const SimValue& a, const SimValue& b) {
  if (std::holds_alternative<std::monostate>(a) || std::holds_alternative<std::monostate>(b)) return std::nullopt;
  const bool a_decimal = std::holds_alternative<Decimal>(a), b_decimal = std::holds_alternative<Decimal>(b);
  if (a_decimal || b_decimal) {
    const auto ta = numeric_text(a), tb = numeric_text(b);
    if (!ta || !tb) return std::nullopt;
    return compare_decimal(*ta, *tb);
  }
  if (const auto* sa = std::get_if<std::string>(&a)) {
    const auto* sb = std::get_if<std::string>(&b);
    if (!sb) return std::nullopt;
    const int c = sa->compare(*sb);
    return c < 0 ? -1 : c > 0 ? 1 : 0;
  }
  const auto as_time = [](const SimValue& v) -> std::optional<SimTime> {
    if (const auto* t = std::get_if<SimTime>(&v)) return *t;
    if (const auto* d = std::get_if<SimDate>(&v)) return SimTime(*d);
    return std::nullopt;
  };
  if (std::holds_alternative<SimDate>(a) && std::holds_alternative<SimDate>(b))
    return three_way(std::get<SimDate>(a), std::get<SimDate>(b));
  if (const auto ta = as_time(a), tb = as_time(b); ta && tb) return three_way(*ta, *tb);
  if (std::holds_alternative<bool>(a) && std::holds_alternative<bool>(b))
    return three_way(std::get<bool>(a), std::get<bool>(b));
  return std::nullopt;
}

int sort_order(const SimValue& a, const SimValue& b) {
  const bool null_a = std::holds_alternative<std::monostate>(a), null_b = std::holds_alternative<std::monostate>(b);
  if (null_a || null_b) return null_a == null_b ? 0 : null_a ? 1 : -1;
  if (const auto c = compare_cells(a, b)) return *c;
  if (a.index() != b.index()) return a.index() < b.index() ? -1 : 1;
  return three_way(cell_text(a), cell_text(b));
}

bool like_match(std::string_view text, std::string_view pattern) {
  // Iterative wildcard match with backtracking to the last run wildcard.
  std::size_t t = 0, p = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '_' || pattern[p] == text[t])
        && pattern[p] != '%' && pattern[p] != '*') {
      ++t;
      ++p;
    } else if (p < pattern.size() && (pattern[p] == '%' || pattern[p] == '*')) {
      star = p++;
      mark = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && (pattern[p] == '%' || pattern[p] == '*')) ++p;
  return p == pattern.size();
}

std::string format_datetime(SimTime t) {
  const std::string iso = to_iso8601(t);   // 2026-11-24T10:00:00.000Z
  return iso.substr(0, iso.size() - 1) + "+00:00";
}

std::string cell_text(const SimValue& value) {
  struct Visitor {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(const Decimal& d) const { return d.text; }
    std::string operator()(const std::string& s) const { return s; }
    std::string operator()(SimDate d) const { return to_iso8601(Date{d}); }
    std::string operator()(SimTime t) const { return format_datetime(t); }
  };
  return std::visit(Visitor{}, value);
}

}  // namespace o2c::sim::oracle
