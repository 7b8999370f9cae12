// connectors/oracle/oracle_config.h — settings checked once, every default
// filled in (internal to the oracle module).
#pragma once

#include "connectors/oracle/oracle.h"

namespace o2c::oracle {

// Returns the settings with name, url and client.source settled. Throws one
// Error(config) listing every problem, each naming the setting and the source.
OracleSettings check_settings(OracleSettings settings);

// "https://pod/fscmRestApi/resources/11.13.18.05/" → "https://pod": the pod,
// whatever part of the REST root an admin pasted.
std::string pod_url(std::string url);

}  // namespace o2c::oracle
