// sim/netsuite/suiteql_zone.h
// The simulated account's time zone (o2csync-sim --ns-timezone, default UTC).
// Stored datetimes stay UTC instants; TO_DATE reads its text and TO_CHAR and
// the default date text write theirs as wall-clock time in this zone, and a
// date column (a calendar day) stands for that day's local midnight, so dates
// and datetimes compare as NetSuite users see them. A wall time that names two
// instants (a fall-back hour) is read as the later one, standard time, which
// is Oracle's default (ERROR_ON_OVERLAP_TIME = FALSE); one that names none (a
// spring-forward gap) is read with the offset in force before the gap, i.e.
// shifted forward by the gap's length (02:30 → 03:30 on a 02:00 → 03:00 night).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "sim/sim_table.h"

namespace date {
class time_zone;
}

namespace o2c::sim::netsuite {

using WallTime = std::chrono::local_time<std::chrono::milliseconds>;  // wall clock, no zone

class AccountZone {
 public:
  AccountZone() = default;  // UTC
  // An IANA name ("UTC", "America/Los_Angeles"); throws Error(config) when
  // the time zone database does not know it.
  explicit AccountZone(std::string_view name);

  const std::string& name() const { return name_; }
  WallTime to_wall(SimTime instant) const;
  SimTime to_instant(WallTime wall) const;
  // Local midnight of a calendar day, as an instant.
  SimTime start_of(SimDate day) const;

 private:
  std::string name_ = "UTC";
  const date::time_zone* zone_ = nullptr;  // nullptr: UTC, no lookups
};

}  // namespace o2c::sim::netsuite
