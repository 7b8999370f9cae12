// daemon/sync_all.h — one sync pass over every configured stream. The
// sources run side by side, one thread each with its own store connection
// (a source's streams run in config order: customers before the documents
// that reference them), so one system's latency and the store's commits
// overlap with the other system's; a source's requests still share its one
// HTTP client and so its concurrency and rate limits.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "daemon/app.h"
#include "daemon/sync_run.h"

namespace o2c::daemon {

struct StreamResult {
  store::StreamKey key;
  SyncOutcome outcome;
  double seconds = 0;
};

struct SyncSummary {
  std::vector<StreamResult> streams;     // in the order of `streams`
  long records = 0, invalid = 0, api_calls = 0, pages = 0;
  int failed = 0;
  double seconds = 0;
};

// Opens a store connection for one source's thread.
using StoreFactory = std::function<std::unique_ptr<store::Store>()>;

// Throws the first store error any source met (after every source stopped).
SyncSummary sync_all(std::vector<Stream>& streams, const StoreFactory& open_store, connectors::SyncMode mode,
                     const Clock& clock);
void print_sync_summary(const SyncSummary& summary);

}  // namespace o2c::daemon
