// daemon/cmd_db.cpp — `o2csync db migrate | db status`.
#include <iostream>

#include <fmt/format.h>

#include "daemon/app.h"
#include "daemon/exit_codes.h"

namespace o2c::daemon {

int cmd_db_migrate(const GlobalOptions& global) {
  const auto cfg = load_configuration(global);
  auto store = open_configured_store(cfg, /*require_current_schema=*/false);
  const int before = store->schema_version();
  if (before > store->latest_version()) {
    store->check_schema();  // throws the "newer than this binary" error
  }
  const int applied = store->migrate();
  fmt::print("schema version {} → {} ({} migration{} applied)\n", before, store->schema_version(), applied,
             applied == 1 ? "" : "s");
  return kExitOk;
}

int cmd_db_status(const GlobalOptions& global) {
  const auto cfg = load_configuration(global);
  auto store = open_configured_store(cfg, /*require_current_schema=*/false);
  const int current = store->schema_version();
  fmt::print("database schema version {} (this o2csync knows up to {})\n", current, store->latest_version());
  for (const auto& m : store->migration_status())
    fmt::print("  {:04} {:<32} {}\n", m.version, m.name,
               m.applied ? "applied " + (m.applied_at ? to_iso8601_seconds(*m.applied_at) : std::string{}) : "pending");
  if (current > store->latest_version()) {
    fmt::print("the database is newer than this binary: upgrade o2csync\n");
    return kExitRunErrors;
  }
  return kExitOk;
}

}  // namespace o2c::daemon
