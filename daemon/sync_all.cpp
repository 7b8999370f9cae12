#include "daemon/sync_all.h"

#include <chrono>

#include <fmt/format.h>

namespace o2c::daemon {

SyncSummary sync_all(std::vector<Stream>& streams, store::Store& store, connectors::SyncMode mode, const Clock& clock) {
  SyncSummary summary;
  const auto t0 = std::chrono::steady_clock::now();
  for (auto& stream : streams) {
    const auto s0 = std::chrono::steady_clock::now();
    StreamResult r{stream.key, sync_stream(stream.key, *stream.source, *stream.mapper, store, mode, clock), 0};
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count();
    summary.records += r.outcome.stats.records;
    summary.invalid += r.outcome.stats.invalid;
    summary.api_calls += r.outcome.stats.api_calls;
    summary.pages += r.outcome.stats.pages;
    if (!r.outcome.ok) ++summary.failed;
    summary.streams.push_back(std::move(r));
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return summary;
}

void print_sync_summary(const SyncSummary& summary) {
  fmt::print("{:<24} {:>7} {:>9} {:>8} {:>9} {:>8}  {}\n", "stream", "pages", "records", "invalid", "api_calls",
             "seconds", "status");
  for (const auto& s : summary.streams)
    fmt::print("{:<24} {:>7} {:>9} {:>8} {:>9} {:>8.2f}  {}\n", s.key.to_text(), s.outcome.stats.pages,
               s.outcome.stats.records, s.outcome.stats.invalid, s.outcome.stats.api_calls, s.seconds,
               s.outcome.ok ? "ok" : "FAILED: " + s.outcome.stats.error);
  const double rate = summary.seconds > 0 ? static_cast<double>(summary.records + summary.invalid) / summary.seconds : 0;
  fmt::print("{:<24} {:>7} {:>9} {:>8} {:>9} {:>8.2f}  {:.0f} records/s\n", "total", summary.pages, summary.records,
             summary.invalid, summary.api_calls, summary.seconds, rate);
}

}  // namespace o2c::daemon
