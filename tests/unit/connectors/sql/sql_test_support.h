// tests/unit/connectors/sql/sql_test_support.h — a database of the shared
// PostgreSQL test server reached through psqlODBC, SQL to set it up, and
// reading a whole stream.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "connectors/source.h"
#include "connectors/sql/sql.h"
#include "core/error.h"
#include "tests/support/postgres_server.h"

namespace o2c::sql::testing {

// "postgresql://postgres@127.0.0.1:5432/db" → a DSN-less psqlODBC connection string.
std::string odbc_connection(const std::string& url, const std::string& extra = "");
// The same as libpq key=value text (SOCI's postgresql backend does not read URLs).
std::string libpq_connection(const std::string& url);

// A fresh database with a native (libpq) session to set it up.
class SqlDatabase {
 public:
  explicit SqlDatabase(std::string_view name);
  ~SqlDatabase();
  SqlDatabase(const SqlDatabase&) = delete;
  SqlDatabase& operator=(const SqlDatabase&) = delete;

  void exec(const std::string& sql);       // one or more statements
  std::string odbc(const std::string& extra = "") const { return odbc_connection(db_.url(), extra); }
  SqlSettings settings(int batch_size = 2000, const std::string& timezone = "UTC") const;

 private:
  o2c::testing::TestDatabase db_;
  std::unique_ptr<soci::session> admin_;
};

connectors::QuerySpec sql_query(std::string sql, std::string object = "INVOICES", std::string id = "id",
                                std::string cursor = "last_update_date");

// Pages until the last one (at most `max_pages`).
std::vector<connectors::Page> read_all(connectors::PageStream& stream, int max_pages = 1000);
std::vector<connectors::RawRecord> records_of(const std::vector<connectors::Page>& pages);
std::vector<std::string> ids_of(const std::vector<connectors::RawRecord>& records);

// The Error an expression throws (fails the test when it throws none).
template <typename F>
Error error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no o2c::Error thrown";
  return Error(Error::Kind::internal, "none");
}

}  // namespace o2c::sql::testing
