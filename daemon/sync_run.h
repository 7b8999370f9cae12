// daemon/sync_run.h — one sync pass of one stream: read pages from the source
// since the stored cursor, map them, commit records + cursor per page in one
// transaction. The only place the stages are tied together (STYLE.md 2.2).
#pragma once

#include <string>

#include "connectors/source.h"
#include "core/time.h"
#include "mapping/mapper.h"
#include "store/store.h"

namespace o2c::daemon {

struct SyncOutcome {
  store::SyncRunStats stats;
  bool ok = true;
};

// Never throws for a failing source: the error is recorded in the run row
// and in the outcome so the caller can go on with the next stream. Throws
// only for store failures (nothing else can be trusted then).
SyncOutcome sync_stream(const store::StreamKey& key, connectors::Source& source, const mapping::Mapper& mapper,
                        store::Store& store, connectors::SyncMode mode, const Clock& clock);

}  // namespace o2c::daemon
