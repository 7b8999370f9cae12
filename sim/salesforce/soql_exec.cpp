#include "sim/salesforce/soql_exec.h"

#include <algorithm>
#include <limits>

#include "core/error.h"
#include "sim/salesforce/soql_value.h"

namespace o2c::sim::salesforce::soql {

namespace {

bool equals_literal(const SimValue& value, const Literal& literal, SimType type) {
  if (literal.kind == LiteralKind::null) return std::holds_alternative<std::monostate>(value);
  const auto cmp = compare_to_literal(value, literal, type);
  return cmp && *cmp == 0;
}

// SOQL two-valued logic: null satisfies `= null`, `!= 'x'` and NOT IN, never <, >, LIKE.
bool predicate_holds(const SimValue& value, const BoundCondition& c) {
  const SimType type = c.field.descriptor().type;
  const Literal& first = c.values.front();
  const auto ordered = [&](auto accept) {
    const auto cmp = first.kind == LiteralKind::null ? std::nullopt : compare_to_literal(value, first, type);
    return cmp.has_value() && accept(*cmp);
  };
  const auto in_list = [&] {
    return std::any_of(c.values.begin(), c.values.end(),
                       [&](const Literal& l) { return equals_literal(value, l, type); });
  };
  switch (c.op) {
    case CompareOp::eq: return equals_literal(value, first, type);
    case CompareOp::ne: return !equals_literal(value, first, type);
    case CompareOp::lt: return ordered([](int x) { return x < 0; });
    case CompareOp::le: return ordered([](int x) { return x <= 0; });
    case CompareOp::gt: return ordered([](int x) { return x > 0; });
    case CompareOp::ge: return ordered([](int x) { return x >= 0; });
    case CompareOp::like: {
      const auto* s = std::get_if<std::string>(&value);
      return s && like_match(*s, first.like_pattern);
    }
    case CompareOp::in: return in_list();
    case CompareOp::not_in: return !in_list();
  }
  return false;
}

bool holds(const BoundCondition& c, const SimTable& table, std::size_t row) {
  switch (c.kind) {
    case Condition::Kind::all_of:
      return std::all_of(c.children.begin(), c.children.end(), [&](const auto& x) { return holds(x, table, row); });
    case Condition::Kind::any_of:
      return std::any_of(c.children.begin(), c.children.end(), [&](const auto& x) { return holds(x, table, row); });
    case Condition::Kind::negation: return !holds(c.children.front(), table, row);
    case Condition::Kind::predicate: return predicate_holds(read_value(table, row, c.field), c);
  }
  return false;
}

// Strict order of two row positions per ORDER BY, ties by position.
bool row_before(const QueryPlan& plan, std::uint32_t a, std::uint32_t b) {
  for (const SortKey& key : plan.order) {
    const SimValue x = read_value(*plan.table, a, key.field), y = read_value(*plan.table, b, key.field);
    const bool x_null = std::holds_alternative<std::monostate>(x), y_null = std::holds_alternative<std::monostate>(y);
    if (x_null != y_null) return x_null == key.nulls_first;
    if (x_null) continue;
    const int c = compare_for_order(x, y, key.field.descriptor().type);
    if (c != 0) return key.descending ? c > 0 : c < 0;
  }
  return a < b;
}

}  // namespace

bool row_matches(const QueryPlan& plan, std::size_t row) {
  if (plan.deleted_column) {
    const SimValue deleted = plan.table->value(row, *plan.deleted_column);
    if (const auto* b = std::get_if<bool>(&deleted); b && *b) return false;
  }
  return !plan.where || holds(*plan.where, *plan.table, row);
}

std::size_t next_match(const QueryPlan& plan, std::size_t from) {
  const std::size_t end = plan.seek.end;
  from = std::max(from, plan.seek.begin);
  if (plan.seek_exact) return std::min(from, end);
  while (from < end && !row_matches(plan, from)) ++from;
  return std::min(from, end);
}

std::size_t count_matches(const QueryPlan& plan, std::size_t cap) {
  if (plan.seek_exact) return std::min(plan.seek.size(), cap);
  std::size_t n = 0;
  for (std::size_t row = plan.seek.begin; row < plan.seek.end && n < cap; ++row)
    if (row_matches(plan, row)) ++n;
  return n;
}

std::vector<std::uint32_t> sorted_matches(const QueryPlan& plan) {
  if (plan.table->size() > std::numeric_limits<std::uint32_t>::max())
    throw Error(Error::Kind::internal, "table too large for the sort fallback");
  std::vector<std::uint32_t> rows;
  for (std::size_t row = plan.seek.begin; row < plan.seek.end; ++row)
    if (row_matches(plan, row)) rows.push_back(static_cast<std::uint32_t>(row));
  const auto before = [&](std::uint32_t a, std::uint32_t b) { return row_before(plan, a, b); };
  const std::size_t wanted = plan.limit && *plan.limit < rows.size() ? plan.offset + *plan.limit : rows.size();
  if (wanted < rows.size()) {
    std::partial_sort(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(wanted), rows.end(), before);
    rows.resize(wanted);
  } else {
    std::sort(rows.begin(), rows.end(), before);
  }
  rows.erase(rows.begin(), rows.begin() + static_cast<std::ptrdiff_t>(std::min(plan.offset, rows.size())));
  rows.shrink_to_fit();
  return rows;
}

}  // namespace o2c::sim::salesforce::soql
