// daemon/cmd_push.cpp — `o2csync push [--dry-run]`: one pass over the outbox.
#include <fmt/format.h>

#include "core/error.h"
#include "daemon/app.h"
#include "daemon/exit_codes.h"
#include "daemon/push_command.h"
#include "daemon/push_setup.h"

namespace o2c::daemon {

int cmd_push(const GlobalOptions& global, bool dry_run) {
  const auto cfg = load_configuration(global);
  if (cfg.portals.empty())
    throw Error(Error::Kind::config, fmt::format("{}: no portal is configured (portals: and push: sections)",
                                                 cfg.file.string()));
  auto store = open_configured_store(cfg);
  SystemClock clock;
  if (!dry_run) {
    const push::PushStats s = push_until_settled(cfg, *store, clock, 1);
    fmt::print("push: {} due, {} new, {} held, {} sent, {} accepted, {} rejected, {} paid, {} retried later, "
               "{} unknown (asked again next pass), {} errors\n",
               s.due, s.created + s.released, s.held, s.sent, s.accepted, s.rejected, s.paid, s.retried, s.unknown,
               s.errors);
    print_outbox_summary(*store);
    return s.errors == 0 ? kExitOk : kExitRunErrors;
  }
  PushSetup setup = build_push(cfg, clock);
  push::PushRun run(*store, setup.handles, setup.routing, setup.settings, clock, {.dry_run = true, .status_polls = 0});
  const push::PushStats s = run.run();
  for (const auto& line : run.plan_lines()) fmt::print("{}\n", line);
  fmt::print("dry run: {} invoices due, {} would be sent, {} held; nothing stored, nothing sent\n", s.due,
             static_cast<long>(run.plan_lines().size()) - s.held, s.held);
  return kExitOk;
}

}  // namespace o2c::daemon
