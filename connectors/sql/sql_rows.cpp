// connectors/sql/sql_rows.cpp — result columns and rows → RawRecords.
#include "connectors/sql/sql_rows.h"

#include <sqlext.h>
#include <sqlucode.h>

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "connectors/sql/sql_odbc.h"
#include "core/text.h"

namespace o2c::sql {
namespace {

using std::chrono::seconds;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<std::int64_t> integer_of(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size() || text.empty() || text.front() == '+') return std::nullopt;
  return value;
}

// "123", "-7": digits only, no leading zero (except "0") — the JSON number is the text itself.
bool is_plain_integer(std::string_view s) {
  if (!s.empty() && s.front() == '-') s.remove_prefix(1);
  if (s.empty() || s.size() > 18 || (s.size() > 1 && s.front() == '0')) return false;
  return std::all_of(s.begin(), s.end(), is_digit);
}

std::optional<WallTime> wall_of(const SQL_TIMESTAMP_STRUCT& t) {
  const date::year_month_day day{date::year{t.year}, date::month{t.month}, date::day{t.day}};
  if (!day.ok() || t.year < 1 || t.hour > 23 || t.minute > 59 || t.second > 59 || t.fraction >= 1'000'000'000u)
    return std::nullopt;
  return date::local_days{day} + std::chrono::hours{t.hour} + std::chrono::minutes{t.minute} + seconds{t.second};
}

}  // namespace

ColumnKind column_kind(SQLSMALLINT sql_type) {
  switch (sql_type) {
    case SQL_DECIMAL: case SQL_NUMERIC: case SQL_INTEGER: case SQL_SMALLINT: case SQL_TINYINT: case SQL_BIGINT:
    case SQL_REAL: case SQL_FLOAT: case SQL_DOUBLE:
      return ColumnKind::number;
    case SQL_BIT: return ColumnKind::boolean;
    case SQL_TYPE_DATE: case SQL_DATE: return ColumnKind::date;
    case SQL_TYPE_TIMESTAMP: case SQL_TIMESTAMP: return ColumnKind::timestamp;
    default: return ColumnKind::text;  // character types, and anything else read as its text
  }
}

const char* to_string(ColumnKind kind) {
  switch (kind) {
    case ColumnKind::text: return "text";
    case ColumnKind::number: return "number";
    case ColumnKind::boolean: return "boolean";
    case ColumnKind::date: return "date";
    case ColumnKind::timestamp: return "timestamp";
  }
  return "?";
}

std::vector<Column> describe_columns(SQLHSTMT statement) {
  SQLSMALLINT count = 0;
  check_statement(SQLNumResultCols(statement, &count), statement);
  std::vector<Column> columns;
  for (SQLUSMALLINT i = 1; i <= static_cast<SQLUSMALLINT>(count); ++i) {
    SQLWCHAR name[256] = {};
    SQLSMALLINT name_length = 0, type = 0, digits = 0, nullable = 0;
    SQLULEN size = 0;
    check_statement(SQLDescribeColW(statement, i, name, 256, &name_length, &type, &size, &digits, &nullable), statement);
    const std::size_t length = std::min<std::size_t>(static_cast<std::size_t>(std::max<SQLSMALLINT>(name_length, 0)), 255);
    const auto label = utf8_of(std::u16string_view(reinterpret_cast<const char16_t*>(name), length));
    columns.push_back(Column{to_lower_ascii(label.value_or(fmt::format("column{}", i))), column_kind(type), type});
  }
  return columns;
}

std::optional<std::string> json_number(std::string_view text) {
  text = trim(text);
  std::string out;
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) {
    if (text.front() == '-') out += '-';
    text.remove_prefix(1);
  }
  std::string_view exponent;
  if (const auto e = text.find_first_of("eE"); e != std::string_view::npos) {
    exponent = text.substr(e);
    text = text.substr(0, e);
  }
  std::string mantissa(text);
  if (mantissa.find('.') == std::string::npos && std::count(mantissa.begin(), mantissa.end(), ',') == 1)
    mantissa[mantissa.find(',')] = '.';  // a decimal comma (Oracle NLS_NUMERIC_CHARACTERS=',.')
  const auto dot = mantissa.find('.');
  std::string whole = mantissa.substr(0, dot);
  std::string fraction = dot == std::string::npos ? "" : mantissa.substr(dot + 1);
  if ((whole.empty() && fraction.empty()) || !std::all_of(whole.begin(), whole.end(), is_digit) ||
      !std::all_of(fraction.begin(), fraction.end(), is_digit))
    return std::nullopt;
  whole.erase(0, std::min(whole.find_first_not_of('0'), whole.empty() ? 0 : whole.size() - 1));
  out += whole.empty() ? "0" : whole;
  if (!fraction.empty()) out += "." + fraction;
  if (!exponent.empty()) {
    std::string_view digits = exponent.substr(1);
    if (!digits.empty() && (digits.front() == '+' || digits.front() == '-')) digits.remove_prefix(1);
    if (digits.empty() || !std::all_of(digits.begin(), digits.end(), is_digit)) return std::nullopt;
    out += exponent;
  }
  return out;
}

