// sim/netsuite/suiteql_cache.h
// Prepared queries by query text, least recently used first out, so the
// pages of one query (offset 0, 1000, 2000, ... possibly several at once)
// share one parse, one counting pass and its checkpoints. A first page
// (`fresh`) always prepares anew, so a query repeated after the data changed
// in place sees the change; an entry is also replaced when the catalog's
// tables changed visibly (other object, size, natural order). Thread-safe.
#pragma once

#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "sim/netsuite/suiteql_exec.h"

namespace o2c::sim::netsuite {

class QueryCache {
 public:
  // Queries are prepared with dates in `zone` (the account's time zone).
  explicit QueryCache(std::size_t capacity, AccountZone zone = {})
      : capacity_(capacity == 0 ? 1 : capacity), zone_(std::move(zone)) {}
  // The prepared query for `text`, preparing it if needed or `fresh`. Throws QueryError.
  std::shared_ptr<PreparedQuery> get(std::string_view text, const SimCatalog& catalog, bool fresh = false);
  std::size_t size() const;

 private:
  using Lru = std::list<std::shared_ptr<PreparedQuery>>;
  std::size_t capacity_;
  AccountZone zone_;
  mutable std::mutex mutex_;
  Lru lru_;  // most recently used first
  std::unordered_map<std::string_view, Lru::iterator> by_text_;  // keys view into the entries
};

}  // namespace o2c::sim::netsuite
