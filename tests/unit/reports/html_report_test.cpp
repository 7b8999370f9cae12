// report.html: escaping, self-containment, sections and their counts.
#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <regex>

#include "tests/unit/reports/report_test_support.h"
#include "tests/unit/reports/sample_report.h"

namespace o2c::reports::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::size_t occurrences(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

TEST(Html, EveryUserControlledFieldIsEscaped) {
  const std::string evil = "<script>alert(\"x\")</script>'";
  const std::string escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&#39;";
  ReportInput in = week48();
  StoredException e = stored(ExceptionKind::po_mismatch, "A", "2026-11-24T08:00:00Z", ExceptionState::acknowledged);
  e.item.customer_name = "CUST" + evil;
  e.item.order_number = "ORDNO" + evil;
  e.item.order_id = "ORDID" + evil;
  e.item.invoice_number = "INVNO" + evil;
  e.item.invoice_id = "INVID" + evil;
  e.item.po_number = "PONUM" + evil;
  e.item.rule = "RULE" + evil;
  e.item.evidence = {{"EVNAME" + evil, "EVVAL" + evil}};
  e.note = "NOTE" + evil;
  e.id = "XID" + evil;
  StoredException r = resolved(ExceptionKind::po_missing, "B", "2026-11-01T00:00:00Z", "2026-11-25T00:00:00Z");
  r.item.customer_name = "RESNAME" + evil;
  StoredException invalid = stored(ExceptionKind::data_invalid, "C", "2026-11-24T00:00:00Z");
  invalid.item.customer_name.clear();
  invalid.item.customer_id.clear();
  invalid.item.record_key = "RECKEY" + evil;
  in.exceptions = {e, r, invalid};
  in.runs = {{"STREAM" + evil, at("2026-11-27T06:00:00Z"), at("2026-11-27T06:01:00Z"), "STATUS" + evil, 10, 1,
              "ERROR" + evil}};

  const std::string html = render_html(in);
  EXPECT_THAT(lower(html), Not(HasSubstr("<script")));
  EXPECT_THAT(html, Not(HasSubstr("alert(\"x\")")));
  for (const char* prefix : {"CUST", "ORDNO", "ORDID", "INVNO", "INVID", "PONUM", "RULE", "EVNAME", "EVVAL", "NOTE",
                             "XID", "RESNAME", "RECKEY", "STREAM", "STATUS", "ERROR"})
    EXPECT_THAT(html, HasSubstr(prefix + escaped)) << prefix;
}

TEST(Html, IsOneSelfContainedDocument) {
  const std::string html = lower(render_html(sample_report_input(42, 200)));
  EXPECT_EQ(html.rfind("<!doctype html>", 0), 0u);
  EXPECT_THAT(html, HasSubstr("<meta charset=\"utf-8\">"));
  EXPECT_EQ(occurrences(html, "<style>"), 1u);
  for (const char* external : {"<script", "<link", "src=", "@import", "url(", "http://", "https://"})
    EXPECT_THAT(html, Not(HasSubstr(external))) << external;
}

TEST(Html, HeadlineCardsAndKindTablesShowTheWeeksCounts) {
  ReportInput in = week48();
  in.exceptions = {
      stored(ExceptionKind::po_missing, "A", "2026-11-10T08:00:00Z"),
      stored(ExceptionKind::po_missing, "B", "2026-11-24T08:00:00Z"),
      stored(ExceptionKind::duplicate_invoice, "C", "2026-11-02T08:00:00Z", ExceptionState::acknowledged),
      resolved(ExceptionKind::po_missing, "D", "2026-11-01T08:00:00Z", "2026-11-25T08:00:00Z"),
      resolved(ExceptionKind::po_missing, "E", "2026-10-01T08:00:00Z", "2026-11-20T08:00:00Z"),
  };
  in.exceptions[2].note = "credit note CM100233 on its way";
  const std::string html = render_html(in);
  const auto card = [&](const char* cls) {
    std::smatch m;
    const std::regex re(fmt::format("<div class=\"card {}\"><div class=\"n\">([0-9]+)</div>", cls));
    return std::regex_search(html, m, re) ? std::stoi(m[1]) : -1;
  };
  EXPECT_EQ(card("open"), 3);
  EXPECT_EQ(card("new"), 1);
  EXPECT_EQ(card("still"), 2);
  EXPECT_EQ(card("ack"), 1);
  EXPECT_EQ(card("resolved"), 1);
  EXPECT_THAT(html, HasSubstr("id=\"PO_MISSING\""));
  EXPECT_THAT(html, HasSubstr("id=\"DUPLICATE_INVOICE\""));
  EXPECT_THAT(html, Not(HasSubstr("id=\"AMOUNT_MISMATCH\"")));
  EXPECT_THAT(html, HasSubstr(std::string(schema::info(ExceptionKind::po_missing).action)));
  EXPECT_THAT(html, HasSubstr("2 open · 1 new · 0 acknowledged"));
  EXPECT_THAT(html, HasSubstr("“credit note CM100233 on its way”"));
  EXPECT_EQ(occurrences(html, "<span class=\"state state-new\">new</span>"), 1u);
  EXPECT_EQ(occurrences(html, "<span class=\"state state-still\">still open</span>"), 1u);
  // The critical kind is listed before the high one.
  EXPECT_LT(html.find("id=\"DUPLICATE_INVOICE\""), html.find("id=\"PO_MISSING\""));
  // Resolved this week: D, not E.
  const std::string resolved_part = html.substr(html.find("<h2>Resolved this week</h2>"));
  EXPECT_THAT(resolved_part.substr(0, resolved_part.find("<h2>", 5)), HasSubstr("Customer D"));
  EXPECT_THAT(html, Not(HasSubstr("Customer E")));
}

TEST(Html, LongKindTablesAreCutWithAPointerToTheCsv) {
  ReportInput in = week48();
  for (const char* key : {"A", "B", "C"})
    in.exceptions.push_back(stored(ExceptionKind::po_missing, key, "2026-11-24T08:00:00Z"));
  in.max_rows_per_kind = 2;
  const std::string html = render_html(in);
  EXPECT_EQ(occurrences(html, "<tr id=\"x-"), 2u);
  EXPECT_THAT(html, HasSubstr("… and 1 more"));
}

TEST(Html, FreshnessShowsEachStreamFailuresAndStaleRuns) {
  ReportInput in = week48();
  in.runs = {{"salesforce.orders", at("2026-11-27T06:45:00Z"), at("2026-11-27T06:46:10Z"), "ok", 20000, 12, ""},
             {"netsuite.invoices", at("2026-11-25T06:45:00Z"), at("2026-11-25T06:47:00Z"), "failed", 300, 0,
              "remote: HTTP 503 after 5 attempts"}};
  const std::string html = render_html(in);
  EXPECT_THAT(html, HasSubstr("1 of 2 streams failed their last sync"));
  EXPECT_THAT(html, HasSubstr("<td class=\"status-failed\">failed</td>"));
  EXPECT_THAT(html, HasSubstr("remote: HTTP 503 after 5 attempts"));
  EXPECT_EQ(occurrences(html, "(older than 24 h)"), 1u);
  EXPECT_THAT(html, HasSubstr("<td class=\"num\">20000</td><td class=\"num\">12</td>"));
}

TEST(Html, PortalsSectionCountsEachPortalsDeliveriesAndIsAbsentWithoutPortals) {
  ReportInput in = week48();
  EXPECT_THAT(render_html(in), Not(HasSubstr("Customer portals")));
  in.portals = {{.portal = "chorus", .sent_this_week = 12, .accepted = 40, .paid = 5, .rejected = 3, .waiting = 2,
                 .held = 4, .rejected_this_week = 1},
                {.portal = "coupa<x>", .sent_this_week = 0, .accepted = 7, .paid = 0, .rejected = 0, .waiting = 0,
                 .held = 0, .rejected_this_week = 0}};
  const std::string html = render_html(in);
  EXPECT_THAT(html, HasSubstr("<h2>Customer portals</h2>"));
  EXPECT_THAT(html, HasSubstr("<td class=\"mono\">chorus</td><td class=\"num\">12</td><td class=\"num\">40</td>"
                              "<td class=\"num\">5</td><td class=\"num\">3</td><td class=\"num\">1</td>"
                              "<td class=\"num\">2</td><td class=\"num\">4</td>"));
  EXPECT_THAT(html, HasSubstr("coupa&lt;x&gt;"));
}

TEST(Html, EmptyWeekSaysSo) {
  const std::string html = render_html(week48());
  EXPECT_THAT(html, HasSubstr("No exception to report this week."));
  EXPECT_THAT(html, HasSubstr("Nothing was resolved this week."));
  EXPECT_THAT(html, HasSubstr("No sync run has been recorded yet."));
}

TEST(Html, SampleOfEveryKindHasASectionPerKindWithItsRows) {
  const ReportInput in = sample_report_input(7, 200);
  const std::string html = render_html(in);
  const WeekSummary s = summarise(in);
  EXPECT_EQ(s.kinds.size(), schema::kExceptionKindCount);
  for (const KindCounts& k : s.kinds) {
    if (k.open == 0) continue;
    EXPECT_THAT(html, HasSubstr(fmt::format("id=\"{}\"", schema::info(k.kind).name)));
  }
  EXPECT_EQ(occurrences(html, "<tr id=\"x-"), static_cast<std::size_t>(s.open));
  EXPECT_EQ(render_html(in), html);  // deterministic
}

}  // namespace
}  // namespace o2c::reports::testing