void append_timestamp(std::string& out, WallTime wall, long nanoseconds, std::optional<std::chrono::seconds> offset) {
  const auto day = std::chrono::floor<date::days>(wall);
  const date::year_month_day ymd{day};
  auto it = std::back_inserter(out);
  if (!offset) {
    fmt::format_to(it, "{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                   static_cast<unsigned>(ymd.day()));
    return;
  }
  const date::hh_mm_ss<seconds> time{wall - day};
  fmt::format_to(it, "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", static_cast<int>(ymd.year()),
                 static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), time.hours().count(),
                 time.minutes().count(), time.seconds().count());
  if (nanoseconds > 0) {
    char fraction[16];
    auto end = fmt::format_to(fraction, "{:09}", nanoseconds);
    while (end > fraction && end[-1] == '0') --end;
    out += '.';
    out.append(fraction, end);
  }
  const long minutes = static_cast<long>(offset->count()) / 60;
  fmt::format_to(it, "{}{:02}:{:02}", minutes < 0 ? '-' : '+', std::abs(minutes) / 60, std::abs(minutes) % 60);
}

std::string timestamp_text(WallTime wall, long nanoseconds, std::chrono::seconds offset) {
  std::string out;
  append_timestamp(out, wall, nanoseconds, offset);
  return out;
}

RowReader::RowReader(SQLHSTMT statement, std::vector<Column> columns, std::size_t id_column,
                     std::size_t cursor_column, const ServerTimeZone& zone)
    : statement_(statement),
      columns_(std::move(columns)),
      id_column_(id_column),
      cursor_column_(cursor_column),
      zone_(zone) {
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    std::string key = i == 0 ? "{" : ",";
    append_json_string(key, columns_[i].label);
    keys_.push_back(key + ':');
  }
}

std::optional<Row> RowReader::next() {
  const SQLRETURN rc = SQLFetch(statement_);
  if (rc == SQL_NO_DATA) return std::nullopt;
  check_statement(rc, statement_);
  Row row;
  std::string& body = row.record.body;
  body.reserve(body_size_hint_);
  if (columns_.empty()) body = "{";
  for (std::size_t i = 0; i < columns_.size(); ++i) {
    body += keys_[i];
    append_value(i, row);
  }
  body += '}';
  body_size_hint_ = std::max(body_size_hint_, body.size() + 64);
  const auto missing = [&](std::size_t column, const char* role) {
    if (row.record.defect.empty())
      row.record.defect = fmt::format("the {} column {} is null", role, columns_[column].label);
  };
  if (row.record.id.empty()) missing(id_column_, "id");
  if (!row.has_modstamp) missing(cursor_column_, "cursor");
  return row;
}

