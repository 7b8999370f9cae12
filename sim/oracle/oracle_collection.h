// sim/oracle/oracle_collection.h
// A prepared collection query (one resource, one bound q, one orderBy) and
// its pages. When the order is the table's natural order (no orderBy, or the
// key / a naturally ordered attribute ascending), range conditions on
// naturally ordered attributes seek by binary search, and the rows are
// scanned lazily: each scan leaves checkpoints (position, ordinal) every 64
// matches, so a later page resumes from the nearest one and costs
// O(limit) — and totalResults is counted only when asked for. Any other
// order collects and sorts the matches once. Thread-safe. The cache keeps
// the last prepared queries by their text so that the pages of one query
// share that work; a first page (offset 0) always prepares anew.
#pragma once

#include <atomic>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sim/oracle/oracle_filter_bind.h"

namespace o2c::sim::oracle {

struct OrderKey {
  std::size_t column = 0;
  bool descending = false;
};

class PreparedCollection {
 public:
  // `examined` counts every row a filter or sort looks at (OracleStats).
  PreparedCollection(std::string key, SimTablePtr table, std::optional<BoundFilter> filter,
                     std::vector<OrderKey> order, std::atomic<long>& examined);
  PreparedCollection(const PreparedCollection&) = delete;
  PreparedCollection& operator=(const PreparedCollection&) = delete;

  const std::string& key() const { return key_; }
  // False once `current` is another table object or size, or a natural
  // order the plan relies on is gone (a mutation reordered the table).
  bool still_valid(const SimTable* current) const;

  struct Slice {
    std::vector<std::size_t> rows;   // table positions of result rows [offset, offset + limit)
    bool more = false;               // a row follows them
  };
  Slice slice(std::size_t offset, std::size_t limit);
  std::size_t total();               // rows in the whole result

 private:
  struct Checkpoint {
    std::size_t position, ordinal;   // the ordinal-th result row is at `position` or after it
  };
  void plan_seek();
  void ensure_sorted();
  bool matches(std::size_t row) const;
  // Scans from the best known point towards the end; `take` gets each result
  // row with its ordinal and returns false to stop.
  void scan(std::size_t from_ordinal, const std::function<bool(std::size_t row, std::size_t ordinal)>& take);

  std::string key_;
  SimTablePtr table_;
  std::size_t size_;
  std::optional<BoundFilter> filter_;
  std::vector<OrderKey> order_;
  std::atomic<long>& examined_;
  bool natural_ = true;
  std::vector<std::string> natural_columns_;   // columns whose natural order the plan uses
  std::size_t begin_ = 0, end_ = 0;            // seek range (natural order)

  std::mutex mutex_;
  std::vector<Checkpoint> checkpoints_;
  Checkpoint frontier_{0, 0};                  // every position before it has been scanned
  std::optional<std::size_t> total_;
  std::optional<std::vector<std::size_t>> sorted_;
};

class CollectionCache {
 public:
  explicit CollectionCache(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}
  // The prepared query for `key` over `table`, or a new one from `prepare`
  // (when absent, stale or `fresh`). `prepare` may throw; nothing is cached then.
  std::shared_ptr<PreparedCollection> get(const std::string& key, const SimTable* table, bool fresh,
                                          const std::function<std::shared_ptr<PreparedCollection>()>& prepare);

 private:
  std::size_t capacity_;
  std::mutex mutex_;
  std::list<std::shared_ptr<PreparedCollection>> lru_;   // most recently used first
};

}  // namespace o2c::sim::oracle
