// tests/unit/connectors/sql/sql_timezone_test.cpp — the UTC cursor ↔ the
// database server's wall time: both ways on ordinary days, and across both
// DST switches the bound never lets the database skip a row, checked against
// date's tz for every 10 minutes of a year in zones with odd rules.
#include "connectors/sql/sql_timezone.h"

#include <date/tz.h>
#include <gtest/gtest.h>

#include "core/error.h"

namespace o2c::sql {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

Timestamp utc(std::string_view iso) { return parse_timestamp(iso); }
WallTime wall(std::string_view text) {
  return WallTime(std::chrono::floor<std::chrono::seconds>(parse_timestamp(text)).time_since_epoch());
}

TEST(SqlTimeZone, UtcIsTheIdentityAndFloorsToSeconds) {
  const ServerTimeZone zone("UTC");
  EXPECT_EQ(zone.lower_bound(utc("2026-11-24T10:00:00.900Z")), wall("2026-11-24T10:00:00"));
  EXPECT_EQ(zone.read(wall("2026-11-24T10:00:00")).instant, utc("2026-11-24T10:00:00Z"));
  EXPECT_EQ(zone.read(wall("2026-11-24T10:00:00")).offset.count(), 0);
}

TEST(SqlTimeZone, OrdinaryDays) {
  const ServerTimeZone la("America/Los_Angeles"), tokyo("Asia/Tokyo");
  EXPECT_EQ(la.lower_bound(utc("2026-11-24T03:00:00Z")), wall("2026-11-23T19:00:00"));
  EXPECT_EQ(la.read(wall("2026-11-23T19:00:00")).instant, utc("2026-11-24T03:00:00Z"));
  EXPECT_EQ(la.read(wall("2026-07-15T05:00:00")).offset, -hours(7));
  EXPECT_EQ(tokyo.read(wall("2026-11-25T05:00:00")).instant, utc("2026-11-24T20:00:00Z"));
}

TEST(SqlTimeZone, FallBackHourReadsTheEarlierInstantAndBoundsBeforeBothReadings) {
  const ServerTimeZone la("America/Los_Angeles");  // 2026-11-01 02:00 PDT → 01:00 PST
  EXPECT_EQ(la.read(wall("2026-11-01T01:30:00")).instant, utc("2026-11-01T08:30:00Z"));  // the PDT reading
  // 08:30Z is 01:30 PDT; the 01:10 PST rows (09:10Z, later) carry an earlier wall time: one hour back.
  EXPECT_EQ(la.lower_bound(utc("2026-11-01T08:30:00Z")), wall("2026-11-01T00:30:00"));
  // In the second occurrence the wall time is exact.
  EXPECT_EQ(la.lower_bound(utc("2026-11-01T09:30:00Z")), wall("2026-11-01T01:30:00"));
}

TEST(SqlTimeZone, SpringForwardGapShiftsForward) {
  const ServerTimeZone la("America/Los_Angeles");  // 2026-03-08 02:00 PST → 03:00 PDT
  EXPECT_EQ(la.read(wall("2026-03-08T02:30:00")).instant, utc("2026-03-08T10:30:00Z"));  // = 03:30 PDT
  EXPECT_EQ(la.lower_bound(utc("2026-03-08T10:00:00Z")), wall("2026-03-08T03:00:00"));
}

// For every instant, no instant at or after it can have been written with a
// wall time before the bound (the database compares wall times).
TEST(SqlTimeZone, TheBoundNeverSkipsARowInOddZones) {
  for (const char* name : {"America/Los_Angeles", "Europe/Paris", "Australia/Lord_Howe", "America/St_Johns"}) {
    const ServerTimeZone zone(name);
    const date::time_zone* tz = date::locate_zone(name);
    const Timestamp start = utc("2026-01-01T00:00:00Z");
    for (Timestamp since = start; since < start + hours(24 * 365); since += minutes(10)) {
      const WallTime bound = zone.lower_bound(since);
      // The rows most at risk: the next two hours of instants.
      for (auto later = since; later < since + hours(2); later += minutes(20)) {
        const auto written = tz->to_local(std::chrono::floor<std::chrono::seconds>(later));
        ASSERT_GE(written, bound) << name << " since " << to_iso8601(since) << " row at " << to_iso8601(later);
      }
      ASSERT_LE(zone.read(bound).instant, since) << name << " " << to_iso8601(since);
    }
  }
}

TEST(SqlTimeZone, UnknownZoneIsAConfigErrorNamingTheSetting) {
  try {
    ServerTimeZone zone("Mars/Olympus_Mons");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_NE(std::string(e.what()).find("timezone: unknown time zone 'Mars/Olympus_Mons'"), std::string::npos);
  }
}

}  // namespace
}  // namespace o2c::sql
