// daemon/push_command.h — push runs as commands use them: one pass
// (`o2csync push`), passes until the outbox settles (the demo), and the
// outbox summary printed after them.
#pragma once

#include <string>

#include "daemon/config/config.h"
#include "daemon/push/push.h"
#include "store/store.h"

namespace o2c::daemon {

// One pass, or passes until nothing is pending, sending or submitted (or
// `max_passes`), waiting for a retry's time between passes (at most 5 s).
push::PushStats push_until_settled(const config::Config& cfg, store::Store& store, const Clock& clock,
                                   int max_passes);
// "portal  held pending sending submitted accepted rejected paid" per portal.
void print_outbox_summary(store::Store& store);

}  // namespace o2c::daemon
