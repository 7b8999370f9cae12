// connectors/sql/sql_source.cpp — the source and its streams. A stream is
// one pass: one ODBC connection, the mapping's SELECT executed once with
// :cursor (the pass's lower bound, as the server's wall time) and :last_id
// (the last id committed, for a resumed pass), then read `batch_size` rows
// per page. One row is read ahead, so the last page says it is the last.
// Every id must follow the one before it (the keyset a resumed pass relies
// on); a query that breaks that is refused, never half-read.
#include <algorithm>
#include <charconv>
#include <limits>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <soci/odbc/soci-odbc.h>
#include <soci/soci.h>

#include "connectors/sql/sql.h"
#include "connectors/sql/sql_config.h"
#include "connectors/sql/sql_connection.h"
#include "connectors/sql/sql_query.h"
#include "connectors/sql/sql_rows.h"
#include "core/error.h"
#include "core/log.h"
#include "core/text.h"

namespace o2c::sql {
namespace {

using connectors::Cursor;
using connectors::Page;
using connectors::QuerySpec;

// :last_id at the start of a pass: the smallest value of the id column's
// type (the database types the parameter after the column it is compared
// with, and refuses a value that does not fit).
std::int64_t before_first_id(SQLSMALLINT id_type) {
  switch (id_type) {
    case SQL_SMALLINT: return std::numeric_limits<std::int16_t>::min();
    case SQL_INTEGER: return std::numeric_limits<std::int32_t>::min();
    default: return std::numeric_limits<std::int64_t>::min();
  }
}
// :cursor of a pass without a lower bound (a first or full sync).
constexpr date::year_month_day kBeginning{date::year{1900}, date::January, date::day{1}};

// "t.customer_trx_id" → "customer_trx_id": result columns carry no table prefix.
std::string column_label(std::string_view field) {
  const auto dot = field.rfind('.');
  return to_lower_ascii(trim(dot == std::string_view::npos ? field : field.substr(dot + 1)));
}

std::tm tm_of(WallTime wall) {
  const auto day = std::chrono::floor<date::days>(wall);
  const date::year_month_day ymd{day};
  const date::hh_mm_ss<std::chrono::seconds> time{wall - day};
  std::tm out{};
  out.tm_year = static_cast<int>(ymd.year()) - 1900;
  out.tm_mon = static_cast<int>(static_cast<unsigned>(ymd.month())) - 1;
  out.tm_mday = static_cast<int>(static_cast<unsigned>(ymd.day()));
  out.tm_hour = static_cast<int>(time.hours().count());
  out.tm_min = static_cast<int>(time.minutes().count());
  out.tm_sec = static_cast<int>(time.seconds().count());
  return out;
}

class SqlSource final : public connectors::Source, public std::enable_shared_from_this<SqlSource> {
 public:
  SqlSource(SqlSettings settings, const Clock& clock)
      : settings_(std::move(settings)),
        clock_(clock),
        zone_(settings_.timezone),
        connection_(settings_.connection.reveal()) {}

  std::unique_ptr<connectors::PageStream> open(const QuerySpec& query, const Cursor& from,
                                               connectors::SyncMode mode) override;

  const SqlSettings& settings() const { return settings_; }
  const Clock& clock() const { return clock_; }
  const ServerTimeZone& zone() const { return zone_; }
  const ConnectionString& connection() const { return connection_; }

 private:
  SqlSettings settings_;
  const Clock& clock_;
  ServerTimeZone zone_;
  ConnectionString connection_;
};

class SqlStream final : public connectors::PageStream {
 public:
  SqlStream(std::shared_ptr<SqlSource> source, QuerySpec query, const Cursor& from, connectors::SyncMode mode)
      : source_(std::move(source)),
        query_(std::move(query)),
        cursor_(mode == connectors::SyncMode::full ? Cursor{} : from),
        log_(logger("source.sql")) {
    try {  // refuse a query or a cursor that could never be used before connecting
      if (!query_.where.empty())
        throw Error(Error::Kind::config, "where: is not used by SQL mappings: put the filter in query:");
      bound_ = bind_parameters(query_.sql);
      if (cursor_.in_pass()) last_key_ = stored_key();
    } catch (const Error& e) {
      throw in_context(Error(e.kind(), fmt::format("sql source {}: mapping for object {}: {}",
                                                   source_->settings().name, query_.object, e.what())));
    }
  }
  SqlStream(const SqlStream&) = delete;
  SqlStream& operator=(const SqlStream&) = delete;
  ~SqlStream() override { close(); }

  std::optional<Page> next() override {
    if (finished_) return std::nullopt;
    if (deferred_) {
      finished_ = true;
      close();
      throw *deferred_;
    }
    try {
      if (!started_) {
        started_ = true;
        if (!cursor_.in_pass()) cursor_.pass_started = source_->clock().now();
        start();
      }
      return read_page();
    } catch (const Error& e) {
      finished_ = true;
      close();
      throw in_context(e);
    }
  }

  long api_calls() const override { return calls_; }

