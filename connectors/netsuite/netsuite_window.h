// connectors/netsuite/netsuite_window.h — how one SuiteQL query text (a
// *window*) is paged by offset, and the checks that prove its pages fit
// together (internal to the netsuite module).
//
// A window's first page says how many rows the query yields (totalResults).
// Its pages are offsets k × page_size while offset + page_size <= ceiling;
// when the rows do not fit, the next window starts after the last id read.
#pragma once

#include <string>
#include <string_view>

#include "connectors/netsuite/netsuite_records.h"

namespace o2c::netsuite {

struct WindowPlan {
  int page_size = 1000;
  long ceiling = 100'000;

  long max_pages() const { return ceiling / page_size; }
  long capacity() const { return max_pages() * page_size; }        // rows one window can page through
  long offset_of(long page) const { return page * page_size; }
  // Pages to request for a window whose first page announced `total_results` (>= 1).
  long pages_for(long total_results) const;
  // Whether rows remain after a window of `pages` pages (a new keyset window follows).
  bool more_after(long total_results, long pages) const { return total_results > pages * page_size; }
};

// Numeric order of two internal ids (digit strings).
bool id_less(std::string_view a, std::string_view b);

// Checks the pages of one window in order against what its first page
// announced: the same totalResults, the item count each offset must hold,
// hasMore, and ids strictly ascending from the window's keyset start.
class WindowCheck {
 public:
  WindowCheck(WindowPlan plan, long total_results, long pages, std::string after_id);
  // "" when page `index` fits; otherwise what does not (for a warning or an error).
  std::string accept(long index, const SuiteqlPage& page);

 private:
  WindowPlan plan_;
  long total_;
  long pages_;
  std::string last_id_;
};

}  // namespace o2c::netsuite
