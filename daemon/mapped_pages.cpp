#include "daemon/mapped_pages.h"

namespace o2c::daemon {

MappedPages::MappedPages(connectors::PageStream& pages, const mapping::Mapper& mapper, std::string source_name,
                         std::size_t depth)
    : read_(depth), mapped_(depth) {
  reader_ = std::thread([this, &pages] { read_all(pages); });
  mapper_ = std::thread([this, &mapper, name = std::move(source_name)] { map_all(mapper, name); });
}

MappedPages::~MappedPages() {
  mapped_.stop();
  read_.stop();
  mapper_.join();
  reader_.join();
}

void MappedPages::read_all(connectors::PageStream& pages) {
  try {
    while (std::optional<connectors::Page> page = pages.next()) {
      const bool last = page->last;
      if (!read_.push(std::move(*page)) || last) break;
    }
    read_.finish();
  } catch (...) {
    read_.finish(std::current_exception());
  }
}

void MappedPages::map_all(const mapping::Mapper& mapper, const std::string& source_name) {
  try {
    while (std::optional<connectors::Page> page = read_.pop()) {
      MappedPage item{std::move(*page), {}};
      item.mapped = mapper.map_all(item.page.records, source_name);
      if (!mapped_.push(std::move(item))) break;
    }
    mapped_.finish();
  } catch (...) {
    mapped_.finish(std::current_exception());
  }
}

}  // namespace o2c::daemon
