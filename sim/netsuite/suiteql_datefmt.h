// sim/netsuite/suiteql_datefmt.h
// Oracle datetime format models for TO_CHAR and TO_DATE: the elements YYYY
// MM DD HH24 MI SS (case-insensitive), double-quoted literal text ("T",
// "Z") and the punctuation - / , . ; : and space. They format and read wall
// time; the evaluator converts it to and from the account's zone
// (suiteql_zone.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/netsuite/suiteql_zone.h"

namespace o2c::sim::netsuite {

struct DateFormat {
  enum class Element { year, month, day, hour24, minute, second, literal };
  struct Part {
    Element element;
    std::string text;  // literal only
  };
  std::vector<Part> parts;
  bool has_time() const;
};

struct DateFormatError {
  std::string message;
  std::size_t offset;  // into the format or the input text
};

// Throws DateFormatError naming the element it does not know.
DateFormat parse_date_format(std::string_view format);
std::string format_datetime(WallTime t, const DateFormat& format);
// Parses `text` exactly as the format describes (Oracle TO_DATE); missing
// month/day default to 1, missing time fields to 0. Throws DateFormatError.
WallTime parse_datetime(std::string_view text, const DateFormat& format);

}  // namespace o2c::sim::netsuite
