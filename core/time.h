// core/time.h — UTC instants and business dates, strict ISO 8601 parsing and
// formatting, SAP's /Date(ms±hhmm)/, and the Clock that tests can fix.
// Local time never enters: offsets in input are applied, output is UTC.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace o2c {

using Timestamp = std::chrono::sys_time<std::chrono::milliseconds>;  // always UTC
using Date = std::chrono::year_month_day;                              // a business date

// Strict ISO 8601: "2024-05-01T10:00:00Z", "...T10:00:00.123+0000", "...+01:00",
// "2024-05-01T10:00:00" (no zone: taken as UTC), "2024-05-01" (midnight UTC).
// A space instead of 'T' is accepted; anything else throws Error(data).
Timestamp parse_timestamp(std::string_view text);
std::optional<Timestamp> try_parse_timestamp(std::string_view text);
// "/Date(1714557600000)/" or "/Date(1714557600000+0120)/" (SAP OData v2).
Timestamp parse_sap_date(std::string_view text);
// ISO 8601 as try_parse_timestamp, or SAP OData's "/Date(ms)/" and
// "/Date(ms±hhmm)/": what a mapping's datetime() and date() read.
std::optional<Timestamp> try_parse_wire_timestamp(std::string_view text);
// "2024-05-01" only.
Date parse_date(std::string_view text);
std::optional<Date> try_parse_date(std::string_view text);

std::string to_iso8601(Timestamp t);          // "2024-05-01T10:00:00.000Z"
std::string to_iso8601_seconds(Timestamp t);  // "2024-05-01T10:00:00Z"
std::string to_iso8601(Date d);               // "2024-05-01"
Date to_date(Timestamp t);                     // UTC calendar date
Timestamp to_timestamp(Date d);                // midnight UTC
int days_between(Date from, Date to);          // to - from, in days

// "15m", "2h", "30d", "90s" → duration. Throws Error(config) on anything else.
std::chrono::seconds parse_duration(std::string_view text);

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp now() const = 0;
};

class SystemClock final : public Clock {
 public:
  Timestamp now() const override;
};

class FixedClock final : public Clock {
 public:
  explicit FixedClock(Timestamp t) : t_(t) {}
  Timestamp now() const override { return t_; }
  void set(Timestamp t) { t_ = t; }

 private:
  Timestamp t_;
};

}  // namespace o2c
