// report.html: a table per exception kind, the resolved list, data freshness.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <span>

#include "reports/html_sections.h"
#include "reports/report_text.h"

namespace o2c::reports::html {

namespace {

using schema::ExceptionItem;

constexpr auto kStaleAfter = std::chrono::hours{24};

std::string or_dash(const std::string& escaped) {
  return escaped.empty() ? "<span class=\"muted\">—</span>" : escaped;
}

// A document number with its system id as a tooltip.
std::string reference_cell(const std::string& number, const std::string& id) {
  if (number.empty() && id.empty()) return or_dash("");
  return fmt::format("<span title=\"{}\">{}</span>", html_escape(id), html_escape(number.empty() ? id : number));
}

std::string state_cell(const ExceptionRow& row) {
  if (row.acknowledged) {
    const std::string& note = row.stored->note;
    return "<span class=\"state state-ack\">acknowledged</span>" +
           (note.empty() ? std::string{} : fmt::format("<span class=\"note\">“{}”</span>", html_escape(note)));
  }
  return row.standing == Standing::new_this_week ? "<span class=\"state state-new\">new</span>"
                                                 : "<span class=\"state state-still\">still open</span>";
}

std::string evidence_cell(const ExceptionItem& item) {
  std::string out = "<ul class=\"ev\">";
  for (const auto& e : item.evidence) {
    if (e.name == "rule") continue;
    out += fmt::format("<li><span class=\"k\">{}</span> {}</li>", html_escape(evidence_label(e.name)),
                       html_escape(e.value));
  }
  if (!item.rule.empty()) out += fmt::format("<li class=\"rule mono\">rule {}</li>", html_escape(item.rule));
  return out + "</ul>";
}

std::string exception_row(const ExceptionRow& row) {
  const ExceptionItem& item = row.stored->item;
  const std::string customer = item.kind == schema::ExceptionKind::data_invalid && item.customer_name.empty()
                                   ? fmt::format("<span class=\"mono\">{}</span>", html_escape(customer_label(item)))
                                   : html_escape(customer_label(item));
  return fmt::format(
      "<tr id=\"x-{}\"><td>{}</td><td class=\"ref\">{}</td><td class=\"ref\">{}</td><td class=\"ref\">{}</td>"
      "<td class=\"num amount\">{}</td>"
      "<td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>\n",
      html_escape(row.stored->id), or_dash(customer), reference_cell(item.order_number, item.order_id),
      reference_cell(item.invoice_number, item.invoice_id), or_dash(html_escape(item.po_number)),
      or_dash(item.amount ? html_escape(format_amount(*item.amount)) : ""), format_age(row.age_days), state_cell(row),
      evidence_cell(item));
}

std::string kind_section(const KindCounts& counts, std::span<const ExceptionRow> rows, std::size_t max_rows) {
  const auto& info = schema::info(counts.kind);
  const char* severity = schema::to_string(info.severity);
  std::string out = fmt::format(
      "<section class=\"kind {}\" id=\"{}\">\n<h3>{} {} <code>{}</code> <span class=\"count\">{} open · {} new · "
      "{} acknowledged</span></h3>\n<p class=\"action\"><strong>Suggested action ({}):</strong> {}</p>\n",
      severity, info.name, severity_badge(info.severity), html_escape(info.title), info.name, counts.open,
      counts.new_this_week, counts.acknowledged, html_escape(info.owner), html_escape(info.action));
  out +=
      "<table class=\"rows\">\n<colgroup><col class=\"c-customer\"><col class=\"c-ref\"><col class=\"c-ref\">"
      "<col class=\"c-po\"><col class=\"c-amount\"><col class=\"c-age\"><col class=\"c-state\">"
      "<col class=\"c-evidence\"></colgroup>\n"
      "<thead><tr><th>Customer / record</th><th>Order</th><th>Invoice</th><th>PO</th>"
      "<th class=\"num\">Amount at stake</th><th class=\"num\">Age</th><th>State</th><th>Evidence</th></tr></thead>\n"
      "<tbody>\n";
  const std::size_t shown = std::min(rows.size(), max_rows);
  for (std::size_t i = 0; i < shown; ++i) out += exception_row(rows[i]);
  out += "</tbody>\n</table>\n";
  if (shown < rows.size())
    out += fmt::format("<p class=\"more\">… and {} more, oldest first above; every one is in exceptions.csv.</p>\n",
                       rows.size() - shown);
  return out + "</section>\n";
}

}  // namespace

std::string kind_sections(const WeekView& view, std::size_t max_rows_per_kind) {
  std::string out;
  if (!view.open.empty()) out += "<h2>Open exceptions</h2>\n";
  std::span<const ExceptionRow> rows(view.open);
  for (const KindCounts& counts : view.summary.kinds) {
    const auto end = std::find_if(rows.begin(), rows.end(),
                                  [&](const ExceptionRow& r) { return r.stored->item.kind != counts.kind; });
    const std::span<const ExceptionRow> of_kind(rows.begin(), end);
    rows = std::span<const ExceptionRow>(end, rows.end());
    if (!of_kind.empty()) out += kind_section(counts, of_kind, max_rows_per_kind);
  }
  return out;
}

std::string resolved_section(const WeekView& view, std::size_t max_rows) {
  std::string out = "<h2>Resolved this week</h2>\n";
  if (view.resolved.empty()) return out + "<p class=\"muted\">Nothing was resolved this week.</p>\n";
  out +=
      "<table>\n<thead><tr><th>Exception</th><th>Customer / record</th><th>Order</th><th>Invoice</th>"
      "<th class=\"num\">Amount</th><th>First seen</th><th>Resolved</th></tr></thead>\n<tbody>\n";
  const std::size_t shown = std::min(view.resolved.size(), max_rows);
  for (std::size_t i = 0; i < shown; ++i) {
    const ExceptionRow& row = view.resolved[i];
    const ExceptionItem& item = row.stored->item;
    out += fmt::format(
        "<tr><td>{} <code class=\"muted\">{}</code></td><td>{}</td><td class=\"ref\">{}</td><td class=\"ref\">{}</td>"
        "<td class=\"num\">{}</td>"
        "<td class=\"ref\">{}</td><td class=\"ref\">{}</td></tr>\n",
        html_escape(schema::info(item.kind).title), schema::info(item.kind).name,
        or_dash(html_escape(customer_label(item))), reference_cell(item.order_number, item.order_id),
        reference_cell(item.invoice_number, item.invoice_id),
        or_dash(item.amount ? html_escape(format_amount(*item.amount)) : ""),
        html_escape(format_time(row.stored->first_seen)), html_escape(format_time(*row.stored->resolved_at)));
  }
  out += "</tbody>\n</table>\n";
  if (shown < view.resolved.size())
    out += fmt::format("<p class=\"more\">… and {} more resolved this week.</p>\n", view.resolved.size() - shown);
  return out;
}

std::string freshness_section(const ReportInput& input) {
  std::string out = "<h2>Data freshness</h2>\n";
  if (input.runs.empty()) return out + "<p class=\"stale\">No sync run has been recorded yet.</p>\n";
  out +=
      "<table>\n<thead><tr><th>Stream</th><th>Status</th><th>Last run finished</th><th class=\"num\">Records</th>"
      "<th class=\"num\">Invalid</th><th>Error</th></tr></thead>\n<tbody>\n";
  for (const StreamRun& run : input.runs) {
    const bool known = run.status == "ok" || run.status == "failed" || run.status == "running";
    const std::string status_class = known ? "status-" + run.status : "stale";
    std::string finished = run.finished ? html_escape(format_time(*run.finished)) : "<span class=\"muted\">—</span>";
    if (run.finished && *run.finished + kStaleAfter < input.generated_at)
      finished += " <span class=\"stale\">(older than 24 h)</span>";
    out += fmt::format(
        "<tr><td class=\"mono\">{}</td><td class=\"{}\">{}</td><td>{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td>{}</td></tr>\n",
        html_escape(run.stream), status_class, html_escape(run.status), finished, run.records, run.invalid,
        or_dash(html_escape(run.error)));
  }
  return out + "</tbody>\n</table>\n";
}

std::string portals_section(const ReportInput& input) {
  if (input.portals.empty()) return "";
  std::string out =
      "<h2>Customer portals</h2>\n<p class=\"muted\">Invoices delivered to the portals the customers require, "
      "each once. Rejections and invoices not delivered are listed above with the portal's reason.</p>\n"
      "<table>\n<thead><tr><th>Portal</th><th class=\"num\">Sent this week</th><th class=\"num\">Accepted</th>"
      "<th class=\"num\">Paid</th><th class=\"num\">Rejected</th><th class=\"num\">Rejected this week</th>"
      "<th class=\"num\">Awaiting the buyer</th><th class=\"num\">Held</th></tr></thead>\n<tbody>\n";
  for (const PortalLine& p : input.portals)
    out += fmt::format(
        "<tr><td class=\"mono\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
        "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
        html_escape(p.portal), p.sent_this_week, p.accepted, p.paid, p.rejected, p.rejected_this_week, p.waiting,
        p.held);
  return out + "</tbody>\n</table>\n";
}

}  // namespace o2c::reports::html
