// daemon/cmd_status.cpp — `o2csync status [--format json]`: the last run of
// each stream and the open exceptions per kind, read from the store.
#include <iostream>
#include <map>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "daemon/app.h"
#include "daemon/exit_codes.h"

namespace o2c::daemon {

namespace {

std::map<std::string, store::SyncRun> last_run_per_stream(store::Store& store) {
  std::map<std::string, store::SyncRun> last;
  for (auto& run : store.recent_runs(500))
    if (!last.count(run.stream.to_text()) || last[run.stream.to_text()].started < run.started)
      last[run.stream.to_text()] = run;
  return last;
}

std::map<std::string, int> open_per_kind(store::Store& store) {
  std::map<std::string, int> counts;
  for (const auto& e : store.exceptions({}))
    if (e.state != schema::ExceptionState::resolved) ++counts[std::string(schema::info(e.item.kind).name)];
  return counts;
}

}  // namespace

int cmd_status(const GlobalOptions& global, const std::string& format) {
  const auto cfg = load_configuration(global);
  auto store = open_configured_store(cfg);
  const auto runs = last_run_per_stream(*store);
  const auto open = open_per_kind(*store);
  bool healthy = true;
  for (const auto& [_, run] : runs) healthy = healthy && run.status == "ok";
  if (format == "json") {
    boost::json::object root;
    boost::json::array streams;
    for (const auto& [name, run] : runs)
      streams.push_back({{"stream", name},
                         {"status", run.status},
                         {"started", to_iso8601(run.started)},
                         {"finished", run.finished ? to_iso8601(*run.finished) : ""},
                         {"records", run.stats.records},
                         {"invalid", run.stats.invalid},
                         {"api_calls", run.stats.api_calls},
                         {"error", run.stats.error}});
    boost::json::object kinds;
    for (const auto& [kind, n] : open) kinds[kind] = n;
    root["healthy"] = healthy;
    root["schema_version"] = store->schema_version();
    root["streams"] = std::move(streams);
    root["open_exceptions"] = std::move(kinds);
    std::cout << boost::json::serialize(root) << "\n";
  } else {
    fmt::print("{:<24} {:<8} {:<22} {:>9} {:>8}  {}\n", "stream", "status", "last run (UTC)", "records", "invalid",
               "error");
    for (const auto& [name, run] : runs)
      fmt::print("{:<24} {:<8} {:<22} {:>9} {:>8}  {}\n", name, run.status, to_iso8601_seconds(run.started),
                 run.stats.records, run.stats.invalid, run.stats.error);
    int total = 0;
    for (const auto& [kind, n] : open) {
      fmt::print("{:<26} {:>6} open\n", kind, n);
      total += n;
    }
    fmt::print("{} open exceptions\n", total);
  }
  return healthy ? kExitOk : kExitRunErrors;
}

}  // namespace o2c::daemon
