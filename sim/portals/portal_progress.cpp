#include "sim/portals/portal_progress.h"

namespace o2c::sim::portals {

Stage stage_at(const std::optional<BuyerDecision>& decision, long earlier_polls, int polls) {
  if (!decision || earlier_polls < polls) return Stage::pending;
  if (decision->rejected) return Stage::rejected;
  return decision->paid && earlier_polls >= static_cast<long>(polls) + 1 ? Stage::paid : Stage::accepted;
}

}  // namespace o2c::sim::portals
