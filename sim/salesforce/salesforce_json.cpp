#include "sim/salesforce/salesforce_json.h"

#include <fmt/format.h>

namespace o2c::sim::salesforce {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Advances `i` over one or more digits; false when there is none.
bool skip_digits(std::string_view s, std::size_t& i) {
  const std::size_t start = i;
  while (i < s.size() && is_digit(s[i])) ++i;
  return i > start;
}

}  // namespace

bool is_json_number(std::string_view s) {
  std::size_t i = 0;
  if (i < s.size() && s[i] == '-') ++i;
  if (i < s.size() && s[i] == '0') {
    ++i;
  } else if (!skip_digits(s, i)) {
    return false;
  }
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (!skip_digits(s, i)) return false;
  }
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (!skip_digits(s, i)) return false;
  }
  return i == s.size();
}

std::string format_date(SimDate d) {
  const std::chrono::year_month_day ymd{d};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

std::string format_datetime(SimTime t) {
  using namespace std::chrono;
  const auto day = floor<days>(t);
  const hh_mm_ss<milliseconds> time{t - day};
  return fmt::format("{}T{:02}:{:02}:{:02}.{:03}+0000", format_date(day), time.hours().count(), time.minutes().count(),
                     time.seconds().count(), time.subseconds().count());
}

void append_json_value(std::string& out, const SimValue& value) {
  struct Writer {
    std::string& out;
    void operator()(std::monostate) const { out += "null"; }
    void operator()(bool b) const { out += b ? "true" : "false"; }
    void operator()(const Decimal& d) const {
      if (is_json_number(d.text))
        out += d.text;
      else
        append_json_string(out, d.text);  // not a number after all: keep the text, keep the JSON valid
    }
    void operator()(const std::string& s) const { append_json_string(out, s); }
    void operator()(SimDate d) const { append_json_string(out, format_date(d)); }
    void operator()(SimTime t) const { append_json_string(out, format_datetime(t)); }
  };
  std::visit(Writer{out}, value);
}

}  // namespace o2c::sim::salesforce
