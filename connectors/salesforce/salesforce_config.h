// connectors/salesforce/salesforce_config.h — settings checked once, every
// default filled in (internal to the salesforce module).
#pragma once

#include "connectors/salesforce/salesforce.h"

namespace o2c::salesforce {

// Returns the settings with defaults derived (login_url, token_url,
// client.source). Throws one Error(config) listing every problem,
// each naming the setting and the source.
SalesforceSettings check_settings(SalesforceSettings settings);

}  // namespace o2c::salesforce
