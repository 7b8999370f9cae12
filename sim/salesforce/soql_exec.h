// sim/salesforce/soql_exec.h
// Evaluates a QueryPlan over its table: the row filter (WHERE plus the
// implicit IsDeleted = false of `query`), scanning within the seek range,
// counting (O(1) when the range is exact), and the sort fallback that keeps
// only row positions.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/salesforce/soql_plan.h"

namespace o2c::sim::salesforce::soql {

bool row_matches(const QueryPlan& plan, std::size_t row);
// First matching position in [from, plan.seek.end), or plan.seek.end when there is none.
std::size_t next_match(const QueryPlan& plan, std::size_t from);
// Number of matching rows (before OFFSET/LIMIT), counting no further than `cap`.
std::size_t count_matches(const QueryPlan& plan, std::size_t cap);
// Sort fallback: matching positions in ORDER BY order (ties by position), OFFSET and LIMIT applied.
std::vector<std::uint32_t> sorted_matches(const QueryPlan& plan);

}  // namespace o2c::sim::salesforce::soql
