// tests/unit/connectors/netsuite/netsuite_timezone_test.cpp — the UTC cursor
// ↔ NetSuite wall time (field-pitfalls #12): both directions in UTC, Paris,
// Los Angeles and Tokyo, across both DST switches (23 h and 25 h days), and a
// TO_DATE literal that no reading of NetSuite's can put after the cursor,
// checked against date's tz directly for every 10 minutes of a year in zones
// with odd rules; unknown zones are config errors naming the setting.
#include "connectors/netsuite/netsuite_timezone.h"

#include <date/tz.h>
#include <gtest/gtest.h>

#include "connectors/netsuite/netsuite.h"
#include "connectors/netsuite/netsuite_query.h"
#include "connectors/netsuite/netsuite_records.h"
#include "core/error.h"

namespace o2c::netsuite {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

Timestamp utc(std::string_view iso) { return parse_timestamp(iso); }

// lower_bound_text and parse_wall_time are inverse wherever the wall time is unique.
void expect_both_ways(const AccountTimeZone& zone, std::string_view instant, std::string_view wall) {
  EXPECT_EQ(zone.lower_bound_text(utc(instant)), wall) << zone.name() << " " << instant;
  EXPECT_EQ(zone.parse_wall_time(wall), utc(instant)) << zone.name() << " " << wall;
}

Timestamp wall_to_utc(const AccountTimeZone& zone, std::string_view wall) {
  const auto t = zone.parse_wall_time(wall);
  EXPECT_TRUE(t) << wall;
  return t.value_or(Timestamp{});
}

TEST(NetSuiteTimeZone, UtcIsTheIdentity) {
  const AccountTimeZone zone("UTC");
  expect_both_ways(zone, "2026-11-24T10:00:00Z", "2026-11-24 10:00:00");
  EXPECT_EQ(zone.lower_bound_text(utc("2026-11-24T10:00:00.900Z")), "2026-11-24 10:00:00");  // floored
}

TEST(NetSuiteTimeZone, OrdinaryDaysInParisLosAngelesAndTokyo) {
  const AccountTimeZone paris("Europe/Paris"), la("America/Los_Angeles"), tokyo("Asia/Tokyo");
  expect_both_ways(paris, "2026-01-15T12:00:00Z", "2026-01-15 13:00:00");  // CET
  expect_both_ways(paris, "2026-07-15T12:00:00Z", "2026-07-15 14:00:00");  // CEST
  expect_both_ways(la, "2026-01-15T12:00:00Z", "2026-01-15 04:00:00");     // PST
  expect_both_ways(la, "2026-07-15T12:00:00Z", "2026-07-15 05:00:00");     // PDT
  expect_both_ways(la, "2026-11-24T03:00:00Z", "2026-11-23 19:00:00");     // the day before, locally
  expect_both_ways(tokyo, "2026-11-24T20:00:00Z", "2026-11-25 05:00:00");  // the day after, locally
}

TEST(NetSuiteTimeZone, SpringForwardDayHas23HoursAndItsGapShiftsForward) {
  const AccountTimeZone la("America/Los_Angeles"), paris("Europe/Paris");
  EXPECT_EQ(wall_to_utc(la, "2026-03-09 00:00:00") - wall_to_utc(la, "2026-03-08 00:00:00"), hours(23));
  EXPECT_EQ(wall_to_utc(paris, "2026-03-30 00:00:00") - wall_to_utc(paris, "2026-03-29 00:00:00"), hours(23));
  expect_both_ways(la, "2026-03-08T09:59:59Z", "2026-03-08 01:59:59");  // last second of PST
  expect_both_ways(la, "2026-03-08T10:00:00Z", "2026-03-08 03:00:00");  // first second of PDT
  expect_both_ways(paris, "2026-03-29T00:59:59Z", "2026-03-29 01:59:59");
  expect_both_ways(paris, "2026-03-29T01:00:00Z", "2026-03-29 03:00:00");
  // 02:30 does not exist on those nights: read with the offset before the gap.
  EXPECT_EQ(la.parse_wall_time("2026-03-08 02:30:00"), utc("2026-03-08T10:30:00Z"));  // = 03:30 PDT
  EXPECT_EQ(paris.parse_wall_time("2026-03-29 02:30:00"), utc("2026-03-29T01:30:00Z"));  // = 03:30 CEST
}

TEST(NetSuiteTimeZone, FallBackDayHas25HoursAndItsRepeatedHourReadsEarlyAndIsSentEarly) {
  const AccountTimeZone la("America/Los_Angeles"), paris("Europe/Paris");
  EXPECT_EQ(wall_to_utc(la, "2026-11-02 00:00:00") - wall_to_utc(la, "2026-11-01 00:00:00"), hours(25));
  EXPECT_EQ(wall_to_utc(paris, "2026-10-26 00:00:00") - wall_to_utc(paris, "2026-10-25 00:00:00"), hours(25));
  // 01:30 happens twice in Los Angeles (08:30Z PDT, 09:30Z PST): read as the earlier.
  EXPECT_EQ(la.parse_wall_time("2026-11-01 01:30:00"), utc("2026-11-01T08:30:00Z"));
  EXPECT_EQ(paris.parse_wall_time("2026-10-25 02:30:00"), utc("2026-10-25T00:30:00Z"));
  // A cursor in the first occurrence: '01:30' could be read as 09:30Z, an hour
  // late, so the literal is one DST step earlier.
  EXPECT_EQ(la.lower_bound_text(utc("2026-11-01T08:30:00Z")), "2026-11-01 00:30:00");
  EXPECT_EQ(paris.lower_bound_text(utc("2026-10-25T00:30:00Z")), "2026-10-25 01:30:00");
  // In the second occurrence either reading is at or before the cursor.
  EXPECT_EQ(la.lower_bound_text(utc("2026-11-01T09:30:00Z")), "2026-11-01 01:30:00");
  EXPECT_EQ(paris.lower_bound_text(utc("2026-10-25T01:30:00Z")), "2026-10-25 02:30:00");
  expect_both_ways(la, "2026-11-01T10:00:00Z", "2026-11-01 02:00:00");
}

// Every instant whose wall time in `zone` is `wall`, computed from date's tz.
std::vector<date::sys_seconds> readings(const date::time_zone& zone, date::local_seconds wall) {
  const date::local_info info = zone.get_info(wall);
  std::vector<date::sys_seconds> out;
  for (const auto offset : {info.first.offset, info.second.offset}) {
    const date::sys_seconds t(wall.time_since_epoch() - offset);
    if (zone.to_local(t) == wall && (out.empty() || out.back() != t)) out.push_back(t);
  }
  return out;
}

date::local_seconds wall_of(std::string_view text) {
  return date::local_seconds(std::chrono::floor<std::chrono::seconds>(utc(text).time_since_epoch()));
}

TEST(NetSuiteTimeZone, LiteralIsNeverLaterThanTheCursorUnderAnyReading) {
  for (const char* name : {"UTC", "Europe/Paris", "America/Los_Angeles", "Asia/Tokyo", "Australia/Lord_Howe",
                           "Europe/Dublin", "America/Santiago", "Pacific/Chatham"}) {
    const AccountTimeZone zone(name);
    const date::time_zone& tz = *date::locate_zone(name);
    int moved = 0;
    for (Timestamp c = utc("2026-01-01T00:00:07.250Z"); c < utc("2027-01-01T00:00:00Z"); c += minutes(10)) {
      const std::string text = zone.lower_bound_text(c);
      const std::vector<date::sys_seconds> all = readings(tz, wall_of(text));
      ASSERT_FALSE(all.empty()) << name << " " << text;  // a real wall time, not one in a gap
      const date::sys_seconds floor_c = std::chrono::floor<std::chrono::seconds>(c);
      for (const auto t : all) {
        ASSERT_LE(t, floor_c) << name << " cursor " << to_iso8601(c) << " literal " << text;
        ASSERT_GE(t, floor_c - hours(2)) << name << " cursor " << to_iso8601(c) << " literal " << text;
      }
      if (all.back() != floor_c) ++moved;
      if (all.size() == 1) {
        ASSERT_EQ(zone.parse_wall_time(text), Timestamp(all[0])) << name << " " << text;
      }
    }
    // Only cursors in the first occurrence of a repeated wall time are moved:
    // 6 ten-minute steps in a one-hour fall-back, 3 in Lord Howe's half hour.
    const int expected = std::string_view(name) == "UTC" || std::string_view(name) == "Asia/Tokyo" ? 0
                         : std::string_view(name) == "Australia/Lord_Howe"                          ? 3
                                                                                                     : 6;
    EXPECT_EQ(moved, expected) << name;
  }
}

TEST(NetSuiteTimeZone, UnknownZoneIsAConfigErrorNamingTheSetting) {
  try {
    AccountTimeZone("America/Los_Angles");
    ADD_FAILURE() << "no Error thrown";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_NE(std::string(e.what()).find("timezone: unknown time zone 'America/Los_Angles'"), std::string::npos)
        << e.what();
  }
  NetSuiteSettings s;
  s.name = "erp";
  s.account = "1234567_SB1";
  s.consumer_key = Secret("ck");
  s.consumer_secret = Secret("cs");
  s.token_id = Secret("tid");
  s.token_secret = Secret("ts");
  s.timezone = "Mars/Olympus_Mons";
  const FixedClock clock(utc("2026-11-24T12:00:00Z"));
  try {
    make_netsuite_source(s, clock);
    ADD_FAILURE() << "no Error thrown";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_NE(std::string(e.what()).find("netsuite source erp: timezone: unknown time zone 'Mars/Olympus_Mons'"),
              std::string::npos)
        << e.what();
  }
}

TEST(NetSuiteTimeZone, QuerySendsTheCursorAsLocalWallTime) {
  connectors::QuerySpec q;
  q.object = "transaction";
  q.from = "transaction t";
  q.id_field = "t.id";
  q.cursor_field = "t.lastmodifieddate";
  const std::string text =
      build_suiteql(q, utc("2026-11-24T12:00:00Z"), "", AccountTimeZone("America/Los_Angeles"));
  EXPECT_NE(text.find("t.lastmodifieddate >= TO_DATE('2026-11-24 04:00:00', 'YYYY-MM-DD HH24:MI:SS')"),
            std::string::npos)
      << text;
}

TEST(NetSuiteTimeZone, AnswerModstampsAreReadAsLocalWallTime) {
  const std::string body =
      R"({"links":[],"count":2,"hasMore":false,"offset":0,"totalResults":2,"items":[)"
      R"({"links":[],"o2c_id":"1","o2c_modified":"2026-05-03 10:15:00"},)"
      R"({"links":[],"o2c_id":"2","o2c_modified":"2026-05-03T10:15:00Z"}]})";
  std::string problem;
  const auto page = cut_suiteql_page(body, AccountTimeZone("America/Los_Angeles"), problem);
  ASSERT_TRUE(page) << problem;
  EXPECT_EQ(page->records[0].modified, utc("2026-05-03T17:15:00Z"));  // PDT
  EXPECT_TRUE(page->records[0].defect.empty());
  // Not the format the query asked for: a defect, never a guess.
  EXPECT_EQ(page->records[1].defect, "o2c_modified '2026-05-03T10:15:00Z' is not a 'YYYY-MM-DD HH24:MI:SS' timestamp");
}

}  // namespace
}  // namespace o2c::netsuite
