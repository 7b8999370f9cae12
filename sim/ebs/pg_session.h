// sim/ebs/pg_session.h — the little of libpq the EBS loader needs: one
// connection, statements that throw o2c::Error(store) with the server's
// message, COPY FROM STDIN fed from a bounded buffer, and SimValues in
// PostgreSQL's text format. The connection URL (it may hold a password) never
// appears in an error or a log line.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/sim_table.h"

typedef struct pg_conn PGconn;  // NOLINT: libpq's own name

namespace o2c::sim::ebs {

// `v` as PostgreSQL text input for a numeric, varchar or timestamp column;
// nullopt for null.
std::optional<std::string> sql_text(const SimValue& v);
// `v` appended in COPY text format (escapes \ tab newline CR; null is \N).
void append_copy_field(std::string& out, const SimValue& v);

class PgSession {
 public:
  explicit PgSession(const std::string& postgres_url);  // throws Error(store)
  ~PgSession();
  PgSession(const PgSession&) = delete;
  PgSession& operator=(const PgSession&) = delete;

  void exec(const std::string& sql);
  // The first column of the first row of a query's result, "" when none.
  std::string query_value(const std::string& sql, const std::vector<std::optional<std::string>>& params = {});
  // A statement with text parameters ($1, $2, …); returns the rows it affected.
  std::size_t exec_params(const std::string& sql, const std::vector<std::optional<std::string>>& params);

  // COPY <table> (<columns>) FROM STDIN: begin, then put rows (complete lines,
  // flushed to the server every ~1 MiB), then end (throws on a rejected row).
  void copy_begin(const std::string& sql);
  void copy_put(std::string& buffer, bool force);  // sends and clears buffer when big (or forced)
  void copy_end();

 private:
  [[noreturn]] void fail(std::string_view what) const;
  PGconn* conn_ = nullptr;
};

}  // namespace o2c::sim::ebs
