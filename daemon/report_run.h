// daemon/report_run.h — gathers what the weekly report needs from the store
// (every stored exception, the last run of each stream) and writes the files.
#pragma once

#include <filesystem>
#include <string>

#include "core/time.h"
#include "reports/reports.h"
#include "store/store.h"

namespace o2c::daemon {

struct WrittenReport {
  reports::ReportFiles files;
  reports::WeekSummary summary;
  std::string week;               // "2026-W48"
};

// `week` "YYYY-Www" or "" for the week containing `now`. Throws Error(config)
// on a malformed week.
WrittenReport write_weekly_report(store::Store& store, const std::string& week, const std::filesystem::path& out_dir,
                                  Timestamp now);

// The input the report renders from (also used by `exceptions list --format csv`).
reports::ReportInput report_input(store::Store& store, const reports::IsoWeek& week, Timestamp now);

}  // namespace o2c::daemon
