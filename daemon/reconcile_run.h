// daemon/reconcile_run.h — one reconciliation pass: read the stored records,
// apply the rules (reconcile/), make the stored exceptions match the result.
#pragma once

#include "config/config.h"
#include "core/time.h"
#include "store/store.h"

namespace o2c::daemon {

struct ReconcileOutcome {
  std::size_t exceptions = 0;          // current (open or acknowledged) after the pass
  store::ExceptionSyncResult changes;
  double seconds = 0;
};

ReconcileOutcome run_reconcile(const config::Config& cfg, store::Store& store, const Clock& clock);

}  // namespace o2c::daemon
