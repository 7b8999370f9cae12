// The account's time zone (--ns-timezone): TO_DATE reads and TO_CHAR writes
// wall time there while stored datetimes stay UTC instants; date columns keep
// their calendar day; a repeated fall-back hour reads as standard time (the
// later instant), a spring-forward gap shifted forward; seeks on a naturally
// ordered modstamp agree with a full scan; unknown zones are refused.
#include <array>

#include <gtest/gtest.h>

#include "core/error.h"
#include "netsuite_test_data.h"

namespace o2c::sim::netsuite::test {
namespace {

// One transaction per instant: id = position + 1.
std::shared_ptr<TestCatalog> modstamp_catalog(const std::vector<SimTime>& modstamps) {
  std::vector<std::vector<SimValue>> rows;
  for (std::size_t i = 0; i < modstamps.size(); ++i)
    rows.push_back({std::to_string(i + 1), day(2026, 11, 24), modstamps[i]});
  auto cat = std::make_shared<TestCatalog>();
  cat->add(std::make_shared<VectorTable>(
      "transaction",
      std::vector<SimColumn>{{"id", SimType::id, "", ""},
                             {"trandate", SimType::date, "", ""},
                             {"lastmodifieddate", SimType::datetime, "", ""}},
      std::move(rows)));
  return cat;
}

NetSuiteOptions in_zone(const std::string& zone) {
  NetSuiteOptions o;
  o.timezone = zone;
  return o;
}

std::vector<Item> rows_of(const std::string& zone, std::shared_ptr<TestCatalog> catalog, const std::string& q) {
  NetSuiteApi api(in_zone(zone), std::move(catalog), std::make_shared<FixedClock>(kNow));
  Client client(api);
  return all_rows(client, q);
}

std::vector<std::string> ids_at_or_after(const std::string& zone, const std::vector<SimTime>& modstamps,
                                         const std::string& literal) {
  std::vector<std::string> ids;
  for (const auto& item :
       rows_of(zone, modstamp_catalog(modstamps),
               "SELECT t.id FROM transaction t WHERE t.lastmodifieddate >= TO_DATE('" + literal +
                   "', 'YYYY-MM-DD HH24:MI:SS') ORDER BY t.id"))
    ids.push_back(item.at("id"));
  return ids;
}

using Ids = std::vector<std::string>;

TEST(SuiteQlTimeZone, ToCharAndDefaultDateTextAreLocalWhileStoredInstantsStayUtc) {
  const auto catalog = modstamp_catalog({at(2026, 11, 24, 12), at(2026, 11, 25, 3, 30)});
  const std::string q = "SELECT TO_CHAR(t.lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS m, t.lastmodifieddate AS d "
                        "FROM transaction t ORDER BY t.id";
  const auto utc = rows_of("UTC", catalog, q);
  ASSERT_EQ(utc.size(), 2u);
  EXPECT_EQ(utc[0].at("m"), "2026-11-24 12:00:00");
  EXPECT_EQ(utc[1].at("d"), "11/25/2026");
  const auto la = rows_of("America/Los_Angeles", catalog, q);
  EXPECT_EQ(la[0].at("m"), "2026-11-24 04:00:00");
  EXPECT_EQ(la[1].at("m"), "2026-11-24 19:30:00");
  EXPECT_EQ(la[1].at("d"), "11/24/2026");  // still the 24th in California
  const auto tokyo = rows_of("Asia/Tokyo", catalog, q);
  EXPECT_EQ(tokyo[0].at("m"), "2026-11-24 21:00:00");
  EXPECT_EQ(tokyo[1].at("m"), "2026-11-25 12:30:00");
}

TEST(SuiteQlTimeZone, ToDateLiteralIsLocalWallTime) {
  const std::vector<SimTime> stamps = {at(2026, 11, 24, 3, 59, 59), at(2026, 11, 24, 4), at(2026, 11, 24, 12),
                                       at(2026, 11, 24, 19, 59, 59), at(2026, 11, 24, 20)};
  EXPECT_EQ(ids_at_or_after("UTC", stamps, "2026-11-24 04:00:00"), (Ids{"2", "3", "4", "5"}));
  EXPECT_EQ(ids_at_or_after("America/Los_Angeles", stamps, "2026-11-24 04:00:00"), (Ids{"3", "4", "5"}));
  EXPECT_EQ(ids_at_or_after("America/Los_Angeles", stamps, "2026-11-24 12:00:00"), (Ids{"5"}));
  EXPECT_EQ(ids_at_or_after("Asia/Tokyo", stamps, "2026-11-24 13:00:00"), (Ids{"2", "3", "4", "5"}));
}

TEST(SuiteQlTimeZone, DateColumnsKeepTheirDayAndCompareAsLocalMidnight) {
  const auto catalog = modstamp_catalog({at(2026, 11, 24, 12)});
  for (const char* zone : {"UTC", "America/Los_Angeles", "Asia/Tokyo", "Pacific/Kiritimati"}) {
    const auto rows = rows_of(zone, catalog,
                              "SELECT TO_CHAR(t.trandate, 'YYYY-MM-DD') AS day, t.trandate AS shown FROM transaction t "
                              "WHERE t.trandate >= TO_DATE('2026-11-24', 'YYYY-MM-DD') "
                              "AND t.trandate < TO_DATE('2026-11-24 00:00:01', 'YYYY-MM-DD HH24:MI:SS')");
    ASSERT_EQ(rows.size(), 1u) << zone;
    EXPECT_EQ(rows[0].at("day"), "2026-11-24") << zone;
    EXPECT_EQ(rows[0].at("shown"), "11/24/2026") << zone;
  }
}

TEST(SuiteQlTimeZone, RepeatedFallBackHourReadsAsStandardTime) {
  // Los Angeles, 2026-11-01: 01:00-01:59 happens at 08:xxZ (PDT) and again at 09:xxZ (PST).
  const std::vector<SimTime> stamps = {at(2026, 11, 1, 7, 29), at(2026, 11, 1, 8, 30), at(2026, 11, 1, 9, 29),
                                       at(2026, 11, 1, 9, 30)};
  EXPECT_EQ(ids_at_or_after("America/Los_Angeles", stamps, "2026-11-01 01:30:00"), (Ids{"4"}));
  EXPECT_EQ(ids_at_or_after("America/Los_Angeles", stamps, "2026-11-01 00:30:00"), (Ids{"2", "3", "4"}));
  const auto rows = rows_of("America/Los_Angeles", modstamp_catalog(stamps),
                            "SELECT TO_CHAR(t.lastmodifieddate, 'HH24:MI') AS m FROM transaction t ORDER BY t.id");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].at("m"), "01:30");  // both occurrences look the same
  EXPECT_EQ(rows[3].at("m"), "01:30");
}

