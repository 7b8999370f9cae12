// daemon/mapped_pages.h — the read and map stages of a sync run, each on its
// own thread, a few pages ahead of the thread that commits them.
// Why: waiting on the remote system, cutting a page into records, mapping
// them and committing the previous page to the store then overlap and use
// both cores; the commit order, and so the page + cursor transaction, does
// not change.
#pragma once

#include <optional>
#include <string>
#include <thread>

#include "connectors/source.h"
#include "daemon/page_queue.h"
#include "mapping/mapper.h"

namespace o2c::daemon {

struct MappedPage {
  connectors::Page page;
  mapping::MapResult mapped;
};

class MappedPages {
 public:
  // Starts reading at once. `pages` and `mapper` must outlive this object.
  MappedPages(connectors::PageStream& pages, const mapping::Mapper& mapper, std::string source_name,
              std::size_t depth = 2);
  ~MappedPages();   // stops after the page in progress and waits for both stages
  MappedPages(const MappedPages&) = delete;
  MappedPages& operator=(const MappedPages&) = delete;

  // The next page with its mapping, in source order; nullopt after the last
  // one. Rethrows, in order, what reading a page threw.
  std::optional<MappedPage> next() { return mapped_.pop(); }

 private:
  void read_all(connectors::PageStream& pages);
  void map_all(const mapping::Mapper& mapper, const std::string& source_name);

  PageQueue<connectors::Page> read_;
  PageQueue<MappedPage> mapped_;
  std::thread reader_, mapper_;
};

}  // namespace o2c::daemon
