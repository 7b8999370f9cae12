#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/error.h"
#include "tests/unit/reports/report_test_support.h"

namespace o2c::reports::testing {
namespace {

using ::testing::HasSubstr;

TEST(IsoWeek, ParsesAndKnowsItsMondayToMondayUtcSpan) {
  const IsoWeek w = IsoWeek::parse("2026-W48");
  EXPECT_EQ(w.year(), 2026);
  EXPECT_EQ(w.week(), 48);
  EXPECT_EQ(to_iso8601(w.monday()), "2026-11-23");
  EXPECT_EQ(to_iso8601(w.sunday()), "2026-11-29");
  EXPECT_EQ(to_iso8601(w.start()), "2026-11-23T00:00:00.000Z");
  EXPECT_EQ(to_iso8601(w.end()), "2026-11-30T00:00:00.000Z");
  EXPECT_EQ(w.to_text(), "2026-W48");
}

TEST(IsoWeek, WeekOneCanStartInThePreviousYearAndWeek53Exists) {
  EXPECT_EQ(to_iso8601(IsoWeek::parse("2026-W01").monday()), "2025-12-29");
  EXPECT_EQ(to_iso8601(IsoWeek::parse("2021-W01").monday()), "2021-01-04");
  EXPECT_EQ(to_iso8601(IsoWeek::parse("2020-W53").monday()), "2020-12-28");  // leap year starting Wednesday
  EXPECT_EQ(to_iso8601(IsoWeek::parse("2026-W53").monday()), "2026-12-28");  // 2026 starts on a Thursday
  EXPECT_EQ(iso_weeks_in_year(2015), 53);
  EXPECT_EQ(iso_weeks_in_year(2020), 53);
  EXPECT_EQ(iso_weeks_in_year(2026), 53);
  EXPECT_EQ(iso_weeks_in_year(2025), 52);
  EXPECT_EQ(iso_weeks_in_year(2027), 52);
}

TEST(IsoWeek, ContainingFindsTheIsoYearAcrossNewYear) {
  EXPECT_EQ(IsoWeek::containing(at("2026-11-24T12:00:00Z")).to_text(), "2026-W48");
  EXPECT_EQ(IsoWeek::containing(at("2026-11-23T00:00:00Z")).to_text(), "2026-W48");
  EXPECT_EQ(IsoWeek::containing(at("2026-11-22T23:59:59Z")).to_text(), "2026-W47");
  EXPECT_EQ(IsoWeek::containing(at("2025-12-29T08:00:00Z")).to_text(), "2026-W01");
  EXPECT_EQ(IsoWeek::containing(at("2021-01-03T08:00:00Z")).to_text(), "2020-W53");
  EXPECT_EQ(IsoWeek::containing(at("2027-01-01T08:00:00Z")).to_text(), "2026-W53");
  for (const char* text : {"2020-W53", "2026-W01", "2026-W48", "2027-W52"}) {
    const IsoWeek w = IsoWeek::parse(text);
    EXPECT_EQ(IsoWeek::containing(w.start()), w);
    EXPECT_EQ(IsoWeek::containing(w.end() - std::chrono::milliseconds{1}), w);
  }
}

TEST(IsoWeek, InvalidTextIsAConfigErrorNamingTheValue) {
  const std::pair<const char*, const char*> cases[] = {
      {"2025-W53", "2025 has ISO weeks 01..52"},
      {"2026-W54", "2026 has ISO weeks 01..53"},
      {"2026-W00", "has ISO weeks 01..53"},
      {"2026-48", "expected YYYY-Www"},
      {"2026W48", "expected YYYY-Www"},
      {"2026-w48", "expected YYYY-Www"},
      {"2026-W4", "expected YYYY-Www"},
      {"", "expected YYYY-Www"},
      {"0000-W10", "the year must be 0001..9999"},
      {"20x6-W10", "expected YYYY-Www"},
  };
  for (const auto& [text, why] : cases) {
    try {
      IsoWeek::parse(text);
      ADD_FAILURE() << "accepted '" << text << "'";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::config);
      EXPECT_THAT(e.what(), HasSubstr(std::string("invalid ISO week '") + text + "'"));
      EXPECT_THAT(e.what(), HasSubstr(why));
    }
  }
  EXPECT_THROW(IsoWeek::of(2025, 53), Error);
  EXPECT_EQ(IsoWeek::of(2026, 53).to_text(), "2026-W53");
}

}  // namespace
}  // namespace o2c::reports::testing