 private:
  const std::string& name() const { return source_->settings().name; }

  std::int64_t stored_key() const {
    std::int64_t key = 0;
    const std::string& id = cursor_.tie_break_id;
    const auto [end, ec] = std::from_chars(id.data(), id.data() + id.size(), key);
    if (ec != std::errc{} || end != id.data() + id.size())
      throw Error(Error::Kind::config, fmt::format("the stored cursor's id '{}' is not an integer key (was the "
                                                   "stream read by another kind of source?); run `o2csync sync "
                                                   "--full` to start over", id));
    return key;
  }

  // Connects, prepares, checks the result columns, binds and executes.
  void start() {
    session_ = open_session(name(), source_->connection(), source_->settings().batch_size);
    ++calls_;
    warn_if_unbounded();
    statement_ = std::make_unique<soci::statement>(*session_);
    try {
      statement_->alloc();
      const WallTime since = cursor_.since ? source_->zone().lower_bound(*cursor_.since)
                                           : WallTime(date::local_days{kBeginning});
      cursor_value_ = tm_of(since);
      for (const Parameter p : bound_.parameters) {
        if (p == Parameter::cursor) statement_->exchange(soci::use(cursor_value_));
        else statement_->exchange(soci::use(last_id_value_));
      }
      statement_->prepare(bound_.text);
      std::vector<Column> columns = describe_columns(handle());
      const auto [id_column, cursor_column] = key_columns(columns);
      last_id_value_ = last_key_.value_or(before_first_id(columns[id_column].sql_type));  // read when executing
      statement_->define_and_bind();
      statement_->execute(false);
      ++calls_;
      reader_.emplace(handle(), std::move(columns), id_column, cursor_column, source_->zone());
    } catch (const soci::soci_error& e) {
      throw failure(statement_diagnostic(e));
    } catch (const OdbcFailure& e) {
      throw failure(e.diagnostic());
    } catch (const std::out_of_range&) {
      // SOCI 4.0 adds the bound values to a failed execute's message by name:
      // positional parameters have none, so the failure is read from the statement.
      throw failure(read_diagnostic(SQL_HANDLE_STMT, handle()));
    }
    log_->info("query started source={} object={} since={} after_id={} batch_size={}", name(), query_.object,
               cursor_.since ? to_iso8601(*cursor_.since) : "-", cursor_.tie_break_id.empty() ? "-" : cursor_.tie_break_id,
               source_->settings().batch_size);
  }

  // The id and cursor columns among the result's, checked.
  std::pair<std::size_t, std::size_t> key_columns(const std::vector<Column>& columns) const {
    if (columns.empty())
      throw config_error("the query returns no columns: query: must be a SELECT");
    std::vector<std::string> labels;
    for (const Column& c : columns) {
      if (std::find(labels.begin(), labels.end(), c.label) != labels.end())
        throw config_error(fmt::format("the query returns two columns named {}: give them distinct aliases "
                                       "(... AS name)", c.label));
      labels.push_back(c.label);
    }
    const auto find = [&](const std::string& field, const char* key) {
      const std::string label = column_label(field);
      const auto at = std::find(labels.begin(), labels.end(), label);
      if (at == labels.end())
        throw config_error(fmt::format("the query returns no column {} (the mapping's {}: key){}; its columns: {}",
                                       label, key, suggestion_suffix(label, labels), fmt::join(labels, ", ")));
      return static_cast<std::size_t>(at - labels.begin());
    };
    const std::size_t id = find(query_.id_field, "id"), modstamp = find(query_.cursor_field, "cursor");
    if (columns[id].kind != ColumnKind::number && columns[id].kind != ColumnKind::text)
      throw config_error(fmt::format("the id column {} is a {} column; the SQL source pages by an integer key",
                                     columns[id].label, to_string(columns[id].kind)));
    if (columns[modstamp].kind != ColumnKind::timestamp && columns[modstamp].kind != ColumnKind::date)
      throw config_error(fmt::format("the cursor column {} is a {} column; it must be a DATE or TIMESTAMP (the "
                                     "modstamp, e.g. LAST_UPDATE_DATE)", columns[modstamp].label,
                                     to_string(columns[modstamp].kind)));
    return {id, modstamp};
  }

  Page read_page() {
    Page page;
    page.records.reserve(static_cast<std::size_t>(source_->settings().batch_size));
    bool pass_done = false;
    ++calls_;
    while (page.records.size() < static_cast<std::size_t>(source_->settings().batch_size)) {
      std::optional<Row> row = pending_ ? std::exchange(pending_, std::nullopt) : fetch_row();
      if (!row) {
        pass_done = true;
        break;
      }
      accept(*row);
      page.records.push_back(std::move(row->record));
    }
    if (!pass_done) {
      try {  // read ahead: a failure here must not cost the page already read
        pending_ = fetch_row();
        pass_done = !pending_;
      } catch (const Error& e) {
        deferred_ = in_context(e);
      }
    }
    return hand_out(std::move(page), pass_done);
  }

