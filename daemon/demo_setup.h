// daemon/demo_setup.h — what `o2csync demo` writes before it runs: the
// mapping files (embedded copies of examples/mappings/) and a config.yaml
// pointing at the simulator, with secrets passed as env: references.
#pragma once

#include <filesystem>
#include <string>

namespace o2c::daemon {

struct SimEndpoints {          // from o2csync-sim's ready file
  std::string salesforce_url, sf_client_id, sf_client_secret;
  std::string netsuite_url, ns_account, ns_consumer_key, ns_consumer_secret, ns_token_id, ns_token_secret;
  std::string ns_timezone = "UTC";   // the simulated account's time zone (--ns-timezone)
  std::string sap_url, sap_client, sap_user, sap_password;
  std::string oracle_url, oracle_user, oracle_password;
  std::string ebs_connection;        // ODBC connection string; only with o2csync-sim --erp ebs
};

// The ERPs `o2csync demo --erp` can run against, and the name of the demo
// config's source for each (the answer key names DATA_INVALID records so).
inline constexpr const char* kDemoErps[] = {"netsuite", "sap", "oracle", "ebs"};
// "NetSuite", "SAP S/4HANA", ... for the demo's screen.
std::string erp_display_name(const std::string& erp);

SimEndpoints parse_ready_file(const std::string& json);
void write_demo_mappings(const std::filesystem::path& dir);
// Writes DIR/config.yaml and sets the O2C_DEMO_* environment variables it references.
// `erp` is one of kDemoErps: the config's ERP source (named after it) and its mappings.
std::filesystem::path write_demo_config(const std::filesystem::path& dir, const SimEndpoints& sim,
                                        const std::string& store_url, const std::string& erp = "netsuite");

}  // namespace o2c::daemon
