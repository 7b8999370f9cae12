// ISO 8601 week dates: week 1 is the week with the year's first Thursday.
#include <fmt/format.h>

#include <chrono>

#include "core/error.h"
#include "reports/reports.h"

namespace o2c::reports {

namespace {

using std::chrono::days;
using std::chrono::sys_days;

sys_days monday_of_week_one(int year) {
  const sys_days jan4{std::chrono::year{year} / 1 / 4};
  return jan4 - days{std::chrono::weekday{jan4}.iso_encoding() - 1};
}

[[noreturn]] void bad_week(std::string_view text, std::string_view why) {
  throw Error(Error::Kind::config, fmt::format("invalid ISO week '{}': {}", text.substr(0, 32), why));
}

int digits(std::string_view text, std::size_t from, std::size_t count) {
  int value = 0;
  for (std::size_t i = from; i < from + count; ++i) {
    if (text[i] < '0' || text[i] > '9') return -1;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

void check(std::string_view text, int year, int week) {
  if (year < 1 || year > 9999) bad_week(text, "the year must be 0001..9999");
  const int weeks = iso_weeks_in_year(year);
  if (week < 1 || week > weeks) bad_week(text, fmt::format("{} has ISO weeks 01..{}", year, weeks));
}

}  // namespace

int iso_weeks_in_year(int year) {
  const std::chrono::year y{year};
  const std::chrono::weekday jan1{sys_days{y / 1 / 1}};
  const bool long_year = jan1 == std::chrono::Thursday || (y.is_leap() && jan1 == std::chrono::Wednesday);
  return long_year ? 53 : 52;
}

IsoWeek IsoWeek::parse(std::string_view text) {
  const int year = text.size() == 8 && text[4] == '-' && text[5] == 'W' ? digits(text, 0, 4) : -1;
  const int week = year >= 0 ? digits(text, 6, 2) : -1;
  if (year < 0 || week < 0) bad_week(text, "expected YYYY-Www, e.g. 2026-W48");
  check(text, year, week);
  return IsoWeek(year, week);
}

IsoWeek IsoWeek::of(int year, int week) {
  check(fmt::format("{:04}-W{:02}", year, week), year, week);
  return IsoWeek(year, week);
}

IsoWeek IsoWeek::containing(Timestamp t) {
  const sys_days day = std::chrono::floor<days>(t);
  const sys_days thursday = day + days{4 - static_cast<int>(std::chrono::weekday{day}.iso_encoding())};
  const int year = static_cast<int>(std::chrono::year_month_day{thursday}.year());
  return IsoWeek(year, static_cast<int>((thursday - monday_of_week_one(year)).count() / 7) + 1);
}

Date IsoWeek::monday() const { return Date{monday_of_week_one(year_) + days{7 * (week_ - 1)}}; }
Date IsoWeek::sunday() const { return Date{sys_days{monday()} + days{6}}; }
Timestamp IsoWeek::start() const { return to_timestamp(monday()); }
Timestamp IsoWeek::end() const { return to_timestamp(Date{sys_days{monday()} + days{7}}); }
std::string IsoWeek::to_text() const { return fmt::format("{:04}-W{:02}", year_, week_); }

}  // namespace o2c::reports
