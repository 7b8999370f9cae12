// sim/sap/sap_exec.h
// Evaluates a QueryPlan over its table: the row filter, the seek range on
// naturally ordered columns (binary search, so a keyset query such as
// BillingDocument gt '100457' never scans the rows before it), counting
// (O(1) when the range is exact) and the sort fallback that keeps only row
// positions.
#pragma once

#include <cstdint>
#include <vector>

#include "sim/sap/sap_query.h"

namespace o2c::sim::sap {

bool row_matches(const QueryPlan& plan, std::size_t row);
// Whether a row inside plan.seek matches (only the residual conjuncts are evaluated).
bool residual_matches(const QueryPlan& plan, std::size_t row);
// First matching position in [from, plan.seek.end), or plan.seek.end when there is none.
std::size_t next_match(const QueryPlan& plan, std::size_t from);
std::size_t count_matches(const QueryPlan& plan);
// Sort fallback: matching positions in $orderby order (ties by position).
std::vector<std::uint32_t> sorted_matches(const QueryPlan& plan);
// Fills plan.seek / plan.seek_exact / plan.residual from the top-level AND conjuncts.
void compute_seek(QueryPlan& plan);

}  // namespace o2c::sim::sap
