// daemon/commands.h — one function per CLI command. Each returns an exit
// code from exit_codes.h; main() maps uncaught o2c::Error kinds to codes.
#pragma once

#include <optional>
#include <string>

namespace o2c::daemon {

struct GlobalOptions {
  std::string config_path = "/etc/o2csync/config.yaml";
  std::string log_level = "info";
  std::string log_format = "text";
};

struct DemoOptions {
  std::string out_dir = "o2csync-demo";
  long orders = 2000;
  long seed = 42;
  std::string faults;
  long latency_ms = 0;
  std::string store_url;          // default: sqlite in out_dir
  std::string erp = "netsuite";   // netsuite | sap | oracle | ebs
};

int cmd_demo(const GlobalOptions&, const DemoOptions&);
int cmd_sync(const GlobalOptions&, const std::string& source, bool full);
int cmd_reconcile(const GlobalOptions&);
int cmd_push(const GlobalOptions&, bool dry_run);
int cmd_report_weekly(const GlobalOptions&, const std::string& week, const std::string& out_dir);
int cmd_mapping_check(const GlobalOptions&);
int cmd_db_migrate(const GlobalOptions&);
int cmd_db_status(const GlobalOptions&);
int cmd_exceptions_list(const GlobalOptions&, const std::string& kind, const std::string& state,
                        const std::string& format);
int cmd_exceptions_ack(const GlobalOptions&, const std::string& id, const std::string& note);
int cmd_status(const GlobalOptions&, const std::string& format);

}  // namespace o2c::daemon
