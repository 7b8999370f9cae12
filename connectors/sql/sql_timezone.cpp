// connectors/sql/sql_timezone.cpp — UTC cursor ↔ the server's wall time,
// through howard-hinnant date's tz (the OS database, tzdata).
#include "connectors/sql/sql_timezone.h"

#include <date/tz.h>
#include <fmt/format.h>

#include "core/error.h"

namespace o2c::sql {
namespace {

using std::chrono::seconds;
using Instant = date::sys_seconds;

constexpr std::string_view kUtc = "UTC";

// The latest instant the database's wall time may stand for: the later one
// of a fall-back hour, the shifted-forward one of a spring-forward gap.
Instant latest_reading(const date::time_zone& zone, WallTime wall) {
  const date::local_info info = zone.get_info(wall);
  const seconds offset = info.result == date::local_info::ambiguous ? info.second.offset : info.first.offset;
  return Instant(wall.time_since_epoch() - offset);
}

}  // namespace

ServerTimeZone::ServerTimeZone(std::string_view name) : name_(name) {
  if (name == kUtc) return;
  try {
    zone_ = date::locate_zone(name);
  } catch (const std::exception& e) {
    throw Error(Error::Kind::config,
                fmt::format("timezone: unknown time zone '{}' (expected the IANA name of the database server's "
                            "zone, such as America/Los_Angeles): {}", name, e.what()));
  }
}

WallTime ServerTimeZone::lower_bound(Timestamp since) const {
  const Instant instant = std::chrono::floor<seconds>(since);  // whole seconds: flooring keeps it <= since
  if (!zone_) return WallTime(instant.time_since_epoch());
  WallTime wall = zone_->to_local(instant);
  // One step suffices with real zone rules (transitions lie months apart);
  // the bound only guards against a pathological database.
  for (int step = 0; step < 4; ++step) {
    const Instant latest = latest_reading(*zone_, wall);
    if (latest <= instant) break;
    wall -= latest - instant;
  }
  return wall;
}

ServerTimeZone::Reading ServerTimeZone::read(WallTime wall) const {
  if (!zone_) return {Timestamp(wall.time_since_epoch()), seconds{0}};
  // first = the only interval, or the earlier of a fall-back hour, or the one
  // before a spring-forward gap (whose offset shifts the time forward).
  const date::local_info info = zone_->get_info(wall);
  return {Timestamp(wall.time_since_epoch() - info.first.offset), info.first.offset};
}

}  // namespace o2c::sql
