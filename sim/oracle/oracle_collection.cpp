#include "sim/oracle/oracle_collection.h"

#include <algorithm>
#include <numeric>

#include "sim/oracle/oracle_value.h"

namespace o2c::sim::oracle {

namespace {

constexpr std::size_t kCheckpointEvery = 64;

bool naturally_ordered(const SimTable& table, std::size_t column) {
  return table.naturally_ordered_by(table.columns()[column].name);
}

// First position in [0, size) whose cell is > value (strictly) or >= value;
// nullopt when a probed cell does not compare with the value.
std::optional<std::size_t> first_at_or_after(const SimTable& table, std::size_t column, const SimValue& value,
                                             bool strictly, std::atomic<long>& examined) {
  std::size_t lo = 0, hi = table.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    ++examined;
    const auto c = compare_cells(table.value(mid, column), value);
    if (!c) return std::nullopt;
    if (strictly ? *c > 0 : *c >= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

}  // namespace

PreparedCollection::PreparedCollection(std::string key, SimTablePtr table, std::optional<BoundFilter> filter,
                                       std::vector<OrderKey> order, std::atomic<long>& examined)
    : key_(std::move(key)),
      table_(std::move(table)),
      size_(table_->size()),
      filter_(std::move(filter)),
      order_(std::move(order)),
      examined_(examined),
      end_(size_) {
  if (!order_.empty()) {
    const OrderKey& first = order_[0];
    const bool first_natural = !first.descending && naturally_ordered(*table_, first.column);
    const bool tie_is_key = order_.size() == 1 || first.column == 0 ||
                            (order_.size() == 2 && order_[1].column == 0 && !order_[1].descending);
    natural_ = first_natural && tie_is_key;
    if (natural_) natural_columns_.push_back(table_->columns()[first.column].name);
  }
  if (natural_) plan_seek();
  checkpoints_.push_back({begin_, 0});
  frontier_ = {begin_, 0};
}

void PreparedCollection::plan_seek() {
  if (!filter_) return;
  std::vector<const BoundFilter*> conjuncts;
  top_level_conjuncts(*filter_, conjuncts);
  for (const BoundFilter* c : conjuncts) {
    if (c->kind != FilterNode::Kind::predicate || c->negated || !naturally_ordered(*table_, c->column)) continue;
    const auto bound = [&](const SimValue& v, bool lower, bool strictly) {
      const auto at = first_at_or_after(*table_, c->column, v, strictly, examined_);
      if (!at) return false;
      if (lower) begin_ = std::max(begin_, *at);
      else end_ = std::min(end_, *at);
      return true;
    };
    bool ok = true;
    switch (c->op) {
      case FilterOp::gt: ok = bound(c->values[0], true, true); break;
      case FilterOp::ge: ok = bound(c->values[0], true, false); break;
      case FilterOp::lt: ok = bound(c->values[0], false, false); break;
      case FilterOp::le: ok = bound(c->values[0], false, true); break;
      case FilterOp::eq: ok = bound(c->values[0], true, false) && bound(c->values[0], false, true); break;
      case FilterOp::between: ok = bound(c->values[0], true, false) && bound(c->values[1], false, true); break;
      default: continue;
    }
    if (!ok) {  // the data does not compare with the literal: scan everything, the filter decides
      begin_ = 0;
      end_ = size_;
      natural_columns_.resize(natural_columns_.empty() ? 0 : 1);
      return;
    }
    natural_columns_.push_back(table_->columns()[c->column].name);
  }
  end_ = std::max(begin_, end_);
}

bool PreparedCollection::still_valid(const SimTable* current) const {
  if (current != table_.get() || current->size() != size_) return false;
  return std::all_of(natural_columns_.begin(), natural_columns_.end(),
                     [&](const std::string& c) { return current->naturally_ordered_by(c); });
}

bool PreparedCollection::matches(std::size_t row) const {
  ++examined_;
  return !filter_ || evaluate(*filter_, *table_, row) == Tri::yes;
}

void PreparedCollection::scan(std::size_t from_ordinal,
                              const std::function<bool(std::size_t, std::size_t)>& take) {
  Checkpoint at = *std::prev(std::upper_bound(checkpoints_.begin(), checkpoints_.end(), from_ordinal,
                                              [](std::size_t o, const Checkpoint& c) { return o < c.ordinal; }));
  if (frontier_.ordinal <= from_ordinal && frontier_.position > at.position) at = frontier_;
  std::size_t p = at.position, ordinal = at.ordinal;
  bool stopped = false;
  for (; p < end_ && !stopped; ++p) {
    if (p >= frontier_.position && ordinal >= checkpoints_.back().ordinal + kCheckpointEvery)
      checkpoints_.push_back({p, ordinal});
    if (!matches(p)) continue;
    stopped = !take(p, ordinal);
    ++ordinal;
  }
  if (p > frontier_.position) frontier_ = {p, ordinal};
  if (p == end_ && !stopped) total_ = ordinal;
}

void PreparedCollection::ensure_sorted() {
  if (sorted_) return;
  std::vector<std::size_t> rows;
  for (std::size_t p = 0; p < size_; ++p)
    if (matches(p)) rows.push_back(p);
  std::stable_sort(rows.begin(), rows.end(), [this](std::size_t a, std::size_t b) {
    for (const OrderKey& k : order_) {
      int c = sort_order(table_->value(a, k.column), table_->value(b, k.column));
      if (k.descending) c = -c;
      if (c != 0) return c < 0;
    }
    return false;
  });
  total_ = rows.size();
  sorted_ = std::move(rows);
}

PreparedCollection::Slice PreparedCollection::slice(std::size_t offset, std::size_t limit) {
  std::lock_guard lock(mutex_);
  Slice out;
  if (!natural_) {
    ensure_sorted();
    for (std::size_t i = offset; i < sorted_->size() && out.rows.size() < limit; ++i) out.rows.push_back((*sorted_)[i]);
    out.more = offset + out.rows.size() < sorted_->size();
    return out;
  }
  if (!filter_) {  // every row of the range is a result row: no scan needed
    const std::size_t count = end_ - begin_;
    for (std::size_t i = offset; i < count && out.rows.size() < limit; ++i) out.rows.push_back(begin_ + i);
    out.more = offset + out.rows.size() < count;
    examined_ += static_cast<long>(out.rows.size());
    return out;
  }
  scan(offset, [&](std::size_t row, std::size_t ordinal) {
    if (ordinal < offset) return true;
    if (out.rows.size() == limit) {
      out.more = true;
      return false;
    }
    out.rows.push_back(row);
    return true;
  });
  return out;
}

std::size_t PreparedCollection::total() {
  std::lock_guard lock(mutex_);
  if (!natural_) ensure_sorted();
  if (!filter_ && natural_) return end_ - begin_;
  if (!total_) scan(frontier_.ordinal, [](std::size_t, std::size_t) { return true; });
  return *total_;
}

std::shared_ptr<PreparedCollection> CollectionCache::get(
    const std::string& key, const SimTable* table, bool fresh,
    const std::function<std::shared_ptr<PreparedCollection>()>& prepare) {
  std::lock_guard lock(mutex_);
  for (auto it = lru_.begin(); it != lru_.end(); ++it) {
    if ((*it)->key() != key) continue;
    if (!fresh && (*it)->still_valid(table)) {
      lru_.splice(lru_.begin(), lru_, it);
      return lru_.front();
    }
    lru_.erase(it);
    break;
  }
  auto prepared = prepare();
  lru_.push_front(prepared);
  while (lru_.size() > capacity_) lru_.pop_back();
  return prepared;
}

}  // namespace o2c::sim::oracle
