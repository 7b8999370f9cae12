// sim/portals/portal_progress.h — how a buyer's decision becomes visible to
// a supplier that polls (DATA.md "Portals"): the submit answer never holds
// it; the decision shows once `polls` status requests for the document were
// answered before (0 = at the first), and `paid` one status request after that.
#pragma once

#include <optional>

#include "sim/dataset/portal_directory.h"

namespace o2c::sim::portals {

enum class Stage { pending, accepted, rejected, paid };

// `earlier_polls`: status requests for this document answered before this one.
// No decision (a number the business never issued): pending for ever.
Stage stage_at(const std::optional<BuyerDecision>& decision, long earlier_polls, int polls);

struct PortalOptions {
  int polls = 1;                          // --portal-polls
};

}  // namespace o2c::sim::portals
