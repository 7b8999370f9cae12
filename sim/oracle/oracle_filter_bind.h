// sim/oracle/oracle_filter_bind.h — a parsed q bound to a resource: each
// attribute resolved (exact name; unknown → did-you-mean, not queryable →
// refused), each literal converted to the attribute's type (a number for a
// numeric attribute, an ISO date or timestamp for a date/datetime one — a
// '+' sent unencoded arrives as a space and is refused), and the evaluation
// of a row in SQL's three-valued logic (a comparison with null is unknown).
#pragma once

#include <cstddef>
#include <vector>

#include "sim/oracle/oracle_filter.h"
#include "sim/oracle/oracle_resources.h"

namespace o2c::sim::oracle {

struct BoundFilter {
  FilterNode::Kind kind = FilterNode::Kind::predicate;
  std::vector<BoundFilter> args;
  // predicate
  std::size_t column = 0;
  AttrType type = AttrType::string;
  FilterOp op = FilterOp::eq;
  bool negated = false;
  std::vector<SimValue> values;   // literals in the attribute's type (like: the pattern as text)
};

// Throws FilterError (position into the q text).
BoundFilter bind_filter(const FilterNode& node, const Resource& resource);

enum class Tri { no, yes, unknown };
Tri evaluate(const BoundFilter& filter, const SimTable& table, std::size_t row);

// The conjuncts of a top-level AND chain (the filter itself when it is no AND).
void top_level_conjuncts(const BoundFilter& filter, std::vector<const BoundFilter*>& out);

}  // namespace o2c::sim::oracle
