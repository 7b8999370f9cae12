#include "daemon/sync_run.h"

#include <chrono>

#include <fmt/format.h>

#include "core/error.h"
#include "core/log.h"
#include "daemon/mapped_pages.h"

namespace o2c::daemon {

namespace {

connectors::Cursor starting_cursor(const store::StreamKey& key, store::Store& store, connectors::SyncMode mode) {
  if (mode == connectors::SyncMode::full) return {};
  const auto text = store.cursor(key);
  return text ? connectors::Cursor::parse(*text) : connectors::Cursor{};
}

}  // namespace

SyncOutcome sync_stream(const store::StreamKey& key, connectors::Source& source, const mapping::Mapper& mapper,
                        store::Store& store, connectors::SyncMode mode, const Clock& clock) {
  auto log = logger("sync");
  SyncOutcome out;
  const long run_id = store.begin_run(key, clock.now());
  const auto t0 = std::chrono::steady_clock::now();
  std::unique_ptr<connectors::PageStream> pages;
  try {
    const connectors::Cursor from = starting_cursor(key, store, mode);
    log->info("sync start run={} stream={} mode={} cursor={}", run_id, key.to_text(),
              mode == connectors::SyncMode::full ? "full" : "incremental", from.to_text());
    pages = source.open(mapper.info().query, from, mode);
    MappedPages mapped_pages(*pages, mapper, key.source);
    while (auto item = mapped_pages.next()) {
      const connectors::Page& page = item->page;
      const mapping::MapResult& mapped = item->mapped;
      store.commit_page(key, mapped.records, mapped.invalid, page.next.to_text());
      ++out.stats.pages;
      out.stats.records += static_cast<long>(mapped.records.size());
      out.stats.invalid += static_cast<long>(mapped.invalid.size());
      for (const auto& bad : mapped.invalid)
        log->warn("record invalid run={} stream={} ext_id={} field={} reason={}", run_id, key.to_text(),
                  bad.external_id, bad.field, bad.reason);
      log->debug("page committed run={} stream={} page={} records={} invalid={} cursor={}", run_id, key.to_text(),
                 out.stats.pages, mapped.records.size(), mapped.invalid.size(), page.next.to_text());
      if (page.last) break;
    }
  } catch (const Error& e) {
    if (e.kind() == Error::Kind::store) throw;
    out.ok = false;
    out.stats.error = e.what();
    log->error("sync failed run={} stream={} kind={} error={}", run_id, key.to_text(), to_string(e.kind()), e.what());
  } catch (const std::exception& e) {  // a bug, not bad data: record it on the run and go on with the next stream
    out.ok = false;
    out.stats.error = fmt::format("internal error: {}", e.what());
    log->error("sync failed run={} stream={} kind=internal error={}", run_id, key.to_text(), e.what());
  }
  out.stats.api_calls = pages ? pages->api_calls() : 0;
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  store.finish_run(run_id, out.stats, clock.now());
  log->info("sync done run={} stream={} status={} pages={} records={} invalid={} api_calls={} ms={}", run_id,
            key.to_text(), out.ok ? "ok" : "failed", out.stats.pages, out.stats.records, out.stats.invalid,
            out.stats.api_calls, ms);
  return out;
}

}  // namespace o2c::daemon
