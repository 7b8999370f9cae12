// report.html: page frame, masthead, headline cards, the per-kind overview.
#include <fmt/format.h>

#include "reports/html_sections.h"
#include "reports/html_style.h"
#include "reports/report_text.h"

namespace o2c::reports {

namespace html {

namespace {

// A freshness verdict for the masthead: readers should see at once whether
// the numbers rest on current data.
std::string data_verdict(const ReportInput& input) {
  int failed = 0, running = 0;
  for (const auto& run : input.runs) {
    if (run.status == "failed")
      ++failed;
    else if (run.status != "ok")
      ++running;
  }
  if (input.runs.empty()) return "<span class=\"stale\">no sync run recorded</span>";
  if (failed > 0)
    return fmt::format("<span class=\"status-failed\">{} of {} streams failed their last sync</span>", failed,
                       input.runs.size());
  if (running > 0) return fmt::format("<span class=\"status-running\">{} stream(s) still syncing</span>", running);
  return fmt::format("<span class=\"status-ok\">all {} streams synced</span>", input.runs.size());
}

std::string card(std::string_view css_class, int number, std::string_view label, std::string_view sub) {
  return fmt::format(
      "<div class=\"card {}\"><div class=\"n\">{}</div><div class=\"l\">{}</div>"
      "<div class=\"s\">{}</div></div>\n",
      css_class, number, label, sub);
}

}  // namespace

std::string severity_badge(schema::Severity severity) {
  const char* name = schema::to_string(severity);
  return fmt::format("<span class=\"sev sev-{}\">{}</span>", name, name);
}

std::string amounts_cell(const std::vector<Money>& amounts) {
  if (amounts.empty()) return "<span class=\"muted\">—</span>";
  std::string out;
  for (const Money& m : amounts) out += (out.empty() ? "" : "<br>") + html_escape(format_amount(m));
  return out;
}

std::string masthead(const ReportInput& input, const WeekView& view) {
  return fmt::format(
      "<header class=\"masthead\">\n<div class=\"eyebrow\">o2csync · order-to-cash reconciliation</div>\n"
      "<h1>Weekly exception report — {}</h1>\n"
      "<p class=\"period\"><strong>{} – {}</strong> · ages as of {} · generated {} · data: {}</p>\n</header>\n",
      html_escape(input.week.to_text()), format_day(input.week.monday()), format_day(input.week.sunday()),
      format_day(view.as_of), html_escape(format_time(input.generated_at)), data_verdict(input));
}

std::string headline_cards(const WeekSummary& s) {
  std::string out = "<section class=\"cards\">\n";
  out += card("open", s.open, "Open", "at the end of the week, acknowledged included");
  out += card("new", s.new_this_week, "New this week", "first seen this week");
  out += card("still", s.still_open, "Still open", "first seen in an earlier week");
  out += card("ack", s.acknowledged, "Acknowledged", "open, with a note from the team");
  out += card("resolved", s.resolved_this_week, "Resolved this week", "no longer found by the reconciliation");
  return out + "</section>\n";
}

std::string kinds_overview(const WeekSummary& s) {
  std::string out = "<h2>By exception kind</h2>\n";
  if (s.kinds.empty()) return out + "<p class=\"empty\">No exception to report this week.</p>\n";
  out +=
      "<table>\n<thead><tr><th>Severity</th><th>Exception</th><th>Owner</th><th class=\"num\">Open</th>"
      "<th class=\"num\">New</th><th class=\"num\">Acknowledged</th><th class=\"num\">Resolved</th>"
      "<th class=\"num\">Amount at stake</th></tr></thead>\n<tbody>\n";
  for (const KindCounts& k : s.kinds) {
    const auto& info = schema::info(k.kind);
    const std::string title = k.open > 0 ? fmt::format("<a href=\"#{}\">{}</a>", info.name, html_escape(info.title))
                                         : html_escape(info.title);
    out += fmt::format(
        "<tr><td>{}</td><td>{}<br><code class=\"muted\">{}</code></td><td>{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num "
        "amount\">{}</td></tr>\n",
        severity_badge(info.severity), title, info.name, html_escape(info.owner), k.open, k.new_this_week,
        k.acknowledged, k.resolved_this_week, amounts_cell(k.at_stake));
  }
  return out + "</tbody>\n</table>\n";
}

std::string footer(const ReportInput& input) {
  return fmt::format(
      "<footer>\n<dl>\n"
      "<dt>New</dt><dd>first found by the reconciliation during week {}.</dd>\n"
      "<dt>Still open</dt><dd>found in an earlier week and still found.</dd>\n"
      "<dt>Acknowledged</dt><dd>still found; someone recorded a note (<code>o2csync exceptions ack</code>).</dd>\n"
      "<dt>Resolved</dt><dd>no longer found: the underlying records were corrected.</dd>\n"
      "<dt>Age</dt><dd>days since the order was signed, the invoice dated or the record first seen; "
      "\"in N d\" counts down to a renewal date.</dd>\n"
      "<dt>Amount at stake</dt><dd>the amount the exception is about (difference, invoice or order amount), "
      "exact, in the document currency.</dd>\n"
      "</dl>\n<p>All open exceptions, with their evidence, are in <code>exceptions.csv</code> next to this file.</p>\n"
      "</footer>\n",
      html_escape(input.week.to_text()));
}

}  // namespace html

std::string render_html(const ReportInput& input) {
  const WeekView view = build_week_view(input);
  std::string body;
  body += html::masthead(input, view);
  body += html::headline_cards(view.summary);
  body += html::kinds_overview(view.summary);
  body += html::kind_sections(view, input.max_rows_per_kind);
  body += html::resolved_section(view, input.max_rows_per_kind);
  body += html::portals_section(input);
  body += html::freshness_section(input);
  body += html::footer(input);
  return fmt::format(
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<title>Exception report {}</title>\n<style>{}</style>\n</head>\n<body>\n<main>\n{}</main>\n</body>\n</html>\n",
      html_escape(input.week.to_text()), kReportCss, body);
}

}  // namespace o2c::reports
