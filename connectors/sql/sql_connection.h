// connectors/sql/sql_connection.h — the ODBC connection string (read for
// the driver, data source, server and password it names, never logged),
// opening a SOCI ODBC session, and turning driver diagnostics into o2c::Error
// with the password redacted (internal to the sql module).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "connectors/sql/sql_odbc.h"
#include "core/error.h"

namespace soci {
class session;
}

namespace o2c::sql {

// "Driver={PostgreSQL Unicode};Server=db;Pwd={a;b}" as ODBC reads it:
// key=value pairs separated by ';', a value in braces may hold ';' ("}}"
// for a literal '}'); keys compare without case.
class ConnectionString {
 public:
  explicit ConnectionString(std::string text);

  const std::string& text() const { return text_; }
  // The value of the first of `keys` present, "" when none is.
  std::string value(std::initializer_list<std::string_view> keys) const;
  std::string driver() const { return value({"DRIVER"}); }
  std::string dsn() const { return value({"DSN", "FILEDSN"}); }
  std::string user() const { return value({"UID", "USER", "USERNAME"}); }
  std::string password() const { return value({"PWD", "PASSWORD"}); }
  // "db.example.com:5432/ebs" from Server/Port/Database (what the messages name).
  std::string where() const;

  // The text with psqlODBC's options added for a psqlODBC Driver= that does
  // not set them: UseDeclareFetch=1 and Fetch=<batch_size> (a server-side
  // cursor: otherwise psqlODBC reads a whole result set into memory) and
  // BoolsAsChar=0 (booleans as SQL_BIT, not the text "1"/"0").
  std::string with_driver_options(int batch_size) const;

  // `message` with every occurrence of the password replaced by "***".
  std::string redact(std::string message) const;

 private:
  std::string text_;
  std::vector<std::pair<std::string, std::string>> pairs_;  // upper-cased key → value
};

bool is_psqlodbc_driver(std::string_view driver);

// Connects (never prompting). Throws the Error of connect_error().
std::unique_ptr<soci::session> open_session(const std::string& source, const ConnectionString& connection,
                                            int batch_size);

// A failed connect as one line naming the source: a driver that cannot be
// loaded or a data source that is not defined (config, with where to look),
// refused credentials (config), an unreachable server (transient).
Error connect_error(const std::string& source, const ConnectionString& connection, const Diagnostic& diagnostic);

// A failed prepare / execute / fetch of the mapping's query: lost
// connections, deadlocks, timeouts and Oracle's "snapshot too old" are
// transient; anything else is the query's fault (config, quoting the
// database's message and naming the mapping's object).
Error query_error(const std::string& source, const std::string& object, const ConnectionString& connection,
                  const Diagnostic& diagnostic);

}  // namespace o2c::sql
