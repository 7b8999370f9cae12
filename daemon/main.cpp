// daemon/main.cpp — o2csync's command line (the contract in DESIGN.md).
#include <cstdio>
#include <iostream>

#include <CLI/CLI.hpp>

#include "core/error.h"
#include "core/log.h"
#include "daemon/commands.h"
#include "daemon/exit_codes.h"

namespace {

using namespace o2c::daemon;

int exit_code_for(const o2c::Error& e) {
  switch (e.kind()) {
    case o2c::Error::Kind::config: return kExitConfig;
    default: return kExitRunErrors;
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"o2csync — keeps order-to-cash honest: syncs signed orders (Salesforce) and invoices (NetSuite, SAP,\n"
               "Oracle), reconciles them, delivers invoices to customer portals exactly once, and writes a weekly\n"
               "exception report for the AR team."};
  app.require_subcommand(1);
  app.set_version_flag("--version", "o2csync " O2C_VERSION);
  GlobalOptions global;
  app.add_option("--config", global.config_path, "Configuration file")->capture_default_str();
  app.add_option("--log-level", global.log_level, "trace, debug, info, warn, error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}))
      ->capture_default_str();
  app.add_option("--log-format", global.log_format, "Log lines as key=value text or JSON")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();

  DemoOptions demo;
  auto* demo_cmd = app.add_subcommand("demo", "Start the simulators, sync, reconcile, and write the weekly report");
  demo_cmd->add_option("--out", demo.out_dir, "Output directory (config, database, report)")->capture_default_str();
  demo_cmd->add_option("--orders", demo.orders, "Orders in the simulated business")->check(CLI::Range(50L, 5'000'000L))->capture_default_str();
  demo_cmd->add_option("--seed", demo.seed, "Seed of the simulated business")->capture_default_str();
  demo_cmd->add_option("--faults", demo.faults, "Simulator fault spec, e.g. 429:0.02,5xx:0.01,truncate:0.005");
  demo_cmd->add_option("--latency-ms", demo.latency_ms, "Simulated network latency per request")->check(CLI::Range(0L, 10'000L));
  demo_cmd->add_option("--store", demo.store_url, "Store URL (default: SQLite file in the output directory)");
  demo_cmd->add_option("--erp", demo.erp,
                       "The ERP invoices and payments come from: netsuite, sap (S/4HANA OData), oracle (Fusion REST) "
                       "or ebs (E-Business Suite tables in PostgreSQL, read over ODBC)")
      ->check(CLI::IsMember({"netsuite", "sap", "oracle", "ebs"}))->capture_default_str();

  std::string sync_source;
  bool sync_full = false;
  auto* sync_cmd = app.add_subcommand("sync", "One sync pass of every configured source object (or one source), then exit");
  sync_cmd->add_option("--source", sync_source, "Only this configured source");
  sync_cmd->add_flag("--full", sync_full, "Ignore the stored cursors and re-read everything");

  auto* reconcile_cmd = app.add_subcommand("reconcile", "One reconciliation pass over the stored records");

  bool push_dry_run = false;
  auto* push_cmd = app.add_subcommand("push", "One pass over the portal outbox: submit due invoices, ask about "
                                              "unknown outcomes, poll statuses");
  push_cmd->add_flag("--dry-run", push_dry_run, "Show what would be sent or held; store and send nothing");

  std::string week, report_out;
  auto* report_cmd = app.add_subcommand("report", "Reports");
  report_cmd->require_subcommand(1);
  auto* weekly_cmd = report_cmd->add_subcommand("weekly", "Write report.html and exceptions.csv for one ISO week");
  weekly_cmd->add_option("--week", week, "ISO week, e.g. 2026-W48 (default: the current week)");
  weekly_cmd->add_option("--out", report_out, "Output directory (default: report.out_dir of the configuration)");

  auto* mapping_cmd = app.add_subcommand("mapping", "Field-mapping files");
  mapping_cmd->require_subcommand(1);
  auto* mapping_check = mapping_cmd->add_subcommand("check", "Load and type-check every mapping file; exit 78 on errors");

  auto* db_cmd = app.add_subcommand("db", "Database schema");
  db_cmd->require_subcommand(1);
  auto* db_migrate = db_cmd->add_subcommand("migrate", "Apply pending migrations");
  auto* db_status = db_cmd->add_subcommand("status", "Show applied and pending migrations");

  std::string exc_kind, exc_state, exc_format = "table", ack_id, ack_note;
  auto* exc_cmd = app.add_subcommand("exceptions", "Reconciliation exceptions");
  exc_cmd->require_subcommand(1);
  auto* exc_list = exc_cmd->add_subcommand("list", "List exceptions (open and acknowledged by default)");
  exc_list->add_option("--kind", exc_kind, "Only this kind, e.g. PO_MISMATCH");
  exc_list->add_option("--state", exc_state, "open, acknowledged, resolved, or all")
      ->check(CLI::IsMember({"open", "acknowledged", "resolved", "all"}));
  exc_list->add_option("--format", exc_format, "table, json or csv")
      ->check(CLI::IsMember({"table", "json", "csv"}))
      ->capture_default_str();
  auto* exc_ack = exc_cmd->add_subcommand("ack", "Acknowledge an exception (it stays acknowledged until resolved)");
  exc_ack->add_option("id", ack_id, "Exception id (or a unique prefix of at least 6 characters)")->required();
  exc_ack->add_option("--note", ack_note, "Why, for the next reader")->required();

  std::string status_format = "table";
  auto* status_cmd = app.add_subcommand("status", "Last sync runs per stream and open exceptions");
  status_cmd->add_option("--format", status_format, "table or json")->check(CLI::IsMember({"table", "json"}))->capture_default_str();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kExitOk : kExitUsage;
  }

  o2c::init_logging(global.log_format == "json" ? o2c::LogFormat::json : o2c::LogFormat::text, global.log_level);
  try {
    if (*demo_cmd) return cmd_demo(global, demo);
    if (*sync_cmd) return cmd_sync(global, sync_source, sync_full);
    if (*reconcile_cmd) return cmd_reconcile(global);
    if (*push_cmd) return cmd_push(global, push_dry_run);
    if (*weekly_cmd) return cmd_report_weekly(global, week, report_out);
    if (*mapping_check) return cmd_mapping_check(global);
    if (*db_migrate) return cmd_db_migrate(global);
    if (*db_status) return cmd_db_status(global);
    if (*exc_list) return cmd_exceptions_list(global, exc_kind, exc_state, exc_format);
    if (*exc_ack) return cmd_exceptions_ack(global, ack_id, ack_note);
    if (*status_cmd) return cmd_status(global, status_format);
  } catch (const o2c::Error& e) {
    std::cerr << "o2csync: " << e.located() << "\n";
    return exit_code_for(e);
  } catch (const std::exception& e) {
    std::cerr << "o2csync: internal error: " << e.what() << "\n";
    return kExitRunErrors;
  }
  return kExitUsage;
}
