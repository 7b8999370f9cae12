// store/sql_store.cpp — the Store over SOCI: one connection, the migration
// runner, the page writer and the reads, each operation in its own
// transaction where it writes, failures reported as Error(store).
#include <fmt/format.h>

#include "core/log.h"
#include "store/connection.h"
#include "store/exception_table.h"
#include "store/migrations.h"
#include "store/record_reader.h"
#include "store/record_writer.h"
#include "store/select_query.h"
#include "store/sql_values.h"
#include "store/store.h"
#include "store/submission_table.h"

namespace o2c::store {

namespace {

class SqlStore final : public Store {
 public:
  SqlStore(const StoreLocation& location, const Clock& clock)
      : connection_(location), clock_(clock), migrations_(connection_, clock), writer_(connection_) {}

  int schema_version() override { return migrations_.current_version(); }
  int latest_version() const override { return migrations_.latest_version(); }
  std::vector<MigrationStatus> migration_status() override { return migrations_.status(); }
  int migrate() override { return migrations_.migrate(); }
  void check_schema() override { migrations_.check(); }

  std::optional<std::string> cursor(const StreamKey& stream) override {
    return guarded(about("reading the cursor of", stream), [&]() -> std::optional<std::string> {
      std::string text;
      soci::indicator found = soci::i_null;
      connection_.sql() << "SELECT cursor_text FROM sync_cursors WHERE source = :source AND object = :object",
          soci::use(stream.source, "source"), soci::use(stream.object, "object"), soci::into(text, found);
      if (!connection_.sql().got_data() || found != soci::i_ok) return std::nullopt;
      return text;
    });
  }

  void commit_page(const StreamKey& stream, std::span<const schema::CanonicalRecord> records,
                   std::span<const schema::InvalidRecord> invalid, const std::string& next_cursor) override {
    const std::size_t unstorable = guarded(about("committing a page of", stream), [&] {
      WriteTransaction tx(connection_);
      const Timestamp now = clock_.now();
      const std::size_t demoted = writer_.write(records, invalid, now);
      const long long now_ms = to_ms(now);
      connection_.sql() << "INSERT INTO sync_cursors (source, object, cursor_text, updated_at_ms) "
                           "VALUES (:source, :object, :cursor_text, :updated_at_ms) ON CONFLICT (source, object) "
                           "DO UPDATE SET cursor_text = excluded.cursor_text, updated_at_ms = excluded.updated_at_ms",
          soci::use(stream.source, "source"), soci::use(stream.object, "object"),
          soci::use(next_cursor, "cursor_text"), soci::use(now_ms, "updated_at_ms");
      tx.commit();
      return demoted;
    });
    if (unstorable > 0)
      logger("store")->warn("records stored as invalid stream={} count={} reason=text holds a NUL character",
                            stream.to_text(), unstorable);
  }

  void reset_cursor(const StreamKey& stream) override {
    guarded(about("resetting the cursor of", stream), [&] {
      connection_.sql() << "DELETE FROM sync_cursors WHERE source = :source AND object = :object",
          soci::use(stream.source, "source"), soci::use(stream.object, "object");
    });
  }

  long begin_run(const StreamKey& stream, Timestamp started) override {
    return guarded(about("recording the start of a sync run of", stream), [&] {
      long long id = 0;
      const long long started_ms = to_ms(started);
      connection_.sql() << "INSERT INTO sync_runs (source, object, started_ms, status) "
                           "VALUES (:source, :object, :started_ms, 'running') RETURNING id",
          soci::use(stream.source, "source"), soci::use(stream.object, "object"), soci::use(started_ms, "started_ms"),
          soci::into(id);
      return static_cast<long>(id);
    });
  }

  void finish_run(long run_id, const SyncRunStats& stats, Timestamp finished) override;
  std::vector<SyncRun> recent_runs(int limit) override;

  std::vector<schema::Customer> customers() override { return read("customers", read_customers); }
  std::vector<schema::Order> orders() override { return read("orders", read_orders); }
  std::vector<schema::OrderLine> order_lines() override { return read("order lines", read_order_lines); }
  std::vector<schema::Invoice> invoices() override { return read("invoices", read_invoices); }
  std::vector<schema::Payment> payments() override { return read("payments", read_payments); }
  std::vector<schema::InvoiceLine> invoice_lines() override { return read("invoice lines", read_invoice_lines); }
  std::vector<schema::InvalidRecord> invalid_records() override { return read("invalid records", read_invalid_records); }

  ExceptionSyncResult sync_exceptions(std::span<const schema::ExceptionItem> current, Timestamp now) override {
    return guarded(fmt::format("storing the exceptions in {}", connection_.display()), [&] {
      WriteTransaction tx(connection_);
      const ExceptionSyncResult result = sync_exception_table(connection_, current, now);
      tx.commit();
      return result;
    });
  }

  std::vector<schema::StoredException> exceptions(const ExceptionFilter& filter) override {
    return read("exceptions", [&filter](Connection& c) { return read_exceptions(c, filter); });
  }

