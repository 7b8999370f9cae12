// connectors/netsuite/netsuite_timezone.h — the time zone NetSuite reads
// TO_DATE literals and writes TO_CHAR text in (the integration user's
// preference, Home → Set Preferences → Time Zone), and the two conversions
// between it and the connector's UTC cursor (internal to the netsuite module).
//
// Wall-clock text loses information twice a year: in a fall-back hour one
// wall time names two instants, in a spring-forward gap a wall time names
// none. Both conversions resolve that towards reading more, never less.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace date {
class time_zone;
}

namespace o2c::netsuite {

class AccountTimeZone {
 public:
  // An IANA name ("UTC", "America/Los_Angeles"). Throws Error(config) naming
  // the setting `timezone` when the time zone database does not know it.
  explicit AccountTimeZone(std::string_view name);

  const std::string& name() const { return name_; }

  // 'YYYY-MM-DD HH24:MI:SS' text for a lower bound `>= since`: the wall time
  // of `since` in this zone, moved earlier when NetSuite could read it as a
  // later instant (the first occurrence of a fall-back hour: the text is
  // then the same wall time one DST step earlier). Whichever instant NetSuite
  // takes the text for, it is never later than `since`.
  std::string lower_bound_text(Timestamp since) const;

  // 'YYYY-MM-DD HH24:MI:SS' read as wall time in this zone → UTC. A wall time
  // of a fall-back hour is taken as the earlier of its two instants; one in
  // a spring-forward gap (never written by NetSuite) is read with the offset
  // in force before the gap, i.e. shifted forward by the gap's length
  // (02:30 on a 02:00 → 03:00 night reads as 03:30 after the switch).
  // nullopt when the text is not exactly that format or not a valid date.
  std::optional<Timestamp> parse_wall_time(std::string_view text) const;

 private:
  std::string name_;
  const date::time_zone* zone_ = nullptr;  // nullptr: UTC, without the time zone database
};

}  // namespace o2c::netsuite
