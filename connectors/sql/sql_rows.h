// connectors/sql/sql_rows.h — a result row → the JSON object the mapper
// reads (internal to the sql module). Keys are the lower-cased column
// labels; values keep their exact meaning:
//   numbers     the driver's decimal text as a JSON number ("12345678901234.56",
//               "0.1"), never through a double; text no JSON number can hold
//               (NaN) becomes a string
//   text        a JSON string, read as UTF-16 (SQL_C_WCHAR) whatever the
//               declared size, locale or driver flavour
//   dates       "YYYY-MM-DD"
//   timestamps  "YYYY-MM-DDTHH:MM:SS[.fff]±HH:MM": the server's wall time
//               with the offset of `timezone` at that time (datetime() reads it)
//   booleans    true / false (SQL_BIT)
//   NULL        null
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <sql.h>

#include "connectors/source.h"
#include "connectors/sql/sql_timezone.h"
#include "core/text.h"

namespace o2c::sql {

enum class ColumnKind { text, number, boolean, date, timestamp };

struct Column {
  std::string label;      // lower-cased, the JSON key
  ColumnKind kind = ColumnKind::text;
  SQLSMALLINT sql_type = 0;
};

ColumnKind column_kind(SQLSMALLINT sql_type);
const char* to_string(ColumnKind kind);

// The result columns of a prepared statement. Throws OdbcFailure.
std::vector<Column> describe_columns(SQLHSTMT statement);

// Driver text of a numeric column → a JSON number token (" +.50" → "0.50",
// "1,5" → "1.5", "-5." → "-5"); nullopt when it is no number at all.
std::optional<std::string> json_number(std::string_view text);
// "2026-11-24T10:00:00.5-08:00" from a wall time, its nanoseconds and its UTC offset.
std::string timestamp_text(WallTime wall, long nanoseconds, std::chrono::seconds offset);

struct Row {
  connectors::RawRecord record;     // id (as read), body, modified, defect
  std::optional<std::int64_t> key;  // the id as an integer; nullopt when it is null or not an integer
  bool has_modstamp = false;        // record.modified was read from the cursor column
};

// Reads the rows of an executed statement one at a time (SQLFetch +
// SQLGetData, so no column is cut at a buffer size).
class RowReader {
 public:
  RowReader(SQLHSTMT statement, std::vector<Column> columns, std::size_t id_column, std::size_t cursor_column,
            const ServerTimeZone& zone);
  // The next row, or nullopt after the last. Throws OdbcFailure.
  std::optional<Row> next();

 private:
  enum class TextRead { null, ok, invalid };
  TextRead read_text(SQLUSMALLINT column, std::string& out);
  bool read_chars(SQLUSMALLINT column, std::string& out);    // SQL_C_CHAR (ASCII numbers), false for NULL
  void append_value(std::size_t index, Row& row);
  void note_cursor(WallTime wall, long nanoseconds, Row& row) const;

  SQLHSTMT statement_;
  std::vector<Column> columns_;
  std::size_t id_column_, cursor_column_;
  const ServerTimeZone& zone_;
  std::vector<std::string> keys_;  // `{"label":` / `,"label":`, serialised once
  std::size_t body_size_hint_ = 256;
  std::string scratch_;
  std::u16string wide_;
};

}  // namespace o2c::sql
