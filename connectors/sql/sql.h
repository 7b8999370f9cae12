// connectors/sql/sql.h
// sql — the generic SQL source over ODBC (Oracle E-Business Suite and any
// database with an ODBC driver): runs a mapping's SELECT with the bind
// parameters :cursor (start of the modstamp window) and :last_id (the id
// keyset) through SOCI's ODBC backend, reads each row as exact text (numbers
// as the driver's decimal text, never a double; text as UTF-16 from the
// driver, so no locale or declared column size can mangle it) and cuts the
// result into pages of `batch_size` rows, each a JSON object the mapper
// reads. Owns the query contract (examples/mappings/README.md, "SQL
// sources"), the pass/keyset cursor, the server time zone of zone-less
// DATE/TIMESTAMP columns, and the classification of driver errors (the
// connection string's password never appears in a message). Never stores,
// never maps fields. Called by daemon/ through connectors::Source.
//
// Parts: sql_config.cpp (settings), sql_connection.cpp (connection string,
// connect, driver diagnostics → Error), sql_query.cpp (the SELECT's bind
// parameters), sql_timezone.cpp (UTC ↔ the server's wall time),
// sql_rows.cpp (a row → RawRecord), sql_source.cpp (passes and pages).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "connectors/source.h"
#include "core/secret.h"
#include "core/time.h"

namespace o2c::sql {

struct SqlSettings {
  std::string name;                    // configured source name ("ebs"), for logs and errors
  Secret connection;                   // ODBC connection string, e.g. "Driver=PostgreSQL Unicode;Server=...;Pwd=..."
  int batch_size = 2000;               // rows per page (one fetch batch), 1..100000
  std::string timezone = "UTC";        // IANA zone of the server's zone-less DATE/TIMESTAMP values
  std::chrono::seconds lookback{300};  // a finished pass restarts this far before its high-water mark
};

// Checks the settings (every problem at once, Error(config) naming the
// setting, never the connection string) and builds the source. Each stream
// opens its own ODBC connection on its first page and closes it when it ends.
std::shared_ptr<connectors::Source> make_sql_source(SqlSettings settings, const Clock& clock);

}  // namespace o2c::sql
