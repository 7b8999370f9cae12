// core/csv.h — reading RFC 4180 CSV text (routing tables, mapping lookup
// tables): quoted fields with doubled quotes, commas and line breaks inside
// quotes, CRLF or LF line ends, a UTF-8 byte-order mark ignored. Every row
// keeps the line it starts on, for file:line:col messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace o2c {

struct CsvRow {
  int line = 0;                      // 1-based line where the row starts
  std::vector<std::string> fields;
};

// Blank lines are skipped. Throws Error(config) "line L, column C: ..." on an
// unterminated quoted field or text after a closing quote.
std::vector<CsvRow> parse_csv(std::string_view text);

}  // namespace o2c
