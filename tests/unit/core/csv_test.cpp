#include <gtest/gtest.h>

#include "core/csv.h"
#include "core/error.h"

namespace o2c {
namespace {

std::vector<std::vector<std::string>> fields(const std::vector<CsvRow>& rows) {
  std::vector<std::vector<std::string>> out;
  for (const auto& r : rows) out.push_back(r.fields);
  return out;
}

TEST(Csv, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
  const auto rows = parse_csv("\xEF\xBB\xBF" "id,name\r\n1,\"Müller, \"\"Söhne\"\"\"\r\n2,\"two\nlines\"\n3,\n");
  EXPECT_EQ(fields(rows), (std::vector<std::vector<std::string>>{
                              {"id", "name"}, {"1", "Müller, \"Söhne\""}, {"2", "two\nlines"}, {"3", ""}}));
  EXPECT_EQ(rows[1].line, 2);
  EXPECT_EQ(rows[2].line, 3);
  EXPECT_EQ(rows[3].line, 5);  // the row after a two-line field
}

TEST(Csv, BlankLinesAreSkippedAndALastLineNeedsNoNewline) {
  const auto rows = parse_csv("a,b\n\n\nc,d");
  EXPECT_EQ(fields(rows), (std::vector<std::vector<std::string>>{{"a", "b"}, {"c", "d"}}));
  EXPECT_EQ(rows[1].line, 4);
  EXPECT_TRUE(parse_csv("").empty());
  EXPECT_EQ(fields(parse_csv("\"\"\n")), (std::vector<std::vector<std::string>>{{""}}));  // a quoted empty field is a row
}

TEST(Csv, BrokenQuotingNamesTheLineAndColumn) {
  try {
    parse_csv("a,b\n1,\"open\n");
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), Error::Kind::config);
    EXPECT_STREQ(e.what(), "line 2, column 3: a quoted field is not closed");
  }
  try {
    parse_csv("1,\"x\"y,2\n");
    FAIL();
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "line 1, column 6: text after the closing quote of a field");
  }
}

}  // namespace
}  // namespace o2c
