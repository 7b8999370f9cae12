// connectors/sql/sql_odbc.h — the few ODBC calls SOCI does not make for us:
// diagnostics read whole and as UTF-8 (SOCI keeps 512 bytes, and replaces a
// longer message by "[SOCI]: Error message too long." and SQLSTATE 01000),
// and the UTF-16 text ODBC hands out (internal to the sql module).
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <sql.h>

namespace soci {
class soci_error;
}

namespace o2c::sql {

struct Diagnostic {
  std::string sqlstate;  // "42703", "08001", "" when unknown
  std::string message;   // the driver's text, one line, "" when none
};

// The first diagnostic record of an ODBC handle, or an empty Diagnostic.
Diagnostic read_diagnostic(SQLSMALLINT handle_type, SQLHANDLE handle);
// A failed ODBC call, with the handle's diagnostic.
class OdbcFailure : public std::runtime_error {
 public:
  explicit OdbcFailure(Diagnostic diagnostic)
      : std::runtime_error(diagnostic.message), diagnostic_(std::move(diagnostic)) {}
  const Diagnostic& diagnostic() const { return diagnostic_; }

 private:
  Diagnostic diagnostic_;
};

// Throws OdbcFailure with the statement's diagnostic unless `rc` succeeded.
void check_statement(SQLRETURN rc, SQLHSTMT statement);

// What a SOCI exception carries (SQLSTATE and message of an odbc_soci_error).
Diagnostic diagnostic_of(const soci::soci_error& error);

// A driver message on one line: line breaks become "; ", and psqlODBC's
// "No query has been executed with that handle" (said after every failed
// prepare) is dropped.
std::string one_line(std::string_view message);

// UTF-16 (SQLWCHAR on unixODBC) → UTF-8; nullopt when it holds an unpaired surrogate.
std::optional<std::string> utf8_of(std::u16string_view text);

}  // namespace o2c::sql
