// tests/unit/connectors/sql/sql_rows_test.cpp — the values of a row as the
// mapper reads them: every spelling of a decimal a driver may produce becomes
// an exact JSON number (or a string when it is none), text is escaped, and
// timestamps carry the server zone's offset.
#include "connectors/sql/sql_rows.h"

#include <sqlext.h>

#include <gtest/gtest.h>

namespace o2c::sql {
namespace {

using std::chrono::hours;
using std::chrono::seconds;

TEST(SqlRows, DecimalTextBecomesAnExactJsonNumber) {
  EXPECT_EQ(json_number("12345678901234.56"), "12345678901234.56");
  EXPECT_EQ(json_number("0.1"), "0.1");
  EXPECT_EQ(json_number("-0.10"), "-0.10");              // scale kept: the text is the value
  EXPECT_EQ(json_number("9007199254740993"), "9007199254740993");  // beyond a double's integers
  EXPECT_EQ(json_number(".5"), "0.5");                   // Oracle drops the leading zero
  EXPECT_EQ(json_number("-.5"), "-0.5");
  EXPECT_EQ(json_number("5."), "5");
  EXPECT_EQ(json_number(" +7 "), "7");
  EXPECT_EQ(json_number("0012"), "12");
  EXPECT_EQ(json_number("0"), "0");
  EXPECT_EQ(json_number("1,5"), "1.5");                  // NLS decimal comma
  EXPECT_EQ(json_number("1E+10"), "1E+10");
  EXPECT_EQ(json_number("-2.5e-3"), "-2.5e-3");
}

TEST(SqlRows, TextThatIsNoNumberIsRefused) {
  for (const char* text : {"NaN", "Infinity", "-Infinity", "", "-", ".", "1.2.3", "1,000.5", "1e", "abc", "1 2"})
    EXPECT_EQ(json_number(text), std::nullopt) << text;
}

TEST(SqlRows, StringsAreJsonEscaped) {
  std::string out;
  append_json_string(out, "a\"b\\c\nd\te\x01 Zürich");
  EXPECT_EQ(out, "\"a\\\"b\\\\c\\nd\\te\\u0001 Zürich\"");
}

TEST(SqlRows, TimestampsCarryTheOffsetAndTheirFraction) {
  const WallTime wall = date::local_days{date::year{2026} / 11 / 24} + hours{2};
  EXPECT_EQ(timestamp_text(wall, 0, seconds{0}), "2026-11-24T02:00:00+00:00");
  EXPECT_EQ(timestamp_text(wall, 0, hours{-8}), "2026-11-24T02:00:00-08:00");
  EXPECT_EQ(timestamp_text(wall, 123'456'000, seconds{5 * 3600 + 1800}), "2026-11-24T02:00:00.123456+05:30");
  EXPECT_EQ(timestamp_text(wall, 500'000'000, seconds{0}), "2026-11-24T02:00:00.5+00:00");
}

TEST(SqlRows, ColumnKindsFollowTheOdbcType) {
  EXPECT_EQ(column_kind(SQL_NUMERIC), ColumnKind::number);
  EXPECT_EQ(column_kind(SQL_DECIMAL), ColumnKind::number);
  EXPECT_EQ(column_kind(SQL_BIGINT), ColumnKind::number);
  EXPECT_EQ(column_kind(SQL_DOUBLE), ColumnKind::number);
  EXPECT_EQ(column_kind(SQL_BIT), ColumnKind::boolean);
  EXPECT_EQ(column_kind(SQL_TYPE_DATE), ColumnKind::date);
  EXPECT_EQ(column_kind(SQL_TYPE_TIMESTAMP), ColumnKind::timestamp);
  EXPECT_EQ(column_kind(SQL_WVARCHAR), ColumnKind::text);
  EXPECT_EQ(column_kind(SQL_LONGVARCHAR), ColumnKind::text);
  EXPECT_EQ(column_kind(SQL_TYPE_TIME), ColumnKind::text);
}

}  // namespace
}  // namespace o2c::sql