TEST(SuiteQlTimeZone, SpringForwardGapShiftsForwardByItsLength) {
  // Los Angeles, 2026-03-08: 02:00 PST is 03:00 PDT (10:00Z); 02:30 does not exist.
  const std::vector<SimTime> stamps = {at(2026, 3, 8, 9, 59, 59), at(2026, 3, 8, 10), at(2026, 3, 8, 10, 29, 59),
                                       at(2026, 3, 8, 10, 30)};
  EXPECT_EQ(ids_at_or_after("America/Los_Angeles", stamps, "2026-03-08 02:30:00"), (Ids{"4"}));
  EXPECT_EQ(ids_at_or_after("America/Los_Angeles", stamps, "2026-03-08 03:00:00"), (Ids{"2", "3", "4"}));
  const auto days = rows_of("America/Los_Angeles", modstamp_catalog(stamps),
                            "SELECT t.id FROM transaction t WHERE t.lastmodifieddate >= TO_DATE('2026-03-08', "
                            "'YYYY-MM-DD') AND t.lastmodifieddate < TO_DATE('2026-03-09', 'YYYY-MM-DD')");
  EXPECT_EQ(days.size(), 4u);  // a 23-hour day still holds them all
}

TEST(SuiteQlTimeZone, SeekOnANaturallyOrderedModstampAgreesWithAFullScanInEveryZone) {
  const auto natural = make_generated_catalog(make_transactions(3000, true));
  const auto scanned = make_generated_catalog(make_transactions(3000, false));
  // [02:00Z, 11:00Z) written in each zone's wall time (the data spans 00:00Z to 16:39Z).
  const std::vector<std::array<std::string, 4>> windows = {
      {"UTC", "2026-01-01 02:00:00", "2026-01-01 11:00:00", "2026-01-01 10:59:00"},
      {"America/Los_Angeles", "2025-12-31 18:00:00", "2026-01-01 03:00:00", "2026-01-01 02:59:00"},
      {"Asia/Tokyo", "2026-01-01 11:00:00", "2026-01-01 20:00:00", "2026-01-01 19:59:00"}};
  for (const auto& [zone, from, to, last] : windows) {
    const std::string q = "SELECT t.id AS o2c_id, TO_CHAR(t.lastmodifieddate, 'YYYY-MM-DD HH24:MI:SS') AS m "
                          "FROM transaction t WHERE t.lastmodifieddate >= TO_DATE('" + from +
                          "', 'YYYY-MM-DD HH24:MI:SS') AND t.lastmodifieddate < TO_DATE('" + to +
                          "', 'YYYY-MM-DD HH24:MI:SS') ORDER BY t.id";
    const auto a = rows_of(zone, natural, q);
    EXPECT_EQ(a, rows_of(zone, scanned, q)) << zone;
    ASSERT_EQ(a.size(), 9u * 60 * 3) << zone;  // three rows a minute
    EXPECT_EQ(a.front().at("m"), from) << zone;
    EXPECT_EQ(a.back().at("m"), last) << zone;
    EXPECT_EQ(a.front().at("o2c_id"), "361") << zone;  // row 360: 02:00Z
  }
}

TEST(SuiteQlTimeZone, UnknownZoneIsRefused) {
  EXPECT_THROW(AccountZone("Europe/Pariss"), Error);
  try {
    NetSuiteApi api(in_zone("America/Los_Angles"), modstamp_catalog({}), std::make_shared<FixedClock>(kNow));
    ADD_FAILURE() << "no Error thrown";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_NE(std::string(e.what()).find("unknown time zone 'America/Los_Angles'"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace o2c::sim::netsuite::test
