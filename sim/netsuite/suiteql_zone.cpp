#include "sim/netsuite/suiteql_zone.h"

#include <date/tz.h>

#include "core/error.h"

namespace o2c::sim::netsuite {

namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

}  // namespace

AccountZone::AccountZone(std::string_view name) : name_(name) {
  if (name == "UTC") return;
  try {
    zone_ = date::locate_zone(name);
  } catch (const std::exception& e) {
    fail(Error::Kind::config, "unknown time zone '{}' (expected an IANA name such as America/Los_Angeles): {}", name,
         e.what());
  }
}

WallTime AccountZone::to_wall(SimTime instant) const {
  if (!zone_) return WallTime(instant.time_since_epoch());
  const date::sys_info info = zone_->get_info(instant);
  return WallTime(instant.time_since_epoch() + info.offset);
}

SimTime AccountZone::to_instant(WallTime wall) const {
  if (!zone_) return SimTime(wall.time_since_epoch());
  const date::local_seconds whole(std::chrono::floor<seconds>(wall.time_since_epoch()));
  const date::local_info info = zone_->get_info(whole);
  // ambiguous: second = the later instant; nonexistent: first = the offset before the gap.
  const seconds offset = info.result == date::local_info::ambiguous ? info.second.offset : info.first.offset;
  return SimTime(wall.time_since_epoch() - offset);
}

SimTime AccountZone::start_of(SimDate day) const {
  return to_instant(WallTime(std::chrono::duration_cast<milliseconds>(day.time_since_epoch())));
}

}  // namespace o2c::sim::netsuite
