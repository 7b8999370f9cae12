#include "store/bulk_statement.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.h"

namespace o2c::store {

struct ColumnBuffer {
  std::string name;
  ColumnType type;
  std::vector<std::string> text;
  std::vector<long long> integer;
  std::vector<soci::indicator> indicators;

  void pop() {
    if (type == ColumnType::text) text.pop_back();
    if (type == ColumnType::integer) integer.pop_back();
    indicators.pop_back();
  }
};

namespace {

std::string names_of(const std::vector<Column>& columns, std::string_view prefix = "") {
  std::string out;
  for (const auto& c : columns) out += fmt::format("{}{}{}", out.empty() ? "" : ", ", prefix, c.name);
  return out;
}

std::string array_type(const Column& c) {
  if (!c.pg_array.empty()) return c.pg_array;
  return c.type == ColumnType::text ? "text[]" : "bigint[]";
}

// unnest(CAST(:a AS text[]), CAST(:b AS bigint[]), ...) AS alias(a, b, ...)
std::string unnest_of(const std::vector<Column>& columns, std::string_view alias) {
  std::string arrays;
  for (const auto& c : columns)
    arrays += fmt::format("{}CAST(:{} AS {})", arrays.empty() ? "" : ", ", c.name, array_type(c));
  return fmt::format("unnest({}) AS {}({})", arrays, alias, names_of(columns));
}

// A PostgreSQL array literal: {"text","with \"quotes\"",NULL} / {1,2,NULL}.
std::string array_literal(const ColumnBuffer& b, const std::vector<std::size_t>& rows) {
  std::string out = "{";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i > 0) out += ',';
    const std::size_t row = rows[i];
    if (b.indicators[row] == soci::i_null) {
      out += "NULL";
    } else if (b.type == ColumnType::integer) {
      out += std::to_string(b.integer[row]);
    } else {
      out += '"';
      for (char c : b.text[row]) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
      }
      out += '"';
    }
  }
  return out + "}";
}

}  // namespace

std::string insert_sql(std::string_view table, const std::vector<Column>& columns) {
  return fmt::format("INSERT INTO {} ({}) VALUES ({})", table, names_of(columns), names_of(columns, ":"));
}

std::unique_ptr<BulkStatement> BulkStatement::upsert(std::string_view table, std::vector<Column> columns,
                                                     const std::vector<std::string>& key,
                                                     const std::vector<std::string>& insert_only) {
  std::string updates;
  std::vector<std::size_t> key_indexes;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto& name = columns[i].name;
    const bool is_key = std::find(key.begin(), key.end(), name) != key.end();
    const bool kept = std::find(insert_only.begin(), insert_only.end(), name) != insert_only.end();
    if (is_key && columns[i].type != ColumnType::text)
      fail(Error::Kind::internal, "store: key column {}.{} must be text", table, name);
    if (is_key) key_indexes.push_back(i);
    if (!is_key && !kept) updates += fmt::format("{}{} = excluded.{}", updates.empty() ? "" : ", ", name, name);
  }
  const std::string on_conflict = fmt::format("ON CONFLICT ({}) DO UPDATE SET {}", fmt::join(key, ", "), updates);
  auto statement = std::make_unique<BulkStatement>(fmt::format("{} {}", insert_sql(table, columns), on_conflict), columns);
  statement->array_sql_ = fmt::format("INSERT INTO {} ({}) SELECT * FROM {} {}", table, names_of(columns),
                                      unnest_of(columns, "page"), on_conflict);
  statement->key_ = std::move(key_indexes);
  return statement;
}

std::unique_ptr<BulkStatement> BulkStatement::delete_by_key(std::string_view table, std::vector<Column> key) {
  std::string row_match, array_match;
  for (const auto& c : key) {
    row_match += fmt::format("{}{} = :{}", row_match.empty() ? "" : " AND ", c.name, c.name);
    array_match += fmt::format("{}{}.{} = doomed.{}", array_match.empty() ? "" : " AND ", table, c.name, c.name);
  }
  auto statement = std::make_unique<BulkStatement>(fmt::format("DELETE FROM {} WHERE {}", table, row_match), key);
  statement->array_sql_ = fmt::format("DELETE FROM {} USING {} WHERE {}", table, unnest_of(key, "doomed"), array_match);
  return statement;
}

BulkStatement::BulkStatement(std::string sql, std::vector<Column> columns)
    : sql_(std::move(sql)), columns_(std::move(columns)) {
  for (const auto& c : columns_) buffers_.push_back(std::make_unique<ColumnBuffer>(ColumnBuffer{c.name, c.type, {}, {}, {}}));
}

BulkStatement::~BulkStatement() = default;

