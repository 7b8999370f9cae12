// daemon/config/config_tables.h — the declared settings of every section of
// config.yaml (one table per struct of config.h). Parsing (config_load.cpp)
// and the configuration reference (config_reference.cpp) both read these.
#pragma once

#include <map>
#include <string>
#include <vector>

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
const SettingsTable<SellerConfig>& seller_settings();      // seller.*
const SettingsTable<PortalConfig>& portal_settings();      // portals.<name>.*
const SettingsTable<PushConfig>& push_settings();          // push.*

// seller:, portals: and push: together with the routing table (config_validate_push.cpp).
void validate_push(Config& config, std::vector<ConfigIssue>& issues);

inline const std::vector<std::string> kPortalKinds{"coupa", "ariba", "chorus", "peppol", "file"};
// Portal settings only some kinds understand (a setting not listed here is for every kind).
inline const std::map<std::string, std::vector<std::string>> kPortalSettingKinds{
    {"token_url", {"coupa", "chorus", "peppol"}},
    {"grant", {"coupa", "chorus", "peppol"}},
    {"scope", {"coupa", "chorus", "peppol"}},
    {"client_id", {"coupa", "chorus", "peppol"}},
    {"client_secret", {"coupa", "chorus", "peppol"}},
    {"api_key", {"coupa", "peppol"}},
    {"shared_secret", {"ariba"}},
    {"user", {"chorus", "file"}},
    {"password", {"chorus", "file"}},
    {"private_key", {"file"}},
    {"supplier_id", {"ariba", "chorus", "peppol"}},
    {"supplier_scheme", {"peppol"}},
    {"format", {"chorus", "file"}},
    {"test_mode", {"ariba", "chorus"}},
};

// The source kinds, and the settings only some of them understand (checked by
// validate(); a setting not listed here is understood by every kind).
inline const std::vector<std::string> kSourceKinds{"salesforce", "netsuite", "sap", "oracle", "sql"};
inline const std::map<std::string, std::vector<std::string>> kSourceSettingKinds{
    {"url", {"salesforce", "netsuite", "sap", "oracle"}},
    {"api_version", {"salesforce"}},
    {"login_url", {"salesforce"}},
    {"audience", {"salesforce"}},
    {"account", {"netsuite"}},
    {"timezone", {"netsuite", "sql"}},
    {"sap_client", {"sap"}},
    {"connection", {"sql"}},
    {"auth", {"salesforce", "netsuite", "sap", "oracle"}},
    {"max_concurrency", {"salesforce", "netsuite", "sap", "oracle"}},
    {"rate_per_second", {"salesforce", "netsuite", "sap", "oracle"}},
    {"max_attempts", {"salesforce", "netsuite", "sap", "oracle"}},
};
inline const std::map<std::string, std::vector<std::string>> kAuthSettingKinds{
    {"grant", {"salesforce", "sap", "oracle"}},
    {"client_id", {"salesforce", "sap", "oracle"}},
    {"client_secret", {"salesforce", "sap", "oracle"}},
    {"user", {"salesforce", "sap", "oracle"}},
    {"private_key", {"salesforce"}},
    {"password", {"sap", "oracle"}},
    {"token_url", {"sap", "oracle"}},
    {"consumer_key", {"netsuite"}},
    {"consumer_secret", {"netsuite"}},
    {"token_id", {"netsuite"}},
    {"token_secret", {"netsuite"}},
};

}  // namespace o2c::config
