// connectors/sql/sql_timezone.h — the time zone of the database server's
// zone-less DATE and TIMESTAMP values (EBS writes LAST_UPDATE_DATE as the
// server's wall-clock time), and the two conversions between it and the
// connector's UTC cursor (internal to the sql module).
//
// Wall-clock values lose information twice a year: in a fall-back hour one
// wall time names two instants, in a spring-forward gap a wall time names
// none. Both conversions resolve that towards reading more, never less.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include <date/date.h>

#include "core/time.h"

namespace date {
class time_zone;
}

namespace o2c::sql {

using WallTime = date::local_seconds;

class ServerTimeZone {
 public:
  // An IANA name ("UTC", "America/Los_Angeles"). Throws Error(config) naming
  // the setting `timezone` when the time zone database does not know it.
  explicit ServerTimeZone(std::string_view name);

  const std::string& name() const { return name_; }

  // The wall time to bind for `modstamp >= :cursor`: whole seconds, never
  // later than `since` whichever instant the database's wall time stands
  // for (in the first occurrence of a fall-back hour it is moved one DST
  // step earlier, since rows of the second occurrence carry earlier walls).
  WallTime lower_bound(Timestamp since) const;

  struct Reading {
    Timestamp instant;            // UTC
    std::chrono::seconds offset;  // the UTC offset in force at that instant
  };
  // A wall time read from the database. A wall time of a fall-back hour is
  // taken as the earlier of its two instants; one in a spring-forward gap is
  // read with the offset in force before the gap (shifted forward).
  Reading read(WallTime wall) const;

 private:
  std::string name_;
  const date::time_zone* zone_ = nullptr;  // nullptr: UTC, without the time zone database
};

}  // namespace o2c::sql
