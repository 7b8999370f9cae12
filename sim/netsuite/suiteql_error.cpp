#include "sim/netsuite/suiteql_error.h"

#include <algorithm>

#include <fmt/format.h>

namespace o2c::sim::netsuite {

std::string describe_position(std::string_view query, std::size_t position) {
  position = std::min(position, query.size());
  std::size_t line = 1, column = 1;
  for (std::size_t i = 0; i < position; ++i) {
    if (query[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  if (position >= query.size()) return fmt::format("at line {}, column {} (end of query)", line, column);
  auto near = query.substr(position, 20);
  if (const auto nl = near.find('\n'); nl != std::string_view::npos) near = near.substr(0, nl);
  return fmt::format("at line {}, column {} (near '{}')", line, column, near);
}

}  // namespace o2c::sim::netsuite
