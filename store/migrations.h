// store/migrations.h — the schema migrations embedded in the binary
// (schema/<backend>/NNNN_name.sql) and the runner that applies them in
// order, each in its own transaction, recorded in schema_migrations.
// Concurrent runners (several o2csync processes) are serialised: PostgreSQL
// by an advisory transaction lock, SQLite by BEGIN IMMEDIATE; each re-reads
// the version under the lock, so a migration is never applied twice.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "store/connection.h"
#include "store/store.h"

namespace o2c::store {

struct Migration {
  int version = 0;
  std::string name;     // "0001_initial"
  std::string_view sql;
};

// The migrations this binary carries for `backend`, by version, numbered 1..N
// without gaps (else Error(internal): the build embedded a broken set).
std::vector<Migration> embedded_migrations(Backend backend);

class MigrationRunner {
 public:
  MigrationRunner(Connection& connection, const Clock& clock);

  int current_version();                     // 0 when nothing was applied yet
  int latest_version() const { return static_cast<int>(migrations_.size()); }
  std::vector<MigrationStatus> status();     // known ones and any unknown applied ones, by version
  int migrate();                             // applies the pending ones; returns how many
  void check();                              // see Store::check_schema

 private:
  bool has_migrations_table();
  void lock_for_migration();
  int apply_next_or_finish();                // 1 when one was applied, 0 when none is pending

  Connection& connection_;
  const Clock& clock_;
  std::vector<Migration> migrations_;
};

}  // namespace o2c::store
