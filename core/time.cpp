#include "core/time.h"

#include <charconv>
#include <system_error>

#include <fmt/format.h>

#include "core/error.h"

namespace o2c {

namespace {

using namespace std::chrono;

[[noreturn]] void bad_time(std::string_view text, std::string_view what) {
  throw Error(Error::Kind::data, fmt::format("invalid {} '{}'", what, text.substr(0, 64)));
}

// Reads exactly n digits at pos; -1 when they are not all digits.
int digits(std::string_view s, std::size_t pos, std::size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

std::optional<Date> date_prefix(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  const int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
  if (y < 0 || m < 0 || d < 0) return std::nullopt;
  const Date date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (!date.ok()) return std::nullopt;
  return date;
}

// "Z", "+0100", "+01:00", "-05" → offset in minutes; nullopt if malformed.
std::optional<int> zone_offset(std::string_view z) {
  if (z == "Z" || z == "z") return 0;
  if (z.size() < 3 || (z[0] != '+' && z[0] != '-')) return std::nullopt;
  const int sign = z[0] == '-' ? -1 : 1;
  const int h = digits(z, 1, 2);
  int m = 0;
  if (z.size() == 5) m = digits(z, 3, 2);
  else if (z.size() == 6 && z[3] == ':') m = digits(z, 4, 2);
  else if (z.size() != 3) return std::nullopt;
  if (h < 0 || m < 0 || h > 23 || m > 59) return std::nullopt;
  return sign * (h * 60 + m);
}

}  // namespace

std::optional<Timestamp> try_parse_timestamp(std::string_view s) {
  const auto date = date_prefix(s);
  if (!date) return std::nullopt;
  Timestamp t = time_point_cast<milliseconds>(sys_days{*date});
  if (s.size() == 10) return t;
  if (s[10] != 'T' && s[10] != ' ') return std::nullopt;
  const int hh = digits(s, 11, 2), mm = digits(s, 14, 2), ss = digits(s, 17, 2);
  if (s.size() < 19 || s[13] != ':' || s[16] != ':' || hh < 0 || mm < 0 || ss < 0 || hh > 23 || mm > 59 ||
      ss > 60)
    return std::nullopt;
  t += hours{hh} + minutes{mm} + seconds{ss};
  std::size_t pos = 19;
  if (pos < s.size() && s[pos] == '.') {
    ++pos;
    int ms = 0, n = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (n < 3) ms = ms * 10 + (s[pos] - '0');
      ++n;
      ++pos;
    }
    if (n == 0) return std::nullopt;
    for (; n < 3; ++n) ms *= 10;
    t += milliseconds{ms};
  }
  if (pos == s.size()) return t;
  const auto off = zone_offset(s.substr(pos));
  if (!off) return std::nullopt;
  return t - minutes{*off};
}

Timestamp parse_timestamp(std::string_view text) {
  if (auto t = try_parse_timestamp(text)) return *t;
  bad_time(text, "timestamp");
}

Timestamp parse_sap_date(std::string_view s) {
  if (s.size() < 9 || s.substr(0, 6) != "/Date(" || s.substr(s.size() - 2) != ")/") bad_time(s, "SAP date");
  std::string_view inner = s.substr(6, s.size() - 8);
  std::size_t i = inner[0] == '-' ? 1 : 0;
  while (i < inner.size() && inner[i] >= '0' && inner[i] <= '9') ++i;
  if (i == 0 || (i == 1 && inner[0] == '-')) bad_time(s, "SAP date");
  long long ms = 0;
  if (std::from_chars(inner.data(), inner.data() + i, ms).ec != std::errc{}) bad_time(s, "SAP date (out of range)");
  // Edm.DateTime spans 0001-01-01 .. 9999-12-31 (SAP's "unlimited" is 9999-12-31).
  constexpr long long kFirstMs = -62135596800000LL, kEndMs = 253402300800000LL;
  if (ms < kFirstMs || ms >= kEndMs) bad_time(s, "SAP date (outside years 0001-9999)");
  Timestamp t{milliseconds{ms}};
  if (i < inner.size()) {
    // The offset is informational: ms is already UTC (OData v2 convention).
    if (inner.size() - i != 5 || !zone_offset(inner.substr(i))) bad_time(s, "SAP date");
  }
  return t;
}

std::optional<Timestamp> try_parse_wire_timestamp(std::string_view text) {
  if (text.starts_with("/Date(")) {
    try {
      return parse_sap_date(text);
    } catch (const Error&) {
      return std::nullopt;
    }
  }
  return try_parse_timestamp(text);
}

std::optional<Date> try_parse_date(std::string_view text) {
  if (text.size() != 10) return std::nullopt;
  return date_prefix(text);
}

Date parse_date(std::string_view text) {
  if (auto d = try_parse_date(text)) return *d;
  bad_time(text, "date");
}

std::string to_iso8601(Timestamp t) {
  const auto day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss hms{t - day};
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), hms.hours().count(),
                     hms.minutes().count(), hms.seconds().count(), hms.subseconds().count());
}

std::string to_iso8601_seconds(Timestamp t) {
  std::string s = to_iso8601(t);
  return s.substr(0, 19) + "Z";
}

std::string to_iso8601(Date d) {
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(d.year()), static_cast<unsigned>(d.month()),
                     static_cast<unsigned>(d.day()));
}

Date to_date(Timestamp t) { return Date{floor<days>(t)}; }
Timestamp to_timestamp(Date d) { return time_point_cast<milliseconds>(sys_days{d}); }
int days_between(Date from, Date to) { return static_cast<int>((sys_days{to} - sys_days{from}).count()); }

std::chrono::seconds parse_duration(std::string_view text) {
  if (text.size() < 2) throw Error(Error::Kind::config, fmt::format("invalid duration '{}'", text));
  const char unit = text.back();
  long long n = 0;
  for (char c : text.substr(0, text.size() - 1)) {
    if (c < '0' || c > '9' || n > 100'000'000)
      throw Error(Error::Kind::config, fmt::format("invalid duration '{}' (expected e.g. 90s, 15m, 2h, 30d)", text));
    n = n * 10 + (c - '0');
  }
  switch (unit) {
    case 's': return seconds{n};
    case 'm': return minutes{n};
    case 'h': return hours{n};
    case 'd': return days{n};
    default:
      throw Error(Error::Kind::config, fmt::format("invalid duration '{}' (expected e.g. 90s, 15m, 2h, 30d)", text));
  }
}

Timestamp SystemClock::now() const { return time_point_cast<milliseconds>(system_clock::now()); }

}  // namespace o2c
