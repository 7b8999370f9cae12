#include "daemon/report_run.h"

#include <map>

#include "core/log.h"

namespace o2c::daemon {

namespace {

std::vector<reports::StreamRun> last_run_per_stream(store::Store& store) {
  std::map<std::string, reports::StreamRun> last;
  for (const auto& run : store.recent_runs(1000)) {
    const std::string name = run.stream.to_text();
    auto it = last.find(name);
    if (it != last.end() && it->second.started >= run.started) continue;
    last[name] = reports::StreamRun{name,         run.started,        run.finished, run.status,
                                    run.stats.records, run.stats.invalid, run.stats.error};
  }
  std::vector<reports::StreamRun> out;
  for (auto& [_, run] : last) out.push_back(std::move(run));
  return out;
}

std::vector<reports::PortalLine> portal_lines(store::Store& store, const reports::IsoWeek& week) {
  using schema::SubmissionState;
  std::map<std::string, reports::PortalLine> by_portal;
  const auto in_week = [&](Timestamp t) { return t >= week.start() && t < week.end(); };
  for (const auto& s : store.submissions({})) {
    reports::PortalLine& p = by_portal[s.key.portal];
    p.portal = s.key.portal;
    if (s.first_sent && in_week(*s.first_sent)) ++p.sent_this_week;
    switch (s.state) {
      case SubmissionState::held: ++p.held; break;
      case SubmissionState::pending:
      case SubmissionState::sending:
      case SubmissionState::submitted: ++p.waiting; break;
      case SubmissionState::accepted: ++p.accepted; break;
      case SubmissionState::paid: ++p.paid; break;
      case SubmissionState::rejected:
        ++p.rejected;
        if (in_week(s.updated)) ++p.rejected_this_week;
        break;
    }
  }
  std::vector<reports::PortalLine> out;
  for (auto& [_, p] : by_portal) out.push_back(std::move(p));
  return out;
}

}  // namespace

reports::ReportInput report_input(store::Store& store, const reports::IsoWeek& week, Timestamp now) {
  reports::ReportInput input;
  input.week = week;
  input.generated_at = now;
  input.exceptions = store.exceptions({});
  input.runs = last_run_per_stream(store);
  input.portals = portal_lines(store, week);
  return input;
}

WrittenReport write_weekly_report(store::Store& store, const std::string& week, const std::filesystem::path& out_dir,
                                  Timestamp now) {
  const auto iso_week = week.empty() ? reports::IsoWeek::containing(now) : reports::IsoWeek::parse(week);
  const auto input = report_input(store, iso_week, now);
  WrittenReport out{reports::write_report_files(input, out_dir), reports::summarise(input), iso_week.to_text()};
  logger("report")->info("weekly report written week={} open={} new={} resolved={} html={} csv={}", out.week,
                         out.summary.open, out.summary.new_this_week, out.summary.resolved_this_week,
                         out.files.html.string(), out.files.csv.string());
  return out;
}

}  // namespace o2c::daemon
