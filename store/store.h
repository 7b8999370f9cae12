// store/store.h
// store — the only code that talks SQL. Owns sessions, migrations, upserts,
// cursors, sync-run bookkeeping and the exception lifecycle, for SQLite and
// PostgreSQL via SOCI (same code, per-backend migrations in schema/).
// Never parses wire formats or applies business rules; callers hand it
// canonical records. Called by daemon/ (sync runs, CLI) and reads for
// reconcile/ and reports/.
//
// Errors: every member may throw o2c::Error — kind `store` when the database
// fails (the message says what and why, never a secret), kind `config` for a
// bad URL or pending migrations. A failed write leaves nothing behind.
// Threads: a Store owns one database connection and is not thread-safe; use
// one Store per thread (several Stores, in one process or many, may share a
// database: SQLite serialises writers with BEGIN IMMEDIATE and a 10 s busy
// timeout, PostgreSQL with its own locking).
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/time.h"
#include "schema/exception_item.h"
#include "schema/model.h"
#include "schema/submission.h"

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

struct SubmissionFilter {
  std::optional<schema::SubmissionState> state;   // nullopt = any
  std::string portal;                              // "" = any
};

struct SubmissionEvent {
  Timestamp at{};
  std::string event;    // created, held, sending, submitted, unknown, lookup, accepted, rejected, paid, retry
  std::string detail;
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
  // A record listed in `invalid` is recorded in invalid_records and hidden
  // from the reads below; its last good row stays as it was. A record in
  // `records` clears its invalid_records entry. A record whose text holds a
  // NUL character (which PostgreSQL cannot store) is recorded as invalid
  // instead of failing the page. A record that breaks a table constraint
  // (e.g. an amount without a currency) fails the whole page: Error(store).
  virtual void commit_page(const StreamKey& stream, std::span<const schema::CanonicalRecord> records,
                           std::span<const schema::InvalidRecord> invalid, const std::string& next_cursor) = 0;
  virtual void reset_cursor(const StreamKey& stream) = 0;   // --full
  virtual long begin_run(const StreamKey& stream, Timestamp started) = 0;
  virtual void finish_run(long run_id, const SyncRunStats& stats, Timestamp finished) = 0;
  virtual std::vector<SyncRun> recent_runs(int limit) = 0;

  // --- reads for reconciliation and reports ---------------------------------
  // Every stored record, deleted ones included (meta.deleted), except those
  // with a current invalid_records entry; ordered by (source, object, external id).
  virtual std::vector<schema::Customer> customers() = 0;
  virtual std::vector<schema::Order> orders() = 0;
  virtual std::vector<schema::OrderLine> order_lines() = 0;
  virtual std::vector<schema::Invoice> invoices() = 0;
  virtual std::vector<schema::Payment> payments() = 0;
  virtual std::vector<schema::InvoiceLine> invoice_lines() = 0;
  virtual std::vector<schema::InvalidRecord> invalid_records() = 0;

  // --- exceptions ---------------------------------------------------------
  // Makes the stored set match `current` (the complete result of a
  // reconciliation pass): new ones open, present ones refresh last_seen and
  // evidence (acknowledged stay acknowledged, resolved reopen), absent open or
  // acknowledged ones become resolved. One transaction. A reopened exception
  // is open again (its acknowledgement note is kept for the record).
  virtual ExceptionSyncResult sync_exceptions(std::span<const schema::ExceptionItem> current, Timestamp now) = 0;
  virtual std::vector<schema::StoredException> exceptions(const ExceptionFilter& filter) = 0;
  // Records the note and marks the exception acknowledged (a resolved one keeps
  // its state and gets the note). `id` is the full id or a prefix of at least 6
  // characters. Returns false when no exception matches; throws Error(config)
  // when the prefix is shorter than 6 characters or matches several (listed).
  virtual bool acknowledge(const std::string& id, const std::string& note, Timestamp now) = 0;

  // --- outbox (portal submissions) ----------------------------------------
  // Inserts a new submission with its "created" (or "held") event, unless one
  // exists for the key: one transaction. Returns false when it existed (then
  // nothing changes): a second submission of an invoice to a portal cannot be made.
  virtual bool create_submission(const schema::Submission& s, const std::string& event_detail) = 0;
  // Writes `s` and records `event` — only if the stored row is still in
  // `expected` state (another run may have moved it): one transaction.
  // Returns false, changing nothing, when the state was no longer `expected`.
  virtual bool transition_submission(const schema::Submission& s, schema::SubmissionState expected,
                                     const std::string& event, const std::string& detail) = 0;
  virtual std::vector<schema::Submission> submissions(const SubmissionFilter& filter) = 0;
  virtual std::vector<SubmissionEvent> submission_events(const schema::SubmissionKey& key) = 0;
};

// "sqlite:///var/lib/o2csync/o2csync.db", "sqlite://relative.db", "sqlite::memory:",
// "postgresql://user@host:port/db" (password from PGPASSWORD / ~/.pgpass, never in the URL).
// Throws Error(config) on a malformed URL, Error(store) when unreachable.
// `clock` stamps synced_at, invalid-record first/last seen and migrations; it
// must outlive the store. The one-argument form uses the system clock.
std::unique_ptr<Store> open_store(const std::string& url, const Clock& clock);
std::unique_ptr<Store> open_store(const std::string& url);

}  // namespace o2c::store
