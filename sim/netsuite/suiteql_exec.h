// sim/netsuite/suiteql_exec.h
// A prepared SuiteQL query and its pages. The first page request runs one
// counting pass (WHERE and JOINs only) that yields totalResults and either
// checkpoints (driving position, row ordinal) every 100 rows when rows come
// in natural order, or the sorted row list (at most the 100,000 reachable
// rows) otherwise. Every page after that costs O(limit): resume from the
// nearest checkpoint, or index the sorted list. Thread-safe: concurrent page
// requests share the one pass.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "sim/netsuite/suiteql_binder.h"
#include "sim/netsuite/suiteql_rows.h"

namespace o2c::sim::netsuite {

// NetSuite returns at most this many rows of one query, whatever the paging.
inline constexpr std::size_t kResultCeiling = 100'000;

struct QueryPage {
  std::size_t total = 0;            // totalResults
  std::vector<std::string> items;   // JSON objects, {"links":[],"key":"value",...}
};

class PreparedQuery {
 public:
  // Parses and binds `text` (dates in `zone`); throws QueryError.
  PreparedQuery(std::string text, const SimCatalog& catalog, const AccountZone& zone);
  PreparedQuery(const PreparedQuery&) = delete;
  PreparedQuery& operator=(const PreparedQuery&) = delete;

  const std::string& text() const { return text_; }
  // False once the catalog serves other table objects or sizes than at
  // prepare time, or a natural order the plan relies on is gone.
  bool still_valid(const SimCatalog& catalog) const;
  // Rows [offset, offset + limit) of the result (fewer at its end).
  QueryPage page(std::size_t offset, std::size_t limit);

 private:
  struct Checkpoint {
    std::size_t position;  // driving position whose first row is...
    std::size_t ordinal;   // ...this row of the result
  };
  void run_pass();
  void count_in_natural_order();
  void collect_and_sort();
  std::string render(const std::size_t* positions) const;
  void page_in_natural_order(std::size_t offset, std::size_t limit, QueryPage& out) const;

  std::string text_;
  BoundQuery query_;
  std::vector<std::size_t> sizes_;  // table sizes at prepare time
  std::vector<std::string> natural_columns_;  // driving columns whose natural order the plan uses
  JoinedRows rows_;
  std::pair<std::size_t, std::size_t> range_;

  std::once_flag pass_once_;
  std::size_t total_ = 0;
  std::vector<Checkpoint> checkpoints_;  // natural order
  std::vector<std::size_t> sorted_;      // otherwise: positions, slot_count() per row
};

}  // namespace o2c::sim::netsuite
