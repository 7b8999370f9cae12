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
};

SimEndpoints parse_ready_file(const std::string& json);
void write_demo_mappings(const std::filesystem::path& dir);
// Writes DIR/config.yaml and sets the O2C_DEMO_* environment variables it references.
std::filesystem::path write_demo_config(const std::filesystem::path& dir, const SimEndpoints& sim,
                                        const std::string& store_url);

}  // namespace o2c::daemon
