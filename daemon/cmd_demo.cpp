// daemon/cmd_demo.cpp — `o2csync demo`: the whole path on one machine, for a
// newcomer: simulator → sync → reconcile → weekly report → summary.
#include <filesystem>

#include <fmt/format.h>
#include <sys/resource.h>

#include "core/log.h"
#include "daemon/answer_key_check.h"
#include "daemon/app.h"
#include "daemon/demo_setup.h"
#include "daemon/exit_codes.h"
#include "daemon/push_command.h"
#include "daemon/reconcile_run.h"
#include "daemon/report_run.h"
#include "daemon/sim_launcher.h"
#include "daemon/sync_all.h"

namespace o2c::daemon {

namespace fs = std::filesystem;

namespace {

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

std::vector<std::string> simulator_args(const DemoOptions& opt, const fs::path& out) {
  std::vector<std::string> args{"--seed", std::to_string(opt.seed), "--orders", std::to_string(opt.orders),
                                "--answer-key", (out / "answer-key.json").string(), "--erp", opt.erp,
                                "--routing-file", (out / "routing.csv").string()};
  if (!opt.faults.empty()) args.insert(args.end(), {"--faults", opt.faults});
  if (opt.latency_ms > 0) args.insert(args.end(), {"--latency-ms", std::to_string(opt.latency_ms)});
  return args;
}

}  // namespace

int cmd_demo(const GlobalOptions& global, const DemoOptions& opt) {
  const fs::path out = fs::absolute(opt.out_dir);
  fs::create_directories(out);
  // The demo's screen is its summary; the daemon's log lines go beside the report.
  const fs::path log_file = out / "o2csync.log";
  init_logging(global.log_format == "json" ? LogFormat::json : LogFormat::text, global.log_level, log_file.string());
  const std::string store_url = opt.store_url.empty() ? "sqlite://" + (out / "o2csync.db").string() : opt.store_url;
  if (opt.store_url.empty()) {
    for (const char* suffix : {"", "-wal", "-shm"}) fs::remove(out / (std::string("o2csync.db") + suffix));
  }

  fmt::print("starting o2csync-sim (seed {}, {} orders, ERP {}{}) ...\n", opt.seed, opt.orders,
             erp_display_name(opt.erp), opt.faults.empty() ? "" : ", faults " + opt.faults);
  // The simulator computes its answer key before it says it is ready: about
  // a second per 200,000 orders in a release build, ten times that in Debug.
  const int ready_timeout_s = 30 + static_cast<int>(opt.orders / 2000);
  SimProcess sim(sibling_binary("o2csync-sim"), simulator_args(opt, out), out, ready_timeout_s);
  const SimEndpoints endpoints = parse_ready_file(sim.ready_json());
  write_demo_mappings(out / "mappings");
  const fs::path config_path = write_demo_config(out, endpoints, store_url, opt.erp);

  const auto cfg = config::load_config(config_path);
  auto store = open_configured_store(cfg, /*require_current_schema=*/false);
  store->migrate();
  SystemClock clock;

  const std::string erp_at = opt.erp == "netsuite" ? endpoints.netsuite_url
                             : opt.erp == "sap"    ? endpoints.sap_url
                             : opt.erp == "oracle" ? endpoints.oracle_url
                                                   : std::string("PostgreSQL over ODBC");
  fmt::print("\nsync (Salesforce {} + {} {})\n", endpoints.salesforce_url, erp_display_name(opt.erp), erp_at);
  auto streams = build_streams(cfg, "", clock);
  const auto synced = sync_all(streams, [&cfg] { return open_configured_store(cfg); }, connectors::SyncMode::incremental, clock);
  print_sync_summary(synced);
  fmt::print("peak RSS after sync: {} MB\n", peak_rss_mb());

  if (!cfg.portals.empty()) {
    fmt::print("\npush (Coupa, SAP Ariba, Chorus Pro, Peppol access point and a file drop, per {})\n",
               (out / "routing.csv").string());
    const auto t0 = std::chrono::steady_clock::now();
    const push::PushStats p = push_until_settled(cfg, *store, clock, 20);
    print_outbox_summary(*store);
    fmt::print("{} documents sent in {:.2f} s ({} attempts, {} answers unknown then asked, {} retried later); "
               "copies in {}\n",
               p.created + p.released, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
               p.sent, p.unknown, p.retried, (out / "einvoices").string());
  }
  const auto reconciled = run_reconcile(cfg, *store, clock);
  fmt::print("\nreconcile: {} open exceptions ({:.2f} s)\n", reconciled.exceptions, reconciled.seconds);
  const auto report = write_weekly_report(*store, "", out, clock.now());
  const auto check = check_against_answer_key(out / "answer-key.json", *store);
  print_answer_key_check(check);

  fmt::print("\nweekly report {}: {} open exceptions ({} new this week)\n  {}\n  {}\nconfig and mappings: {}\n",
             report.week, report.summary.open, report.summary.new_this_week, report.files.html.string(),
             report.files.csv.string(), config_path.string());
  std::error_code ec;
  const fs::path self = fs::read_symlink("/proc/self/exe", ec);
  fmt::print("log: {}\nexplore: {} --config {} exceptions list\n", log_file.string(),
             ec ? std::string("o2csync") : self.string(), config_path.string());
  fmt::print("(exceptions, report and status read the database; sync needs the simulator again: o2csync-sim)\n");
  return synced.failed == 0 && check.all_match ? kExitOk : kExitRunErrors;
}

}  // namespace o2c::daemon
