// daemon/cmd_sync.cpp — `o2csync sync [--source NAME] [--full]`.
#include <fmt/format.h>

#include "daemon/app.h"
#include "daemon/exit_codes.h"
#include "daemon/sync_all.h"

namespace o2c::daemon {

int cmd_sync(const GlobalOptions& global, const std::string& source, bool full) {
  const auto cfg = load_configuration(global);
  auto store = open_configured_store(cfg);
  SystemClock clock;
  auto streams = build_streams(cfg, source, clock);
  const auto summary = sync_all(streams, [&cfg] { return open_configured_store(cfg); }, full ? connectors::SyncMode::full : connectors::SyncMode::incremental, clock);
  print_sync_summary(summary);
  return summary.failed == 0 ? kExitOk : kExitRunErrors;
}

}  // namespace o2c::daemon
