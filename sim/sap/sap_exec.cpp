#include "sim/sap/sap_exec.h"

#include <algorithm>

#include <fmt/format.h>

namespace o2c::sim::sap {

namespace {

bool holds(CompareOp op, int cmp) {
  switch (op) {
    case CompareOp::eq: return cmp == 0;
    case CompareOp::ne: return cmp != 0;
    case CompareOp::gt: return cmp > 0;
    case CompareOp::ge: return cmp >= 0;
    case CompareOp::lt: return cmp < 0;
    case CompareOp::le: return cmp <= 0;
  }
  return false;
}

bool evaluate(const BoundFilter& f, const SimTable& table, std::size_t row) {
  switch (f.kind) {
    case FilterNode::Kind::all_of:
      return std::all_of(f.children.begin(), f.children.end(),
                         [&](const BoundFilter& c) { return evaluate(c, table, row); });
    case FilterNode::Kind::any_of:
      return std::any_of(f.children.begin(), f.children.end(),
                         [&](const BoundFilter& c) { return evaluate(c, table, row); });
    case FilterNode::Kind::negation: return !evaluate(f.children.front(), table, row);
    case FilterNode::Kind::compare: break;
  }
  const SimValue cell = table.value(row, f.column);
  if (f.literal.kind == Literal::Kind::null) {
    const bool is_null = std::holds_alternative<std::monostate>(cell);
    return f.op == CompareOp::eq ? is_null : !is_null;
  }
  if (const auto cmp = compare_to_literal(cell, f.literal, f.type)) return holds(f.op, *cmp);
  return f.op == CompareOp::ne && std::holds_alternative<std::monostate>(cell);   // null ne 'x' is true
}

bool seekable(const BoundFilter& c, const SimTable& table) {
  return c.kind == FilterNode::Kind::compare && c.op != CompareOp::ne && c.literal.kind != Literal::Kind::null &&
         c.type != SimType::boolean && table.naturally_ordered_by(table.columns()[c.column].name);
}

// Narrows plan.seek by one conjunct; false when it is not a range on a naturally ordered column.
// Cells that cannot be compared (nulls, planted values) count as below every literal.
bool narrow(QueryPlan& plan, const BoundFilter& c) {
  const SimTable& table = *plan.table;
  if (!seekable(c, table)) return false;
  const auto first_at_least = [&](int min_cmp) {
    std::size_t lo = plan.seek.begin, hi = std::max(plan.seek.begin, plan.seek.end);
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      const auto cmp = compare_to_literal(table.value(mid, c.column), c.literal, c.type);
      if (cmp && *cmp >= min_cmp) hi = mid;
      else lo = mid + 1;
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

std::string describe(const BoundFilter& f) {
  switch (f.kind) {
    case FilterNode::Kind::compare:
      return fmt::format("c{} {} {}{}", f.column, op_name(f.op), static_cast<int>(f.literal.kind), f.literal.raw);
    case FilterNode::Kind::negation: return "not (" + describe(f.children.front()) + ")";
    default: break;
  }
  std::string out = "(";
  for (const auto& c : f.children)
    out += (out.size() > 1 ? (f.kind == FilterNode::Kind::all_of ? " and " : " or ") : "") + describe(c);
  return out + ")";
}

}  // namespace

bool residual_matches(const QueryPlan& plan, std::size_t row) {
  return !plan.residual || evaluate(*plan.residual, *plan.table, row);
}

bool row_matches(const QueryPlan& plan, std::size_t row) {
  return !plan.filter || evaluate(*plan.filter, *plan.table, row);
}

std::size_t next_match(const QueryPlan& plan, std::size_t from) {
  if (plan.seek_exact) return std::min(std::max(from, plan.seek.begin), plan.seek.end);
  for (std::size_t row = std::max(from, plan.seek.begin); row < plan.seek.end; ++row)
    if (residual_matches(plan, row)) return row;
  return plan.seek.end;
}

std::size_t count_matches(const QueryPlan& plan) {
  if (plan.seek_exact) return plan.seek.size();
  std::size_t n = 0;
  for (std::size_t row = plan.seek.begin; row < plan.seek.end; ++row)
    if (residual_matches(plan, row)) ++n;
  return n;
}

std::vector<std::uint32_t> sorted_matches(const QueryPlan& plan) {
  std::vector<std::uint32_t> rows;
  for (std::size_t row = next_match(plan, plan.seek.begin); row < plan.seek.end; row = next_match(plan, row + 1))
    rows.push_back(static_cast<std::uint32_t>(row));
  const SimTable& table = *plan.table;
  std::stable_sort(rows.begin(), rows.end(), [&](std::uint32_t a, std::uint32_t b) {
    for (const auto& key : plan.order) {
      const int c = compare_cells(table.value(a, key.column), table.value(b, key.column), key.type);
      if (c != 0) return key.descending ? c > 0 : c < 0;
    }
    return false;
  });
  return rows;
}

void compute_seek(QueryPlan& plan) {
  plan.seek = {0, plan.table->size()};
  std::vector<const BoundFilter*> conjuncts;
  const auto collect = [&conjuncts](const BoundFilter& f, auto&& self) -> void {
    if (f.kind == FilterNode::Kind::all_of)
      for (const auto& c : f.children) self(c, self);
    else
      conjuncts.push_back(&f);
  };
  if (plan.filter) collect(*plan.filter, collect);
  std::vector<BoundFilter> rest;
  for (const auto* c : conjuncts)
    if (!narrow(plan, *c)) rest.push_back(*c);
  plan.residual.reset();
  if (rest.size() == 1) {
    plan.residual = std::move(rest.front());
  } else if (!rest.empty()) {
    plan.residual.emplace();
    plan.residual->kind = FilterNode::Kind::all_of;
    plan.residual->children = std::move(rest);
  }
  plan.residual_identity = plan.residual ? describe(*plan.residual) : std::string();
  // An upper cut alone lets leading nulls in; those do not match the range, so they stay to check.
  plan.seek_exact = !plan.residual;
  if (plan.seek_exact && plan.seek.size() > 0 && !row_matches(plan, plan.seek.begin)) {
    plan.seek_exact = false;
    plan.residual = plan.filter;
    plan.residual_identity = describe(*plan.filter);
  }
}

}  // namespace o2c::sim::sap
