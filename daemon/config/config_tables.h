// daemon/config/config_tables.h — the declared settings of every section of
// config.yaml (one table per struct of config.h). Parsing (config_load.cpp)
// and the configuration reference (config_reference.cpp) both read these.
#pragma once

#include "daemon/config/config.h"
#include "daemon/config/settings.h"

namespace o2c::config {

const SettingsTable<Config>& top_level_settings();        // store
const SettingsTable<SourceConfig>& source_settings();     // sources.<name>.*
const SettingsTable<AuthConfig>& auth_settings();         // sources.<name>.auth.*
const SettingsTable<ObjectConfig>& object_settings();     // sources.<name>.objects.<name>.*
const SettingsTable<ReconcileConfig>& reconcile_settings();
const SettingsTable<ReportConfig>& report_settings();
const SettingsTable<LogConfig>& log_settings();

// Settings that only one source kind understands (checked by validate()).
inline const std::vector<std::string> kSalesforceOnly{"api_version", "login_url", "audience"};
inline const std::vector<std::string> kNetSuiteOnly{"account", "timezone"};
inline const std::vector<std::string> kSalesforceAuth{"grant", "client_id", "client_secret", "user", "private_key"};
inline const std::vector<std::string> kNetSuiteAuth{"consumer_key", "consumer_secret", "token_id", "token_secret"};

}  // namespace o2c::config
