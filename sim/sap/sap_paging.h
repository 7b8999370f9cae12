// sim/sap/sap_paging.h
// Server-driven paging: a page of at most `page_size` rows, and the
// $skiptoken that resumes after it. The token is self-contained — the table
// position of the next matching row (natural order) or the index into the
// sorted rows, the rows served so far, the count announced on the first page
// and a digest of the query it belongs to — so following a next link costs
// O(page) whatever page it is, and the simulator keeps no cursor per client.
// Its text holds ' + / & = on purpose (field-pitfalls #20): a client must send
// the next link back exactly as it came. Sorted (non-natural) results are
// kept in a small LRU cache so their pages do not sort again. Thread-safe.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/sap/sap_count.h"
#include "sim/sap/sap_query.h"

namespace o2c::sim::sap {

struct Skiptoken {
  std::size_t position = 0;              // natural order: next table position; sorted: next index
  std::size_t served = 0;                // rows served before (after $skip)
  std::optional<std::size_t> total;      // the count announced with the first page
  std::uint32_t query = 0;               // digest of QueryPlan::identity
  bool operator==(const Skiptoken&) const = default;
};

std::uint32_t query_digest(std::string_view identity);
// "'1000'+1000/5432&q=0badf00d" (total "*" when no count was asked for).
std::string encode_skiptoken(const Skiptoken& token);
std::optional<Skiptoken> decode_skiptoken(std::string_view text);

struct PageOut {
  std::vector<std::size_t> rows;          // table positions, in result order
  std::optional<std::size_t> total;       // when the count was asked for
  std::optional<Skiptoken> next;          // more rows follow
};

class Pager {
 public:
  explicit Pager(std::size_t sorted_cache_entries = 8) : capacity_(sorted_cache_entries == 0 ? 1 : sorted_cache_entries) {}
  // Throws ODataError(400) for a $skiptoken that is malformed or belongs to another query.
  PageOut page(const QueryPlan& plan, const std::optional<std::string>& skiptoken, std::size_t page_size);
  long sorts() const;   // sorts done (cache misses), for tests
  // Rows matching the plan (its $top and $skip aside), what $inlinecount / $count / /$count answer.
  std::size_t count(const QueryPlan& plan) { return counts_.count(plan); }
  const CountCache& counts() const { return counts_; }

 private:
  using Rows = std::shared_ptr<const std::vector<std::uint32_t>>;
  Rows sorted(const QueryPlan& plan);
  PageOut natural_page(const QueryPlan& plan, const std::optional<Skiptoken>& from, std::size_t limit);
  PageOut sorted_page(const QueryPlan& plan, const std::optional<Skiptoken>& from, std::size_t limit);

  struct Entry {
    std::string identity;
    const SimTable* table;
    std::size_t table_size;
    Rows rows;
  };
  std::size_t capacity_;
  mutable std::mutex mutex_;
  std::list<Entry> lru_;   // most recently used first
  long sorts_ = 0;
  CountCache counts_;
};

}  // namespace o2c::sim::sap
