// reports/week_view.h — the stored exceptions as one week's report sees
// them: which are open (new / still open), which were resolved, their age,
// the counts, and the order they are listed in. Shared by the HTML and CSV.
#pragma once

#include <vector>

#include "reports/reports.h"

namespace o2c::reports {

struct ExceptionRow {
  const schema::StoredException* stored = nullptr;
  Standing standing = Standing::outside_week;
  bool acknowledged = false;
  int age_days = 0;  // as_of - reference date; negative = still ahead (a renewal date)
};

struct WeekView {
  Date as_of{};                        // the generation date, or the week's Sunday for a past week
  std::vector<ExceptionRow> open;      // by kind (severity first), oldest first, customer, id
  std::vector<ExceptionRow> resolved;  // resolved this week, by resolution time
  WeekSummary summary;
};

WeekView build_week_view(const ReportInput& input);

// Every kind, critical first, then in declaration order.
const std::vector<schema::ExceptionKind>& kinds_in_report_order();

// What the customer column shows: the name, else the CRM id, else the record key.
std::string customer_label(const schema::ExceptionItem& item);

}  // namespace o2c::reports
