// connectors/netsuite/netsuite_config.h — settings checked once, every
// default filled in (internal to the netsuite module).
#pragma once

#include "connectors/netsuite/netsuite.h"

namespace o2c::netsuite {

// Returns the settings with url and client.source derived. Throws one
// Error(config) listing every problem, each naming the setting and the source.
NetSuiteSettings check_settings(NetSuiteSettings settings);

}  // namespace o2c::netsuite