  bool acknowledge(const std::string& id, const std::string& note, Timestamp now) override {
    return guarded(fmt::format("acknowledging exception {} in {}", id, connection_.display()), [&] {
      WriteTransaction tx(connection_);
      const bool found = acknowledge_exception(connection_, id, note, now);
      tx.commit();
      return found;
    });
  }

  bool create_submission(const schema::Submission& s, const std::string& event_detail) override {
    return guarded(fmt::format("creating the submission {} in {}", s.key.to_text(), connection_.display()), [&] {
      WriteTransaction tx(connection_);
      if (!insert_submission(connection_, s)) return false;
      add_submission_event(connection_, s.key, s.updated, s.state == schema::SubmissionState::held ? "held" : "created",
                           event_detail);
      tx.commit();
      return true;
    });
  }

  bool transition_submission(const schema::Submission& s, schema::SubmissionState expected, const std::string& event,
                             const std::string& detail) override {
    return guarded(fmt::format("updating the submission {} in {}", s.key.to_text(), connection_.display()), [&] {
      WriteTransaction tx(connection_);
      if (!update_submission(connection_, s, expected)) return false;
      add_submission_event(connection_, s.key, s.updated, event, detail);
      tx.commit();
      return true;
    });
  }

  std::vector<schema::Submission> submissions(const SubmissionFilter& filter) override {
    return read("submissions", [&filter](Connection& c) { return read_submissions(c, filter); });
  }

  std::vector<SubmissionEvent> submission_events(const schema::SubmissionKey& key) override {
    return read("submission events", [&key](Connection& c) { return read_submission_events(c, key); });
  }

 private:
  std::string about(std::string_view what, const StreamKey& stream) const {
    return fmt::format("{} {} in {}", what, stream.to_text(), connection_.display());
  }

  template <typename Reader>
  auto read(std::string_view what, Reader&& reader) -> decltype(reader(std::declval<Connection&>())) {
    return guarded(fmt::format("reading the {} from {}", what, connection_.display()),
                   [&] { return reader(connection_); });
  }

  Connection connection_;
  const Clock& clock_;
  MigrationRunner migrations_;
  RecordWriter writer_;
};

void SqlStore::finish_run(long run_id, const SyncRunStats& stats, Timestamp finished) {
  guarded(fmt::format("recording the end of sync run {} in {}", run_id, connection_.display()), [&] {
    const long long id = run_id, finished_ms = to_ms(finished), pages = stats.pages, records = stats.records,
                    invalid = stats.invalid, api_calls = stats.api_calls;
    const std::string status = stats.error.empty() ? "ok" : "failed";
    const std::string error = storable_text(stats.error);
    soci::statement st =
        (connection_.sql().prepare << "UPDATE sync_runs SET finished_ms = :finished_ms, status = :status, "
                                      "pages = :pages, records = :records, invalid = :invalid, "
                                      "api_calls = :api_calls, error = :error WHERE id = :id",
         soci::use(finished_ms, "finished_ms"), soci::use(status, "status"), soci::use(pages, "pages"),
         soci::use(records, "records"), soci::use(invalid, "invalid"), soci::use(api_calls, "api_calls"),
         soci::use(error, "error"), soci::use(id, "id"));
    st.execute(true);
    if (st.get_affected_rows() == 0) fail(Error::Kind::store, "there is no sync run {}", run_id);
  });
}

std::vector<SyncRun> SqlStore::recent_runs(int limit) {
  return read("sync runs", [limit](Connection& c) {
    std::vector<SyncRun> out;
    if (limit <= 0) return out;
    SelectQuery q(c);
    SyncRun run;
    long long id = 0, started = 0, finished = 0, pages = 0, records = 0, invalid = 0, api_calls = 0;
    soci::indicator finished_ind = soci::i_null;
    q.into(id).into(run.stream.source).into(run.stream.object).into(started).into(finished, finished_ind);
    q.into(run.status).into(pages).into(records).into(invalid).into(api_calls).into(run.stats.error);
    q.use(limit, "limit");
    q.run("SELECT id, source, object, started_ms, finished_ms, status, pages, records, invalid, api_calls, error "
          "FROM sync_runs ORDER BY id DESC LIMIT :limit");
    while (q.next()) {
      run.id = static_cast<long>(id);
      run.started = from_ms(started);
      run.finished = finished_ind == soci::i_ok ? std::optional<Timestamp>(from_ms(finished)) : std::nullopt;
      run.stats.pages = static_cast<long>(pages);
      run.stats.records = static_cast<long>(records);
      run.stats.invalid = static_cast<long>(invalid);
      run.stats.api_calls = static_cast<long>(api_calls);
      out.push_back(run);
    }
    return out;
  });
}

}  // namespace

std::unique_ptr<Store> open_store(const std::string& url, const Clock& clock) {
  return std::make_unique<SqlStore>(parse_store_url(url), clock);
}

std::unique_ptr<Store> open_store(const std::string& url) {
  static const SystemClock system_clock;  // stateless
  return open_store(url, system_clock);
}

}  // namespace o2c::store
