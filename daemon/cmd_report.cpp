// daemon/cmd_report.cpp — `o2csync report weekly [--week YYYY-Www] [--out DIR]`.
#include <fmt/format.h>

#include "daemon/app.h"
#include "daemon/exit_codes.h"
#include "daemon/report_run.h"

namespace o2c::daemon {

int cmd_report_weekly(const GlobalOptions& global, const std::string& week, const std::string& out_dir) {
  const auto cfg = load_configuration(global);
  auto store = open_configured_store(cfg);
  SystemClock clock;
  const std::filesystem::path dir = out_dir.empty() ? cfg.report.out_dir : std::filesystem::path(out_dir);
  const auto written = write_weekly_report(*store, week, dir, clock.now());
  fmt::print("weekly report {}: {} open ({} new, {} still open, {} acknowledged), {} resolved this week\n  {}\n  {}\n",
             written.week, written.summary.open, written.summary.new_this_week, written.summary.still_open,
             written.summary.acknowledged, written.summary.resolved_this_week, written.files.html.string(),
             written.files.csv.string());
  return kExitOk;
}

}  // namespace o2c::daemon
