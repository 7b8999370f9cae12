// sim/netsuite/suiteql_error.h
// The one error of the SuiteQL engine: what is wrong with the query text and
// where (a byte offset into it). The API turns it into NetSuite's 400
// INVALID_PARAMETER reply with the line and column spelled out.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace o2c::sim::netsuite {

class QueryError : public std::runtime_error {
 public:
  QueryError(std::string message, std::size_t position)
      : std::runtime_error(std::move(message)), position_(position) {}
  std::size_t position() const { return position_; }

 private:
  std::size_t position_;
};

// "… at line 1, column 37 (near 'foo')" for a position in `query`.
std::string describe_position(std::string_view query, std::size_t position);

}  // namespace o2c::sim::netsuite
