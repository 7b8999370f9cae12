#include <gtest/gtest.h>

#include "connectors/source.h"
#include "core/error.h"

namespace o2c::connectors {
namespace {

using namespace std::chrono_literals;

Timestamp at(const char* iso) { return parse_timestamp(iso); }

TEST(Cursor, AdvanceKeysOnTheLastUsableIdAndIgnoresDefectsForTheHighWater) {
  Cursor c;
  c.since = at("2026-11-24T10:00:00Z");
  const std::vector<RawRecord> page{{"1", "{}", at("2026-11-24T10:05:00Z"), ""},
                                    {"2", "{}", at("2026-11-24T11:00:00Z"), "invalid UTF-8"},
                                    {"3", "{}", at("2026-11-24T10:07:00Z"), ""},
                                    {"", "{}", at("2026-11-24T12:00:00Z"), "no id"}};
  EXPECT_EQ(c.advance(page), 2);
  EXPECT_EQ(c.tie_break_id, "3");
  EXPECT_EQ(c.high_water, at("2026-11-24T10:07:00Z"));
  EXPECT_EQ(c.after_page(false, 5min), c);
  EXPECT_EQ(c.after_page(true, 5min), c.next_pass(5min));

  Cursor numeric;  // a connector's own notion of a usable key
  EXPECT_EQ(numeric.advance(page, [](std::string_view id) { return id == "1"; }), 2);
  EXPECT_EQ(numeric.tie_break_id, "1");
}

TEST(Cursor, EmptyCursorIsEmptyText) {
  EXPECT_EQ(Cursor{}.to_text(), "");
  EXPECT_EQ(Cursor::parse(""), Cursor{});
}

TEST(Cursor, TextRoundTripsEveryPart) {
  Cursor c;
  c.since = at("2026-11-24T10:00:00.123Z");
  c.tie_break_id = "801000000000123AAA";
  c.high_water = at("2026-11-24T11:00:00Z");
  c.pass_started = at("2026-11-24T12:00:00Z");
  EXPECT_EQ(c.to_text(),
            "since=2026-11-24T10:00:00.123Z;id=801000000000123AAA;hw=2026-11-24T11:00:00.000Z;started=2026-11-24T12:00:00.000Z");
  EXPECT_EQ(Cursor::parse(c.to_text()), c);
  EXPECT_TRUE(c.in_pass());
}

TEST(Cursor, GarbageIsAStoreErrorNamingTheText) {
  for (const char* bad : {"since", "since=yesterday", "colour=red", "id=1;hw=soon"}) {
    try {
      Cursor::parse(bad);
      ADD_FAILURE() << bad;
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), Error::Kind::store);
      EXPECT_NE(std::string(e.what()).find(bad), std::string::npos) << e.what();
    }
  }
}

TEST(Cursor, NextPassStartsAtTheEarlierOfHighWaterAndPassStartMinusLookback) {
  Cursor c;
  c.since = at("2026-11-01T00:00:00Z");
  c.tie_break_id = "42";
  c.high_water = at("2026-11-24T11:00:00Z");
  c.pass_started = at("2026-11-24T12:00:00Z");
  const Cursor next = c.next_pass(5min);
  EXPECT_EQ(next.since, at("2026-11-24T10:55:00Z"));
  EXPECT_FALSE(next.in_pass());
  EXPECT_FALSE(next.high_water);

  // Rows changed while a long pass ran (modstamp after the pass started but
  // behind the id keyset) must be read again: the pass start bounds the window.
  c.high_water = at("2026-11-24T12:30:00Z");
  EXPECT_EQ(c.next_pass(5min).since, at("2026-11-24T11:55:00Z"));
}

TEST(Cursor, EmptyPassMovesToItsStartMinusLookback) {
  Cursor c;
  c.since = at("2026-11-24T10:00:00Z");
  c.pass_started = at("2026-11-24T12:00:00Z");
  EXPECT_EQ(c.next_pass(5min).since, at("2026-11-24T11:55:00Z"));
  Cursor never_started;
  never_started.since = at("2026-11-24T10:00:00Z");
  EXPECT_EQ(never_started.next_pass(5min).since, never_started.since);
}

}  // namespace
}  // namespace o2c::connectors
