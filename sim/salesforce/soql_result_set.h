// sim/salesforce/soql_result_set.h
// The rows of one executed query, addressable by result offset, which is what
// a query locator pages through. Two shapes: streaming (ORDER BY is the
// natural order: remembers where each served batch ended, so batch k costs
// O(batch) and a replayed batch costs the same) and sorted (the matching row
// positions, sorted once). totalSize is counted when the query runs.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "sim/salesforce/soql_plan.h"

namespace o2c::sim::salesforce::soql {

class ResultSet {
 public:
  explicit ResultSet(std::shared_ptr<const QueryPlan> plan);
  ResultSet(const ResultSet&) = delete;
  ResultSet& operator=(const ResultSet&) = delete;

  const QueryPlan& plan() const { return *plan_; }
  std::size_t total() const { return total_; }

  struct Batch {
    std::vector<std::size_t> rows;  // table positions, in result order
    bool done = false;              // no row after this batch
  };
  // Rows [offset, offset + max_rows) of the result. Thread-safe.
  Batch fetch(std::size_t offset, std::size_t max_rows);

 private:
  Batch fetch_streaming(std::size_t offset, std::size_t max_rows);

  std::shared_ptr<const QueryPlan> plan_;
  std::size_t total_ = 0;
  std::vector<std::uint32_t> sorted_;  // sort fallback only
  std::mutex mutex_;
  std::map<std::size_t, std::size_t> resume_at_;  // streaming: result offset → table position of that row
};

}  // namespace o2c::sim::salesforce::soql
