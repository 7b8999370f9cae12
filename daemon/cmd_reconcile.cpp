// daemon/cmd_reconcile.cpp — `o2csync reconcile`.
#include <fmt/format.h>

#include "daemon/app.h"
#include "daemon/exit_codes.h"
#include "daemon/reconcile_run.h"

namespace o2c::daemon {

int cmd_reconcile(const GlobalOptions& global) {
  const auto cfg = load_configuration(global);
  auto store = open_configured_store(cfg);
  SystemClock clock;
  const auto out = run_reconcile(cfg, *store, clock);
  fmt::print("{} open exceptions: {} new, {} still open, {} resolved ({:.2f} s)\n", out.exceptions,
             out.changes.opened, out.changes.still_open, out.changes.resolved, out.seconds);
  return kExitOk;
}

}  // namespace o2c::daemon
