// store/store.h
// store — the only code that talks SQL. Owns sessions, migrations, upserts,
// cursors, sync-run bookkeeping and the exception lifecycle, for SQLite and
// PostgreSQL via SOCI (same code, per-backend migrations in schema/).
// Never parses wire formats or applies business rules; callers hand it
// canonical records. Called by daemon/ (sync runs, CLI) and reads for
// reconcile/ and reports/.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/time.h"
#include "schema/exception_item.h"
#include "schema/model.h"

namespace o2c::store {

struct StreamKey {
  std::string source;   // configured source name: "salesforce", "erp"
  std::string object;   // configured object name: "orders", "invoices"
  std::string to_text() const { return source + "." + object; }
};

struct MigrationStatus {
  int version;
  std::string name;            // "0001_initial"
  bool applied;
  std::optional<Timestamp> applied_at;
};

struct SyncRunStats {
  long pages = 0;
  long records = 0;
  long invalid = 0;
  long api_calls = 0;
  std::string error;           // "" on success
};

struct SyncRun {
  long id = 0;
  StreamKey stream;
  Timestamp started{};
  std::optional<Timestamp> finished;
  SyncRunStats stats;
  std::string status;          // running | ok | failed
};

struct ExceptionFilter {
  std::optional<schema::ExceptionKind> kind;
  std::optional<schema::ExceptionState> state;   // nullopt = any
};

struct ExceptionSyncResult {
  int opened = 0;      // new, or reopened after being resolved
  int still_open = 0;  // present before and now (open or acknowledged)
  int resolved = 0;    // present before, gone now
};

class Store {
 public:
  virtual ~Store() = default;

  // --- schema -------------------------------------------------------------
  virtual int schema_version() = 0;                  // highest applied migration, 0 if none
  virtual int latest_version() const = 0;            // highest migration this binary knows
  virtual std::vector<MigrationStatus> migration_status() = 0;
  virtual int migrate() = 0;                         // applies pending ones; returns how many
  // Throws Error(store) if the database schema is newer than this binary, or
  // Error(config) if migrations are pending ("run o2csync db migrate").
  virtual void check_schema() = 0;

  // --- sync ---------------------------------------------------------------
  virtual std::optional<std::string> cursor(const StreamKey& stream) = 0;
  // Upserts records by (source, object, external id), records/clears invalid
  // records, and stores the cursor: one transaction, or none.
  virtual void commit_page(const StreamKey& stream, std::span<const schema::CanonicalRecord> records,
                           std::span<const schema::InvalidRecord> invalid, const std::string& next_cursor) = 0;
  virtual void reset_cursor(const StreamKey& stream) = 0;   // --full
  virtual long begin_run(const StreamKey& stream, Timestamp started) = 0;
  virtual void finish_run(long run_id, const SyncRunStats& stats, Timestamp finished) = 0;
  virtual std::vector<SyncRun> recent_runs(int limit) = 0;

  // --- reads for reconciliation and reports ---------------------------------
  virtual std::vector<schema::Customer> customers() = 0;
  virtual std::vector<schema::Order> orders() = 0;
  virtual std::vector<schema::Invoice> invoices() = 0;
  virtual std::vector<schema::Payment> payments() = 0;
  virtual std::vector<schema::InvalidRecord> invalid_records() = 0;

  // --- exceptions ---------------------------------------------------------
  // Makes the stored set match `current` (the complete result of a
  // reconciliation pass): new ones open, present ones refresh last_seen and
  // evidence (acknowledged stay acknowledged, resolved reopen), absent open or
  // acknowledged ones become resolved. One transaction.
  virtual ExceptionSyncResult sync_exceptions(std::span<const schema::ExceptionItem> current, Timestamp now) = 0;
  virtual std::vector<schema::StoredException> exceptions(const ExceptionFilter& filter) = 0;
  // Returns false when no exception has that id (or unique id prefix).
  virtual bool acknowledge(const std::string& id, const std::string& note, Timestamp now) = 0;
};

// "sqlite:///var/lib/o2csync/o2csync.db", "sqlite://relative.db", "sqlite::memory:",
// "postgresql://user@host:port/db" (password from PGPASSWORD / ~/.pgpass, never in the URL).
// Throws Error(config) on a malformed URL, Error(store) when unreachable.
std::unique_ptr<Store> open_store(const std::string& url);

}  // namespace o2c::store
