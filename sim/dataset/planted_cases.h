// sim/dataset/planted_cases.h — the planting step's own list of what it put
// into the data, derived from the plan (not from the served records), so a
// test can hold it against the independently computed answer key.
#pragma once

#include <vector>

#include "sim/dataset/business.h"
#include "sim/dataset/dataset.h"

namespace o2c::sim::dataset {

// With `portals`, also what pushing every routed invoice to its portal is
// meant to raise (DATA.md "What a correct push reports").
std::vector<PlantedCase> planted_cases(const Business& business, const PortalDirectory* portals = nullptr);

}  // namespace o2c::sim::dataset
