// sim/sap/sap_count.h
// Counts for $inlinecount / $count without a full scan per query: a keyset
// query (BillingDocument gt '..' plus the mapping's where) seeks to its range
// and only the rest of the filter (the residual) needs evaluating. For each
// residual the cache keeps the running count of matching rows at every
// 4096th position, built in one pass, so a count is two table lookups plus
// at most 2 × 4096 evaluations. An entry is rebuilt when the table changes
// visibly (size, natural order, the residual columns of its last row). Thread-safe.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "sim/sap/sap_query.h"

namespace o2c::sim::sap {

class CountCache {
 public:
  static constexpr std::size_t kBlock = 4096;
  explicit CountCache(std::size_t entries = 16) : capacity_(entries == 0 ? 1 : entries) {}
  // Rows of plan.seek that match the plan's filter.
  std::size_t count(const QueryPlan& plan);
  long builds() const;   // prefix tables built (cache misses), for tests

 private:
  using Prefix = std::shared_ptr<const std::vector<std::uint32_t>>;
  Prefix prefix_of(const QueryPlan& plan);
  std::size_t matches_before(const QueryPlan& plan, const std::vector<std::uint32_t>& prefix, std::size_t position) const;

  struct Entry {
    std::string key;
    Prefix prefix;
  };
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::list<Entry> lru_;   // most recently used first
  long builds_ = 0;
};

}  // namespace o2c::sim::sap
