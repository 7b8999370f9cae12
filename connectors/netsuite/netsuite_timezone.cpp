// connectors/netsuite/netsuite_timezone.cpp — UTC cursor ↔ NetSuite wall
// time, through howard-hinnant date's tz (the OS database, tzdata).
#include "connectors/netsuite/netsuite_timezone.h"

#include <date/tz.h>
#include <fmt/format.h>

#include "core/error.h"

namespace o2c::netsuite {
namespace {

using std::chrono::seconds;
using Wall = date::local_seconds;
using Instant = date::sys_seconds;

constexpr std::string_view kUtc = "UTC";

// "2026-11-24T10:00:00Z" → "2026-11-24 10:00:00" (the fields, no zone).
std::string wall_text(Wall wall) {
  std::string text = to_iso8601_seconds(Timestamp(wall.time_since_epoch()));
  text[10] = ' ';
  text.pop_back();
  return text;
}

// The latest instant a reader of `wall` may take: the later one of a
// fall-back hour, the shifted-forward one of a spring-forward gap.
Instant latest_reading(const date::time_zone& zone, Wall wall) {
  const date::local_info info = zone.get_info(wall);
  const seconds offset = info.result == date::local_info::ambiguous ? info.second.offset : info.first.offset;
  return Instant(wall.time_since_epoch() - offset);
}

}  // namespace

AccountTimeZone::AccountTimeZone(std::string_view name) : name_(name) {
  if (name == kUtc) return;
  try {
    zone_ = date::locate_zone(name);
  } catch (const std::exception& e) {
    throw Error(Error::Kind::config,
                fmt::format("timezone: unknown time zone '{}' (expected an IANA name such as America/Los_Angeles, "
                            "as in NetSuite under Home → Set Preferences → Time Zone): {}", name, e.what()));
  }
}

std::string AccountTimeZone::lower_bound_text(Timestamp since) const {
  const Instant instant = std::chrono::floor<seconds>(since);  // whole seconds: flooring keeps it <= since
  if (!zone_) return wall_text(Wall(instant.time_since_epoch()));
  Wall wall = zone_->to_local(instant);
  // One step suffices with real zone rules (transitions lie months apart);
  // the bound only guards against a pathological database.
  for (int step = 0; step < 4; ++step) {
    const Instant latest = latest_reading(*zone_, wall);
    if (latest <= instant) break;
    wall -= latest - instant;
  }
  return wall_text(wall);
}

std::optional<Timestamp> AccountTimeZone::parse_wall_time(std::string_view text) const {
  // Exactly the TO_CHAR format the connector asks for; core's parser then
  // checks the calendar and reads the fields as if they were UTC.
  if (text.size() != 19 || text[10] != ' ') return std::nullopt;
  const std::optional<Timestamp> fields = try_parse_timestamp(text);
  if (!fields) return std::nullopt;
  if (!zone_) return fields;
  const Wall wall(std::chrono::floor<seconds>(fields->time_since_epoch()));
  // first = the only interval, or the earlier of a fall-back hour, or the one
  // before a spring-forward gap (whose offset shifts the time forward).
  const date::local_info info = zone_->get_info(wall);
  return Timestamp(wall.time_since_epoch() - info.first.offset);
}

}  // namespace o2c::netsuite
