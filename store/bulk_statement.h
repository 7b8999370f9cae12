// store/bulk_statement.h — one SQL statement run for many rows at once: the
// column buffers, a row appender that fills them in column order, and the way
// each backend runs it fastest.
//   SQLite: SOCI vector binding; the prepared statement is reused across calls.
//   PostgreSQL: upserts and key deletes send each column as one array and let
//   the server unnest them (one round trip per page instead of one per row);
//   other statements run row by row with SOCI vector binding, prepared per
//   call (SOCI 4.0's PostgreSQL backend crashes when a prepared statement's
//   bound vectors change size: SOCI issue #910).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <soci/soci.h>

#include "store/connection.h"

namespace o2c::store {

enum class ColumnType { text, integer };

struct Column {
  std::string name;          // column name, also the :placeholder's name
  ColumnType type;
  std::string pg_array = "";  // PostgreSQL array type when not text[] / bigint[], e.g. "date[]"
};

// INSERT INTO table (columns) VALUES (:columns)
std::string insert_sql(std::string_view table, const std::vector<Column>& columns);

struct ColumnBuffer;  // one column's values and NULL indicators (bulk_statement.cpp)

class BulkStatement {
 public:
  // Runs `sql` once per row; placeholders are bound by name.
  BulkStatement(std::string sql, std::vector<Column> columns);
  // INSERT ... ON CONFLICT (key) DO UPDATE SET every other column except
  // `insert_only`. When one page holds a key twice, its last row wins.
  static std::unique_ptr<BulkStatement> upsert(std::string_view table, std::vector<Column> columns,
                                               const std::vector<std::string>& key,
                                               const std::vector<std::string>& insert_only = {});
  // DELETE the rows whose `key` columns equal a buffered row.
  static std::unique_ptr<BulkStatement> delete_by_key(std::string_view table, std::vector<Column> key);

  BulkStatement(const BulkStatement&) = delete;
  BulkStatement& operator=(const BulkStatement&) = delete;
  ~BulkStatement();

  class Row {
   public:
    Row& text(std::string_view value);
    Row& optional_text(const std::optional<std::string>& value);  // nullopt → NULL
    Row& integer(long long value);
    Row& optional_integer(const std::optional<long long>& value);
    Row& flag(bool value) { return integer(value ? 1 : 0); }
    // Name of the first column whose text holds a NUL character (the databases
    // cannot store one), or nullptr.
    const char* nul_column() const { return nul_column_; }
    // Completes the row: checks that every column got a value.
    void end();
    // Removes this row from the buffers (instead of end()).
    void discard();

   private:
    friend class BulkStatement;
    explicit Row(BulkStatement& owner) : owner_(owner) {}
    ColumnBuffer& next(ColumnType type);
    BulkStatement& owner_;
    std::size_t filled_ = 0;
    const char* nul_column_ = nullptr;
  };

  Row add_row() { return Row(*this); }
  std::size_t size() const { return rows_; }
  void clear();
  // Runs the statement for every buffered row (nothing when there is none).
  void execute(Connection& connection);

 private:
  void execute_rows(Connection& connection);
  void execute_arrays(Connection& connection);
  std::vector<std::size_t> rows_to_send() const;

  std::string sql_;        // one row at a time
  std::string array_sql_;  // PostgreSQL, whole columns as arrays ("" = not available)
  std::vector<std::size_t> key_;  // columns identifying a row, for "last row wins"
  std::vector<Column> columns_;
  std::vector<std::unique_ptr<ColumnBuffer>> buffers_;
  std::size_t rows_ = 0;
  std::unique_ptr<soci::statement> prepared_;
};

}  // namespace o2c::store