void RowReader::append_value(std::size_t index, Row& row) {
  const Column& column = columns_[index];
  const auto number = static_cast<SQLUSMALLINT>(index + 1);
  std::string& body = row.record.body;
  const auto invalid = [&](const char* what) {
    body += "null";
    if (row.record.defect.empty()) row.record.defect = fmt::format("column {} holds {}", column.label, what);
  };
  const auto keep_id = [&](const std::string& text) {
    if (index != id_column_) return;
    row.record.id = text;
    row.key = integer_of(text);
  };
  switch (column.kind) {
    case ColumnKind::text: {
      const TextRead read = read_text(number, scratch_);
      if (read == TextRead::null) return void(body += "null");
      if (read == TextRead::invalid) return invalid("text that is not valid UTF-16");
      append_json_string(body, scratch_);
      return keep_id(scratch_);
    }
    case ColumnKind::number: {
      if (!read_chars(number, scratch_)) return void(body += "null");
      if (is_plain_integer(scratch_)) {  // ids, counts: already a JSON number
        body += scratch_;
        return keep_id(scratch_);
      }
      const auto json = json_number(scratch_);
      if (json) body += *json;
      else append_json_string(body, scratch_);  // NaN, Infinity: no JSON number; money() reports it
      return keep_id(json.value_or(scratch_));
    }
    case ColumnKind::boolean: {
      if (!read_chars(number, scratch_)) return void(body += "null");
      if (scratch_ == "1" || scratch_ == "0") body += scratch_ == "1" ? "true" : "false";
      else append_json_string(body, scratch_);
      return;
    }
    case ColumnKind::date:
    case ColumnKind::timestamp: {
      SQL_TIMESTAMP_STRUCT value{};
      SQLLEN indicator = 0;
      check_statement(SQLGetData(statement_, number, SQL_C_TYPE_TIMESTAMP, &value, sizeof value, &indicator),
                      statement_);
      if (indicator == SQL_NULL_DATA) return void(body += "null");
      const auto wall = wall_of(value);
      if (!wall) return invalid("an invalid date or time");
      body += '"';
      if (column.kind == ColumnKind::date) append_timestamp(body, *wall, 0, std::nullopt);
      else append_timestamp(body, *wall, static_cast<long>(value.fraction), zone_.read(*wall).offset);
      body += '"';
      if (index == cursor_column_) note_cursor(*wall, static_cast<long>(value.fraction), row);
      return;
    }
  }
}

void RowReader::note_cursor(WallTime wall, long nanoseconds, Row& row) const {
  row.record.modified = zone_.read(wall).instant + std::chrono::milliseconds(nanoseconds / 1'000'000);
  row.has_modstamp = true;
}

// SQLGetData in chunks until the value is complete: no buffer size can cut it.
template <typename Char>
static bool read_chunks(SQLHSTMT statement, SQLUSMALLINT column, SQLSMALLINT c_type, std::basic_string<Char>& out) {
  out.clear();
  Char buffer[2048];
  constexpr auto kRoom = static_cast<SQLLEN>(sizeof buffer - sizeof(Char));  // the driver adds a terminator
  while (true) {
    SQLLEN indicator = 0;
    const SQLRETURN rc = SQLGetData(statement, column, c_type, buffer, sizeof buffer, &indicator);
    if (rc == SQL_NO_DATA) return true;
    check_statement(rc, statement);
    if (indicator == SQL_NULL_DATA) return false;
    const bool cut = rc == SQL_SUCCESS_WITH_INFO && (indicator == SQL_NO_TOTAL || indicator > kRoom);
    out.append(buffer, static_cast<std::size_t>(cut ? kRoom : indicator) / sizeof(Char));
    if (!cut) return true;
  }
}

RowReader::TextRead RowReader::read_text(SQLUSMALLINT column, std::string& out) {
  if (!read_chunks(statement_, column, SQL_C_WCHAR, wide_)) return TextRead::null;
  auto utf8 = utf8_of(wide_);
  if (!utf8) return TextRead::invalid;
  out = std::move(*utf8);
  return TextRead::ok;
}

bool RowReader::read_chars(SQLUSMALLINT column, std::string& out) {
  return read_chunks(statement_, column, SQL_C_CHAR, out);
}

}  // namespace o2c::sql
