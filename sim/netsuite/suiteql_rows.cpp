#include "sim/netsuite/suiteql_rows.h"

#include <algorithm>
#include <optional>

#include "sim/netsuite/suiteql_eval.h"

namespace o2c::sim::netsuite {

namespace {

// First position in [0, size) whose value makes `after` true; `after` must be
// monotone along the natural order. nullopt when a value does not compare.
std::optional<std::size_t> first_where(const Slot& slot, std::size_t column, const Val& bound, bool strictly,
                                       const AccountZone& zone) {
  const SimTable& table = *slot.table;
  const SimType type = table.columns()[column].type;
  std::size_t lo = 0, hi = table.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const auto c = compare_values(from_sim(table.value(mid, column), type, zone), bound);
    if (!c) return std::nullopt;
    if (strictly ? *c > 0 : *c >= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

}  // namespace

JoinedRows::JoinedRows(const BoundQuery& query) : query_(query), indexes_(query.slots.size()) {
  for (std::size_t i = 1; i < query.slots.size(); ++i) {
    const Slot& slot = query.slots[i];
    if (slot.by_primary_key) continue;
    const SimType type = slot.table->columns()[slot.inner_column].type;
    for (std::size_t p = 0; p < slot.table->size(); ++p) {
      const Val v = from_sim(slot.table->value(p, slot.inner_column), type, query.zone);
      if (!v.is_null()) indexes_[i][join_key(v)].push_back(p);
    }
  }
}

std::pair<std::size_t, std::size_t> JoinedRows::driving_range() const {
  const Slot& driving = query_.slots[0];
  std::size_t begin = 0, end = driving.table->size();
  for (const SeekBound& b : query_.seek) {
    const bool strict_lower = b.op == CompareOp::gt || b.op == CompareOp::le;
    const auto at = first_where(driving, b.column, b.value, strict_lower, query_.zone);
    if (!at) return {0, driving.table->size()};  // data does not compare: scan everything
    if (b.op == CompareOp::ge || b.op == CompareOp::gt) begin = std::max(begin, *at);
    if (b.op == CompareOp::lt || b.op == CompareOp::le) end = std::min(end, *at);
    if (b.op == CompareOp::eq) {
      begin = std::max(begin, *at);
      const auto past = first_where(driving, b.column, b.value, true, query_.zone);
      if (!past) return {0, driving.table->size()};
      end = std::min(end, *past);
    }
  }
  return {begin, std::max(begin, end)};
}

bool JoinedRows::visit(std::size_t p, const Visitor& visitor) const {
  std::vector<std::size_t> positions(query_.slots.size(), kNoRow);
  positions[0] = p;
  if (!passes(query_.slots[0].where_filters, positions)) return true;
  return expand(1, positions, visitor);
}

bool JoinedRows::passes(const std::vector<const Expr*>& filters, const std::vector<std::size_t>& positions) const {
  const RowView row{query_.slots, positions.data(), query_.zone};
  for (const Expr* f : filters)
    if (eval_condition(*f, row) != Tri::yes) return false;
  return true;
}

std::vector<std::size_t> JoinedRows::candidates(std::size_t depth, const std::vector<std::size_t>& positions) const {
  const Slot& slot = query_.slots[depth];
  const Val key = eval_value(*slot.outer_key, RowView{query_.slots, positions.data(), query_.zone});
  std::vector<std::size_t> out;
  if (key.is_null() || key.is_temporal()) return out;
  if (slot.by_primary_key) {
    if (const auto p = slot.table->find(as_text(key, query_.zone))) out.push_back(*p);
    return out;
  }
  const auto it = indexes_[depth].find(join_key(key));
  if (it == indexes_[depth].end()) return out;
  const SimType type = slot.table->columns()[slot.inner_column].type;
  for (const std::size_t p : it->second)
    if (compare_values(key, from_sim(slot.table->value(p, slot.inner_column), type, query_.zone)) == 0)
      out.push_back(p);
  return out;
}

bool JoinedRows::expand(std::size_t depth, std::vector<std::size_t>& positions, const Visitor& visitor) const {
  if (depth == query_.slots.size()) return visitor(positions.data());
  const Slot& slot = query_.slots[depth];
  bool matched = false;
  for (const std::size_t p : candidates(depth, positions)) {
    positions[depth] = p;
    if (!passes(slot.on_filters, positions)) continue;
    matched = true;
    if (passes(slot.where_filters, positions) && !expand(depth + 1, positions, visitor)) return false;
  }
  positions[depth] = kNoRow;
  if (!matched && slot.kind == JoinKind::left && passes(slot.where_filters, positions))
    return expand(depth + 1, positions, visitor);
  return true;
}

}  // namespace o2c::sim::netsuite
