// connectors/sap/sap_config.h — settings checked once, every default filled
// in (internal to the sap module).
#pragma once

#include "connectors/sap/sap.h"

namespace o2c::sap {

// Returns the settings with url normalised, the token URL and client.source
// derived. Throws one Error(config) listing every problem, each naming the
// setting and the source.
SapSettings check_settings(SapSettings settings);

}  // namespace o2c::sap
