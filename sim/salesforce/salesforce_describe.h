// sim/salesforce/salesforce_describe.h
// Bodies of `sobjects/<Object>/describe` (the field list from the table's
// columns) and `limits` (DailyApiRequests).
#pragma once

#include <string>

#include "sim/sim_table.h"

namespace o2c::sim::salesforce {

std::string describe_json(const SimTable& table);
std::string limits_json(long max_requests, long remaining_requests);

}  // namespace o2c::sim::salesforce
