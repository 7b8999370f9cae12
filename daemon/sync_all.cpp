#include "daemon/sync_all.h"

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>

#include <fmt/format.h>

namespace o2c::daemon {

namespace {

// Indices into `streams`, one list per source, in the order sources first appear.
std::vector<std::vector<std::size_t>> group_by_source(const std::vector<Stream>& streams) {
  std::vector<std::vector<std::size_t>> groups;
  std::vector<std::string> names;
  for (std::size_t i = 0; i < streams.size(); ++i) {
    const auto it = std::find(names.begin(), names.end(), streams[i].key.source);
    if (it == names.end()) {
      names.push_back(streams[i].key.source);
      groups.push_back({i});
    } else {
      groups[static_cast<std::size_t>(it - names.begin())].push_back(i);
    }
  }
  return groups;
}

}  // namespace

SyncSummary sync_all(std::vector<Stream>& streams, const StoreFactory& open_store, connectors::SyncMode mode,
                     const Clock& clock) {
  SyncSummary summary;
  summary.streams.resize(streams.size());
  const auto t0 = std::chrono::steady_clock::now();
  const auto groups = group_by_source(streams);
  std::vector<std::exception_ptr> errors(groups.size());
  std::vector<std::thread> workers;
  for (std::size_t g = 0; g < groups.size(); ++g)
    workers.emplace_back([&, g] {
      try {
        const auto store = open_store();
        for (const std::size_t i : groups[g]) {
          Stream& stream = streams[i];
          const auto s0 = std::chrono::steady_clock::now();
          StreamResult& r = summary.streams[i];
          r.key = stream.key;
          r.outcome = sync_stream(stream.key, *stream.source, *stream.mapper, *store, mode, clock);
          r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - s0).count();
        }
      } catch (...) {
        errors[g] = std::current_exception();
      }
    });
  for (auto& w : workers) w.join();
  for (const auto& e : errors)
    if (e) std::rethrow_exception(e);
  for (const auto& r : summary.streams) {
    summary.records += r.outcome.stats.records;
    summary.invalid += r.outcome.stats.invalid;
    summary.api_calls += r.outcome.stats.api_calls;
    summary.pages += r.outcome.stats.pages;
    if (!r.outcome.ok) ++summary.failed;
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
