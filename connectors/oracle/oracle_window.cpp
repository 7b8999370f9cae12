// connectors/oracle/oracle_window.cpp — page checks of one window.
#include "connectors/oracle/oracle_window.h"

#include <algorithm>

#include <fmt/format.h>

namespace o2c::oracle {
namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

PageVerdict verdict(PageVerdict::Kind kind, std::string what) { return PageVerdict{kind, std::move(what)}; }

// First and last id of the page's records that have one.
std::pair<std::string, std::string> id_range(const CollectionPage& page) {
  std::pair<std::string, std::string> range;
  for (const auto& r : page.records) {
    if (r.id.empty()) continue;
    if (range.first.empty()) range.first = r.id;
    range.second = r.id;
  }
  return range;
}

}  // namespace

bool id_less(std::string_view a, std::string_view b) {
  if (all_digits(a) && all_digits(b)) {
    const auto significant = [](std::string_view s) {
      while (s.size() > 1 && s.front() == '0') s.remove_prefix(1);
      return s;
    };
    a = significant(a);
    b = significant(b);
    if (a.size() != b.size()) return a.size() < b.size();
  }
  return a < b;
}

PageVerdict WindowCheck::accept(long offset, const CollectionPage& page) {
  using K = PageVerdict::Kind;
  const long received = static_cast<long>(page.records.size());
  if (page.count != received)
    return verdict(K::broken, fmt::format("offset {}: count {} but {} items", offset, page.count, received));
  if (page.limit < 1 || page.count > page.limit)
    return verdict(K::broken, fmt::format("offset {}: {} items under the answered limit {}", offset, received,
                                          page.limit));
  if (!page.total_results)
    return verdict(K::broken, fmt::format("offset {}: no totalResults although totalResults=true was asked", offset));
  const auto [first, last] = id_range(page);
  for (const Seen& s : seen_)
    if (!first.empty() && s.first_id == first && s.last_id == last)
      return verdict(K::repeated, fmt::format("the answer for offset {} repeats the rows of offset {} (ids {} to {}): "
                                              "the server ignores offset",
                                              offset, s.offset, first, last));
  if (page.offset >= 0 && page.offset != offset)
    return verdict(K::repeated, fmt::format("asked for offset {}, the answer is for offset {}: the server ignores "
                                            "offset", offset, page.offset));
  const long total = *page.total_results;
  if (total_ && *total_ != total)
    return verdict(K::moved, fmt::format("offset {}: totalResults changed from {} to {} while paging", offset, *total_,
                                         total));
  total_ = total;
  for (const auto& record : page.records) {
    if (record.id.empty()) continue;   // a defect record, reported by the mapper
    if (!last_id_.empty() && !id_less(last_id_, record.id))
      return verdict(K::moved, fmt::format("offset {}: id {} follows id {} (ids must ascend)", offset, record.id,
                                           last_id_));
    last_id_ = record.id;
  }
  const long expected = std::clamp(total - offset, 0L, page.limit);
  if (received != expected)
    return verdict(K::moved, fmt::format("offset {}: {} items, {} expected of totalResults {} with limit {}", offset,
                                         received, expected, total, page.limit));
  if (page.has_more != (offset + received < total))
    return verdict(K::moved, fmt::format("offset {}: hasMore={} contradicts totalResults {}", offset, page.has_more,
                                         total));
  if (!first.empty()) seen_.push_back({offset, first, last});
  return {};
}

}  // namespace o2c::oracle
