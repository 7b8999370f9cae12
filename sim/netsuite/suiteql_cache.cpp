#include "sim/netsuite/suiteql_cache.h"

namespace o2c::sim::netsuite {

std::shared_ptr<PreparedQuery> QueryCache::get(std::string_view text, const SimCatalog& catalog, bool fresh) {
  std::lock_guard lock(mutex_);
  if (const auto it = by_text_.find(text); it != by_text_.end()) {
    if (!fresh && (*it->second)->still_valid(catalog)) {
      lru_.splice(lru_.begin(), lru_, it->second);
      return lru_.front();
    }
    const auto stale = it->second;
    by_text_.erase(it);
    lru_.erase(stale);
  }
  // Prepared under the lock so that concurrent first pages share one entry.
  auto prepared = std::make_shared<PreparedQuery>(std::string(text), catalog, zone_);
  lru_.push_front(prepared);
  by_text_.emplace(prepared->text(), lru_.begin());
  while (lru_.size() > capacity_) {
    by_text_.erase(lru_.back()->text());
    lru_.pop_back();
  }
  return prepared;
}

std::size_t QueryCache::size() const {
  std::lock_guard lock(mutex_);
  return lru_.size();
}

}  // namespace o2c::sim::netsuite
