// sim/netsuite/suiteql_rows.h
// The row source of a bound query: which driving positions to visit (the
// seek range from range conjuncts on a naturally ordered column, found by
// binary search), and, for one driving position, every joined row that
// passes the ON and WHERE conditions, in a fixed order. JOINs on a primary
// key use SimTable::find; other JOINs use a hash index built once here.
#pragma once

#include <functional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "sim/netsuite/suiteql_binder.h"

namespace o2c::sim::netsuite {

class JoinedRows {
 public:
  // Called with one position per slot; returns false to stop the enumeration.
  using Visitor = std::function<bool(const std::size_t* positions)>;

  explicit JoinedRows(const BoundQuery& query);
  // [begin, end) of driving positions that can match the WHERE clause.
  std::pair<std::size_t, std::size_t> driving_range() const;
  // Visits the rows of driving position `p`; false when the visitor stopped.
  bool visit(std::size_t p, const Visitor& visitor) const;
  std::size_t slot_count() const { return query_.slots.size(); }

 private:
  using Index = std::unordered_map<std::string, std::vector<std::size_t>>;
  bool expand(std::size_t depth, std::vector<std::size_t>& positions, const Visitor& visitor) const;
  std::vector<std::size_t> candidates(std::size_t depth, const std::vector<std::size_t>& positions) const;
  bool passes(const std::vector<const Expr*>& filters, const std::vector<std::size_t>& positions) const;

  const BoundQuery& query_;
  std::vector<Index> indexes_;  // per slot; empty for the driving and primary-key slots
};

}  // namespace o2c::sim::netsuite
