#include "sim/netsuite/suiteql_datefmt.h"

#include <cctype>
#include <chrono>

#include <fmt/format.h>

namespace o2c::sim::netsuite {

namespace {

using Element = DateFormat::Element;

struct ElementName {
  std::string_view name;
  Element element;
};
// Longest first, so HH24 wins over a shorter prefix and MI/MM stay distinct.
constexpr ElementName kElements[] = {{"YYYY", Element::year},   {"HH24", Element::hour24},
                                     {"MM", Element::month},    {"DD", Element::day},
                                     {"MI", Element::minute},   {"SS", Element::second}};

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i)
    if (std::toupper(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  return true;
}

bool is_punctuation(char c) { return std::string_view(" -/,.;:").find(c) != std::string_view::npos; }

void add_literal(DateFormat& f, std::string_view text) {
  if (!f.parts.empty() && f.parts.back().element == Element::literal)
    f.parts.back().text += text;
  else
    f.parts.push_back({Element::literal, std::string(text)});
}

int width_of(Element e) { return e == Element::year ? 4 : 2; }

struct Fields {
  int year = -1;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int& of(Element e) {
    switch (e) {
      case Element::year: return year;
      case Element::month: return month;
      case Element::day: return day;
      case Element::hour24: return hour;
      case Element::minute: return minute;
      default: return second;
    }
  }
};

const char* element_name(Element e) {
  switch (e) {
    case Element::year: return "YYYY";
    case Element::month: return "MM";
    case Element::day: return "DD";
    case Element::hour24: return "HH24";
    case Element::minute: return "MI";
    default: return "SS";
  }
}

int read_number(std::string_view text, std::size_t& i, Element e) {
  const std::size_t start = i;
  int value = 0;
  while (i < text.size() && i - start < static_cast<std::size_t>(width_of(e)) && text[i] >= '0' &&
         text[i] <= '9')
    value = value * 10 + (text[i++] - '0');
  if (i == start)
    throw DateFormatError{fmt::format("expected digits for {} in '{}'", element_name(e), text), start};
  return value;
}

WallTime to_time(const Fields& f, std::string_view text) {
  using namespace std::chrono;
  if (f.year < 0) throw DateFormatError{"the format has no YYYY: the year is required", 0};
  const year_month_day ymd{year{f.year}, month{static_cast<unsigned>(f.month)},
                           day{static_cast<unsigned>(f.day)}};
  if (!ymd.ok()) throw DateFormatError{fmt::format("'{}' is not a valid calendar date", text), 0};
  if (f.hour > 23 || f.minute > 59 || f.second > 59)
    throw DateFormatError{fmt::format("'{}' is not a valid time of day", text), 0};
  return WallTime(local_days(ymd)) + hours(f.hour) + minutes(f.minute) + seconds(f.second);
}

}  // namespace

bool DateFormat::has_time() const {
  for (const auto& p : parts)
    if (p.element == Element::hour24 || p.element == Element::minute || p.element == Element::second)
      return true;
  return false;
}

DateFormat parse_date_format(std::string_view format) {
  DateFormat f;
  std::size_t i = 0;
  while (i < format.size()) {
    if (format[i] == '"') {
      const auto close = format.find('"', i + 1);
      if (close == std::string_view::npos) throw DateFormatError{"unterminated quoted text in date format", i};
      add_literal(f, format.substr(i + 1, close - i - 1));
      i = close + 1;
      continue;
    }
    if (is_punctuation(format[i])) {
      add_literal(f, format.substr(i, 1));
      ++i;
      continue;
    }
    bool matched = false;
    for (const auto& e : kElements) {
      if (starts_with_ci(format.substr(i), e.name)) {
        f.parts.push_back({e.element, {}});
        i += e.name.size();
        matched = true;
        break;
      }
    }
    if (!matched)
      throw DateFormatError{fmt::format("date format element not recognized at '{}' (supported: YYYY MM DD "
                                        "HH24 MI SS, \"text\", punctuation)", format.substr(i)), i};
  }
  return f;
}

std::string format_datetime(WallTime t, const DateFormat& format) {
  using namespace std::chrono;
  const auto day_start = floor<days>(t);
  const year_month_day ymd{day_start};
  const hh_mm_ss hms{floor<seconds>(t - day_start)};
  std::string out;
  for (const auto& p : format.parts) {
    switch (p.element) {
      case Element::year: out += fmt::format("{:04}", static_cast<int>(ymd.year())); break;
      case Element::month: out += fmt::format("{:02}", static_cast<unsigned>(ymd.month())); break;
      case Element::day: out += fmt::format("{:02}", static_cast<unsigned>(ymd.day())); break;
      case Element::hour24: out += fmt::format("{:02}", hms.hours().count()); break;
      case Element::minute: out += fmt::format("{:02}", hms.minutes().count()); break;
      case Element::second: out += fmt::format("{:02}", hms.seconds().count()); break;
      case Element::literal: out += p.text; break;
    }
  }
  return out;
}

WallTime parse_datetime(std::string_view text, const DateFormat& format) {
  Fields fields;
  std::size_t i = 0;
  for (const auto& p : format.parts) {
    if (p.element == Element::literal) {
      if (text.substr(i, p.text.size()) != p.text)
        throw DateFormatError{fmt::format("'{}' does not match the format: expected '{}' at character {}",
                                          text, p.text, i + 1), i};
      i += p.text.size();
      continue;
    }
    if (i >= text.size())
      throw DateFormatError{fmt::format("'{}' is too short for the date format", text), i};
    fields.of(p.element) = read_number(text, i, p.element);
  }
  if (i != text.size())
    throw DateFormatError{fmt::format("date format ends before the whole input '{}' was converted", text), i};
  return to_time(fields, text);
}

}  // namespace o2c::sim::netsuite
