// The seek half of soql_plan.h: turns top-level AND conjuncts such as
// `Id > '801...'` or `SystemModstamp >= 2026-11-24T10:00:00Z` on naturally
// ordered columns into a position range found by binary search, so a query
// never scans the rows before its start.
#include <algorithm>

#include "sim/salesforce/soql_plan.h"
#include "sim/salesforce/soql_value.h"

namespace o2c::sim::salesforce::soql {

namespace {

bool seekable_type(SimType type) {
  return type == SimType::id || type == SimType::reference || type == SimType::datetime || type == SimType::date ||
         type == SimType::decimal;
}

bool seekable_op(CompareOp op) {
  return op == CompareOp::eq || op == CompareOp::lt || op == CompareOp::le || op == CompareOp::gt ||
         op == CompareOp::ge;
}

// Narrows plan.seek by one conjunct; false when the conjunct cannot be expressed as a range.
// Nulls and incomparable values count as below every literal (nulls sort first in natural order).
bool narrow(QueryPlan& plan, const BoundCondition& c) {
  if (c.kind != Condition::Kind::predicate || !c.field.hops.empty() || !seekable_op(c.op)) return false;
  const Literal& literal = c.values.front();
  const SimColumn& column = c.field.descriptor();
  if (literal.kind == LiteralKind::null || !seekable_type(column.type) ||
      !plan.table->naturally_ordered_by(column.name))
    return false;
  const SimTable& table = *plan.table;
  // First position in the current range whose value compares >= min_cmp (0: >= literal, 1: > literal).
  const auto first_at_least = [&](int min_cmp) {
    std::size_t lo = plan.seek.begin, hi = std::max(plan.seek.begin, plan.seek.end);
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      const auto cmp = compare_to_literal(table.value(mid, c.field.column), literal, column.type);
      if (cmp && *cmp >= min_cmp)
        hi = mid;
      else
        lo = mid + 1;
    }
    return lo;
  };
  switch (c.op) {
    case CompareOp::ge: plan.seek.begin = first_at_least(0); break;
    case CompareOp::gt: plan.seek.begin = first_at_least(1); break;
    case CompareOp::le: plan.seek.end = first_at_least(1); break;
    case CompareOp::lt: plan.seek.end = first_at_least(0); break;
    case CompareOp::eq: {
      const std::size_t begin = first_at_least(0);
      plan.seek.end = first_at_least(1);
      plan.seek.begin = begin;
      break;
    }
    default: return false;
  }
  if (plan.seek.end < plan.seek.begin) plan.seek.end = plan.seek.begin;
  return true;
}

}  // namespace

void compute_seek(QueryPlan& plan) {
  plan.seek = {0, plan.table->size()};
  std::vector<const BoundCondition*> conjuncts;
  if (plan.where && plan.where->kind == Condition::Kind::all_of) {
    for (const auto& child : plan.where->children) conjuncts.push_back(&child);
  } else if (plan.where) {
    conjuncts.push_back(&*plan.where);
  }
  bool every_conjunct_is_a_range = true;
  std::vector<std::size_t> range_columns;
  for (const auto* c : conjuncts) {
    if (narrow(plan, *c))
      range_columns.push_back(c->field.column);
    else
      every_conjunct_is_a_range = false;
  }
  plan.seek_exact = every_conjunct_is_a_range && !plan.deleted_column;
  // An upper cut alone lets leading nulls in; those do not match, so the range is then not exact.
  if (plan.seek_exact && plan.seek.size() > 0)
    for (const std::size_t column : range_columns)
      if (std::holds_alternative<std::monostate>(plan.table->value(plan.seek.begin, column))) plan.seek_exact = false;
}

}  // namespace o2c::sim::salesforce::soql
