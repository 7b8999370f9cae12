#include "sim/sap/sap_count.h"

#include <fmt/format.h>

#include "sim/sap/sap_exec.h"

namespace o2c::sim::sap {

namespace {

void referenced_columns(const BoundFilter& f, std::vector<std::size_t>& out) {
  if (f.kind == FilterNode::Kind::compare) out.push_back(f.column);
  for (const auto& c : f.children) referenced_columns(c, out);
}

// What the prefix table depends on: the table, its size and natural orders, the residual, and the
// residual's columns in the last row (a mutation in place either reorders the table or is the last row).
std::string cache_key(const QueryPlan& plan) {
  const SimTable& table = *plan.table;
  std::string key = fmt::format("{}|{}|", static_cast<const void*>(&table), table.size());
  for (const auto& column : table.columns()) key += table.naturally_ordered_by(column.name) ? '1' : '0';
  key += "|" + plan.residual_identity;
  std::vector<std::size_t> columns;
  referenced_columns(*plan.residual, columns);
  if (table.size() > 0)
    for (const std::size_t c : columns) key += "|" + key_literal(table.value(table.size() - 1, c));
  return key;
}

}  // namespace

std::size_t CountCache::count(const QueryPlan& plan) {
  if (!plan.residual || plan.seek_exact) return plan.seek.size();
  if (plan.seek.size() < 2 * kBlock) return count_matches(plan);
  const Prefix prefix = prefix_of(plan);
  return matches_before(plan, *prefix, plan.seek.end) - matches_before(plan, *prefix, plan.seek.begin);
}

std::size_t CountCache::matches_before(const QueryPlan& plan, const std::vector<std::uint32_t>& prefix,
                                       std::size_t position) const {
  const std::size_t block = position / kBlock;
  std::size_t n = prefix[block];
  for (std::size_t row = block * kBlock; row < position; ++row)
    if (residual_matches(plan, row)) ++n;
  return n;
}

CountCache::Prefix CountCache::prefix_of(const QueryPlan& plan) {
  const std::string key = cache_key(plan);
  {
    std::lock_guard lock(mutex_);
    for (auto it = lru_.begin(); it != lru_.end(); ++it) {
      if (it->key != key) continue;
      lru_.splice(lru_.begin(), lru_, it);
      return lru_.front().prefix;
    }
  }
  const std::size_t size = plan.table->size();
  auto prefix = std::make_shared<std::vector<std::uint32_t>>(size / kBlock + 1, 0);
  std::uint32_t running = 0;
  for (std::size_t row = 0; row < size; ++row) {
    if (row % kBlock == 0) (*prefix)[row / kBlock] = running;
    if (residual_matches(plan, row)) ++running;
  }
  if (size % kBlock == 0) prefix->back() = running;
  std::lock_guard lock(mutex_);
  ++builds_;
  lru_.push_front(Entry{key, prefix});
  if (lru_.size() > capacity_) lru_.pop_back();
  return prefix;
}

long CountCache::builds() const {
  std::lock_guard lock(mutex_);
  return builds_;
}

}  // namespace o2c::sim::sap
