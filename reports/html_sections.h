// reports/html_sections.h — one function per section of report.html; each
// returns escaped HTML.
#pragma once

#include <string>

#include "reports/reports.h"
#include "reports/week_view.h"

namespace o2c::reports::html {

std::string masthead(const ReportInput& input, const WeekView& view);
std::string headline_cards(const WeekSummary& summary);
std::string kinds_overview(const WeekSummary& summary);
std::string kind_sections(const WeekView& view, std::size_t max_rows_per_kind);
std::string resolved_section(const WeekView& view, std::size_t max_rows);
std::string freshness_section(const ReportInput& input);
std::string portals_section(const ReportInput& input);
std::string footer(const ReportInput& input);

// "1,200.00 EUR<br>300.00 GBP" or "—".
std::string amounts_cell(const std::vector<Money>& amounts);
std::string severity_badge(schema::Severity severity);

}  // namespace o2c::reports::html