  std::optional<Row> fetch_row() {
    try {
      return reader_->next();
    } catch (const OdbcFailure& e) {
      throw failure(e.diagnostic());
    }
  }

  // The keyset check, then the row moves the cursor.
  void accept(const Row& row) {
    if (!row.key) {
      if (row.record.id.empty()) return;  // a null id: the mapper reports the record's defect
      throw config_error(fmt::format("the id column {} holds '{}', not an integer; the SQL source pages by an "
                                     "integer key (id:)", column_label(query_.id_field), row.record.id.substr(0, 64)));
    }
    if (last_key_ && *row.key <= *last_key_)
      throw config_error(fmt::format("id {} came after id {}: the query must ORDER BY {} (ascending) and yield one "
                                     "row per id, so that a pass can resume after the last id committed", *row.key,
                                     *last_key_, column_label(query_.id_field)));
    last_key_ = row.key;
    cursor_.tie_break_id = std::to_string(*row.key);
    if (row.has_modstamp && (!cursor_.high_water || *cursor_.high_water < row.record.modified))
      cursor_.high_water = row.record.modified;
  }

  Page hand_out(Page page, bool pass_done) {
    long defects = 0;
    for (const auto& record : page.records) defects += record.defect.empty() ? 0 : 1;
    page.next = cursor_.after_page(pass_done, source_->settings().lookback);
    page.last = finished_ = pass_done;
    if (pass_done) close();
    log_->info("page fetched source={} object={} page={} records={} defects={} last={} cursor={}", name(),
               query_.object, ++pages_, page.records.size(), defects, page.last, page.next.to_text());
    return page;
  }

  // psqlODBC without UseDeclareFetch=1 holds the whole result in memory.
  void warn_if_unbounded() const {
    auto* backend = static_cast<soci::odbc_session_backend*>(session_->get_backend());
    SQLCHAR driver[256] = {};
    SQLSMALLINT length = 0;
    if (!SQL_SUCCEEDED(SQLGetInfo(backend->hdbc_, SQL_DRIVER_NAME, driver, sizeof driver, &length))) return;
    const ConnectionString completed(backend->get_connection_string());
    if (is_psqlodbc_driver(reinterpret_cast<const char*>(driver)) && completed.value({"USEDECLAREFETCH"}) == "0")
      log_->warn("psqlODBC reads a whole result set into memory unless UseDeclareFetch=1: add UseDeclareFetch=1 to "
                 "the data source or the connection string source={} object={}", name(), query_.object);
  }

  SQLHSTMT handle() const { return static_cast<soci::odbc_statement_backend*>(statement_->get_backend())->hstmt_; }

  // SOCI keeps 512 bytes of a message: read the whole one from the statement when it is the same failure.
  Diagnostic statement_diagnostic(const soci::soci_error& e) const {
    Diagnostic from_soci = diagnostic_of(e);
    if (from_soci.sqlstate.empty() || !statement_ || !statement_->get_backend()) return from_soci;
    Diagnostic full = read_diagnostic(SQL_HANDLE_STMT, handle());
    return full.sqlstate == from_soci.sqlstate && !full.message.empty() ? full : from_soci;
  }

  Error failure(const Diagnostic& d) const { return query_error(name(), query_.object, source_->connection(), d); }

  Error config_error(const std::string& what) const {
    return Error(Error::Kind::config,
                 fmt::format("sql source {}: mapping for object {}: {}", name(), query_.object, what));
  }

  Error in_context(const Error& e) const {
    ErrorContext context = e.context();
    if (context.source.empty()) context.source = name();
    if (context.object.empty()) context.object = query_.object;
    return Error(e.kind(), source_->connection().redact(e.what()), context);
  }

  // The statement goes before the session it belongs to.
  void close() {
    reader_.reset();
    statement_.reset();
    session_.reset();
  }

  std::shared_ptr<SqlSource> source_;
  QuerySpec query_;
  BoundQuery bound_;
  Cursor cursor_;
  std::optional<std::int64_t> last_key_;   // the keyset: the last id read in this pass
  std::tm cursor_value_{};                  // bound to each :cursor
  long long last_id_value_ = 0;             // bound to each :last_id
  std::unique_ptr<soci::session> session_;
  std::unique_ptr<soci::statement> statement_;
  std::optional<RowReader> reader_;
  std::optional<Row> pending_;              // the row read ahead
  std::optional<Error> deferred_;           // a failure while reading ahead, thrown by the next call
  long pages_ = 0, calls_ = 0;
  bool started_ = false, finished_ = false;
  std::shared_ptr<spdlog::logger> log_;
};

std::unique_ptr<connectors::PageStream> SqlSource::open(const QuerySpec& query, const Cursor& from,
                                                        connectors::SyncMode mode) {
  return std::make_unique<SqlStream>(shared_from_this(), query, from, mode);
}

}  // namespace

std::shared_ptr<connectors::Source> make_sql_source(SqlSettings settings, const Clock& clock) {
  return std::make_shared<SqlSource>(check_settings(std::move(settings)), clock);
}

}  // namespace o2c::sql
