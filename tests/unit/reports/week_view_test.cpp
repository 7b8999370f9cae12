// Which exceptions a week's report counts as new, still open, resolved.
#include "reports/week_view.h"

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/reports/report_test_support.h"

namespace o2c::reports::testing {
namespace {

using ::testing::ElementsAre;

// Exceptions around week 2026-W48 (Mon 23 Nov – Sun 29 Nov 2026).
ReportInput across_weeks() {
  ReportInput in = week48();
  in.exceptions = {
      stored(ExceptionKind::po_missing, "A", "2026-11-10T08:00:00Z"),  // still open
      stored(ExceptionKind::po_missing, "B", "2026-11-24T08:00:00Z"),  // new
      stored(ExceptionKind::duplicate_invoice, "C", "2026-11-02T08:00:00Z", ExceptionState::acknowledged),
      resolved(ExceptionKind::po_missing, "D", "2026-11-01T08:00:00Z", "2026-11-25T08:00:00Z"),  // resolved this week
      resolved(ExceptionKind::po_missing, "E", "2026-10-01T08:00:00Z", "2026-11-20T08:00:00Z"),  // resolved before
      stored(ExceptionKind::po_missing, "F", "2026-12-01T08:00:00Z"),                            // after the week
      resolved(ExceptionKind::amount_mismatch, "G", "2026-11-24T08:00:00Z", "2026-12-02T08:00:00Z"),
      stored(ExceptionKind::data_invalid, "H", "2026-11-23T00:00:00Z", ExceptionState::acknowledged),
      resolved(ExceptionKind::order_not_invoiced, "I", "2026-11-20T08:00:00Z", "2026-11-30T00:00:00Z"),
  };
  return in;
}

TEST(WeekView, StandingFollowsFirstSeenAndResolutionWithinTheWeek) {
  const ReportInput in = across_weeks();
  std::vector<Standing> standings;
  for (const auto& e : in.exceptions) standings.push_back(standing_in(e, in.week));
  EXPECT_THAT(standings, ElementsAre(Standing::still_open, Standing::new_this_week, Standing::still_open,
                                     Standing::resolved_this_week, Standing::outside_week, Standing::outside_week,
                                     Standing::new_this_week, Standing::new_this_week, Standing::still_open));
}

TEST(WeekView, HeadlineCountsPerSection) {
  const WeekSummary s = summarise(across_weeks());
  EXPECT_EQ(s.open, 6);                // A B C G H I
  EXPECT_EQ(s.new_this_week, 3);       // B G H
  EXPECT_EQ(s.still_open, 3);          // A C I
  EXPECT_EQ(s.acknowledged, 2);        // C H
  EXPECT_EQ(s.resolved_this_week, 1);  // D
}

TEST(WeekView, CountsPerKindComeSeverityFirstWithAmountsPerCurrency) {
  ReportInput in = across_weeks();
  in.exceptions[1].item.amount = Money::parse("1250.5", Currency::parse("GBP"));
  in.exceptions[7].item.amount.reset();
  const WeekSummary s = summarise(in);
  std::vector<std::string> kinds;
  for (const auto& k : s.kinds)
    kinds.push_back(fmt::format("{} open={} new={} ack={} resolved={}", schema::info(k.kind).name, k.open,
                                k.new_this_week, k.acknowledged, k.resolved_this_week));
  EXPECT_THAT(
      kinds,
      ElementsAre("DUPLICATE_INVOICE open=1 new=0 ack=1 resolved=0", "ORDER_NOT_INVOICED open=1 new=0 ack=0 resolved=0",
                  "AMOUNT_MISMATCH open=1 new=1 ack=0 resolved=0", "PO_MISSING open=2 new=1 ack=0 resolved=1",
                  "DATA_INVALID open=1 new=1 ack=1 resolved=0"));
  EXPECT_THAT(s.kinds[3].at_stake, ElementsAre(eur("100.00"), Money::parse("1250.50", Currency::parse("GBP"))));
  EXPECT_TRUE(s.kinds[4].at_stake.empty());
}

TEST(WeekView, AgeCountsFromTheReferenceDateElseFirstSeenToTheGenerationDay) {
  ReportInput in = week48();
  in.exceptions = {stored(ExceptionKind::po_missing, "A", "2026-11-24T08:00:00Z"),
                   stored(ExceptionKind::po_missing, "B", "2026-11-24T08:00:00Z"),
                   stored(ExceptionKind::po_needed_for_renewal, "C", "2026-11-24T08:00:00Z")};
  in.exceptions[1].item.reference_date = parse_date("2026-11-01");
  in.exceptions[2].item.reference_date = parse_date("2026-12-08");
  const WeekView view = build_week_view(in);
  std::vector<std::string> ages;
  for (const auto& row : view.open) ages.push_back(row.stored->item.customer_name + " " + std::to_string(row.age_days));
  EXPECT_THAT(ages, ElementsAre("Customer B 26", "Customer A 3", "Customer C -11"));  // oldest first per kind
  EXPECT_EQ(to_iso8601(view.as_of), "2026-11-27");
}

TEST(WeekView, PastWeekIsSeenAsOfItsSunday) {
  ReportInput in = across_weeks();
  in.week = IsoWeek::parse("2026-W47");
  const WeekView view = build_week_view(in);
  EXPECT_EQ(to_iso8601(view.as_of), "2026-11-22");
  EXPECT_EQ(view.summary.resolved_this_week, 1);  // E, resolved on Fri 20 Nov
  EXPECT_EQ(view.summary.open, 4);                // A C D I were open then (D resolved later); B G H unseen yet
  EXPECT_EQ(view.summary.new_this_week, 1);       // I, first seen Fri 20 Nov
  EXPECT_EQ(view.summary.still_open, 3);
}

}  // namespace
}  // namespace o2c::reports::testing
