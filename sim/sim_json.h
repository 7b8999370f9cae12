// sim/sim_json.h — writing JSON text directly into a reply body (the
// simulators write pages of thousands of records; a DOM would cost more
// than the query). The escaper itself is core's, shared with the connectors.
#pragma once

#include <string>
#include <string_view>

#include "core/text.h"

namespace o2c::sim {

using o2c::append_json_string;

}  // namespace o2c::sim
