// connectors/netsuite/netsuite_window.cpp — window plan and page checks.
#include "connectors/netsuite/netsuite_window.h"

#include <algorithm>

#include <fmt/format.h>

#include "connectors/netsuite/netsuite_query.h"

namespace o2c::netsuite {

long WindowPlan::pages_for(long total_results) const {
  const long needed = (total_results + page_size - 1) / page_size;
  return std::clamp(needed, 1L, max_pages());
}

bool id_less(std::string_view a, std::string_view b) {
  const auto significant = [](std::string_view s) {
    while (s.size() > 1 && s.front() == '0') s.remove_prefix(1);
    return s;
  };
  a = significant(a);
  b = significant(b);
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}

WindowCheck::WindowCheck(WindowPlan plan, long total_results, long pages, std::string after_id)
    : plan_(plan), total_(total_results), pages_(pages), last_id_(std::move(after_id)) {}

std::string WindowCheck::accept(long index, const SuiteqlPage& page) {
  const long offset = plan_.offset_of(index);
  if (page.total_results != total_)
    return fmt::format("offset {}: totalResults changed from {} to {} while paging", offset, total_,
                       page.total_results);
  const long expected = std::clamp(total_ - offset, 0L, static_cast<long>(plan_.page_size));
  const long received = static_cast<long>(page.records.size());
  if (received != expected || page.count != received)
    return fmt::format("offset {}: {} items received (count {}), {} expected of totalResults {}", offset, received,
                       page.count, expected, total_);
  if (page.offset >= 0 && page.offset != offset)
    return fmt::format("offset {}: the answer is for offset {}", offset, page.offset);
  // On the last page below the ceiling NetSuite may say hasMore=false though
  // rows remain (no further page can be asked for); anywhere else it must agree.
  const bool more = offset + received < total_;
  const bool next_page_allowed = plan_.offset_of(index + 2) <= plan_.ceiling;
  if (page.has_more != more && (next_page_allowed || !more))
    return fmt::format("offset {}: hasMore={} contradicts totalResults {}", offset, page.has_more, total_);
  for (const auto& record : page.records) {
    if (!is_netsuite_id(record.id)) continue;  // a defect record, reported by the mapper
    if (!last_id_.empty() && !id_less(last_id_, record.id))
      return fmt::format("offset {}: id {} follows id {} (ids must ascend)", offset, record.id, last_id_);
    last_id_ = record.id;
  }
  if (index >= pages_) return fmt::format("page {} is beyond the {} pages of the window", index, pages_);
  return {};
}

}  // namespace o2c::netsuite
