#include "core/time.h"

#include <gtest/gtest.h>

#include "core/error.h"

namespace o2c {

TEST(Time, ParsesIso8601WithOffsetsIntoUtc) {
  EXPECT_EQ(to_iso8601(parse_timestamp("2024-03-31T01:30:00.123+0000")), "2024-03-31T01:30:00.123Z");
  EXPECT_EQ(to_iso8601(parse_timestamp("2024-03-31T01:30:00+0100")), "2024-03-31T00:30:00.000Z");
  EXPECT_EQ(to_iso8601(parse_timestamp("2024-03-31T01:30:00-05:00")), "2024-03-31T06:30:00.000Z");
  EXPECT_EQ(to_iso8601(parse_timestamp("2024-05-01")), "2024-05-01T00:00:00.000Z");
  EXPECT_EQ(to_iso8601(parse_timestamp("2024-05-01 10:00:00")), "2024-05-01T10:00:00.000Z");
}

TEST(Time, RejectsMalformedTimestamps) {
  // "+" decoded as a space by a careless URL decoder must not be read as a zone.
  for (const char* bad : {"2024-03-31T01:30:00 0100", "2024-13-01", "2024-02-30", "5/2/2024", "", "2024-05-01T25:00:00Z"})
    EXPECT_THROW(parse_timestamp(bad), Error) << bad;
}

TEST(Time, ParsesSapDates) {
  EXPECT_EQ(to_iso8601(parse_sap_date("/Date(1714557600000)/")), "2024-05-01T10:00:00.000Z");
  EXPECT_EQ(to_iso8601(parse_sap_date("/Date(1714557600000+0120)/")), "2024-05-01T10:00:00.000Z");
  EXPECT_THROW(parse_sap_date("/Date(abc)/"), Error);
}

TEST(Time, SapDatesOutOfRangeAreErrorsNotCrashes) {
  EXPECT_EQ(to_iso8601(parse_sap_date("/Date(253402214400000)/")), "9999-12-31T00:00:00.000Z");  // SAP's "unlimited"
  for (const char* bad : {"/Date(253402300800000)/", "/Date(-62135596800001)/", "/Date(99999999999999999999)/",
                          "/Date(-99999999999999999999+0000)/"}) {
    EXPECT_THROW(parse_sap_date(bad), Error) << bad;
    EXPECT_FALSE(try_parse_wire_timestamp(bad).has_value()) << bad;
  }
}

TEST(Time, DatesAndDurations) {
  EXPECT_EQ(days_between(parse_date("2024-02-28"), parse_date("2024-03-01")), 2);
  EXPECT_EQ(parse_duration("15m"), std::chrono::minutes(15));
  EXPECT_EQ(parse_duration("30d"), std::chrono::hours(24 * 30));
  EXPECT_THROW(parse_duration("15 minutes"), Error);
  EXPECT_THROW(parse_date("2024-5-1"), Error);
}

}  // namespace o2c