ColumnBuffer& BulkStatement::Row::next(ColumnType type) {
  if (filled_ >= owner_.buffers_.size())
    fail(Error::Kind::internal, "store: too many values for a row of: {}", owner_.sql_);
  ColumnBuffer& buffer = *owner_.buffers_[filled_++];
  if (buffer.type != type) fail(Error::Kind::internal, "store: column {} bound with the wrong type", buffer.name);
  return buffer;
}

BulkStatement::Row& BulkStatement::Row::text(std::string_view value) {
  ColumnBuffer& b = next(ColumnType::text);
  if (!nul_column_ && std::memchr(value.data(), '\0', value.size())) nul_column_ = b.name.c_str();
  b.text.emplace_back(value);
  b.indicators.push_back(soci::i_ok);
  return *this;
}

BulkStatement::Row& BulkStatement::Row::optional_text(const std::optional<std::string>& value) {
  if (value) return text(*value);
  ColumnBuffer& b = next(ColumnType::text);
  b.text.emplace_back();
  b.indicators.push_back(soci::i_null);
  return *this;
}

BulkStatement::Row& BulkStatement::Row::integer(long long value) {
  ColumnBuffer& b = next(ColumnType::integer);
  b.integer.push_back(value);
  b.indicators.push_back(soci::i_ok);
  return *this;
}

BulkStatement::Row& BulkStatement::Row::optional_integer(const std::optional<long long>& value) {
  if (value) return integer(*value);
  ColumnBuffer& b = next(ColumnType::integer);
  b.integer.push_back(0);
  b.indicators.push_back(soci::i_null);
  return *this;
}

void BulkStatement::Row::end() {
  if (filled_ != owner_.buffers_.size())
    fail(Error::Kind::internal, "store: {} values for {} columns in: {}", filled_, owner_.buffers_.size(), owner_.sql_);
  ++owner_.rows_;
}

void BulkStatement::Row::discard() {
  for (std::size_t i = 0; i < filled_; ++i) owner_.buffers_[i]->pop();
  filled_ = 0;
}

void BulkStatement::clear() {
  for (auto& b : buffers_) {
    b->text.clear();
    b->integer.clear();
    b->indicators.clear();
  }
  rows_ = 0;
}

void BulkStatement::execute(Connection& connection) {
  if (rows_ == 0) return;
  try {
    if (!connection.is_sqlite() && !array_sql_.empty()) {
      execute_arrays(connection);
    } else {
      execute_rows(connection);
    }
  } catch (...) {
    prepared_.reset();  // prepare afresh next time rather than trust a statement that failed midway
    throw;
  }
}

void BulkStatement::execute_rows(Connection& connection) {
  if (!prepared_ || !connection.is_sqlite()) {
    prepared_ = std::make_unique<soci::statement>(connection.sql());
    for (auto& b : buffers_) {
      if (b->type == ColumnType::text) {
        prepared_->exchange(soci::use(b->text, b->indicators, b->name));
      } else {
        prepared_->exchange(soci::use(b->integer, b->indicators, b->name));
      }
    }
    prepared_->alloc();
    prepared_->prepare(sql_);
    prepared_->define_and_bind();
  }
  prepared_->execute(true);
}

// The rows in buffer order, keeping only the last one of each key (an upsert
// may not touch one row twice in a statement).
std::vector<std::size_t> BulkStatement::rows_to_send() const {
  std::vector<std::size_t> rows;
  if (key_.empty()) {
    for (std::size_t r = 0; r < rows_; ++r) rows.push_back(r);
    return rows;
  }
  std::unordered_map<std::string, std::size_t> last;
  std::vector<std::string> keys(rows_);
  for (std::size_t r = 0; r < rows_; ++r) {
    for (std::size_t k : key_) (keys[r] += buffers_[k]->text[r]) += '\x1f';
    last[keys[r]] = r;
  }
  for (std::size_t r = 0; r < rows_; ++r)
    if (last[keys[r]] == r) rows.push_back(r);
  return rows;
}

void BulkStatement::execute_arrays(Connection& connection) {
  const std::vector<std::size_t> rows = rows_to_send();
  std::vector<std::string> arrays;
  arrays.reserve(buffers_.size());
  for (const auto& b : buffers_) arrays.push_back(array_literal(*b, rows));
  soci::statement statement(connection.sql());
  for (std::size_t i = 0; i < buffers_.size(); ++i) statement.exchange(soci::use(arrays[i], buffers_[i]->name));
  statement.alloc();
  statement.prepare(array_sql_, soci::details::st_one_time_query);
  statement.define_and_bind();
  statement.execute(true);
}

}  // namespace o2c::store
