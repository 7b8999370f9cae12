// daemon/sync_all.h — runs one sync pass over a list of streams (in order:
// customers before the documents that reference them) and summarises it.
#pragma once

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
  std::vector<StreamResult> streams;
  long records = 0, invalid = 0, api_calls = 0, pages = 0;
  int failed = 0;
  double seconds = 0;
};

SyncSummary sync_all(std::vector<Stream>& streams, store::Store& store, connectors::SyncMode mode, const Clock& clock);
void print_sync_summary(const SyncSummary& summary);

}  // namespace o2c::daemon
