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
  // The vendor portals and the seller they know (absent from an older simulator's ready file).
  std::string coupa_url, coupa_token_url, coupa_client_id, coupa_client_secret, coupa_scope;
  std::string ariba_url, ariba_network_id, ariba_shared_secret;
  std::string chorus_url, chorus_token_url, chorus_client_id, chorus_client_secret, chorus_login, chorus_password,
      chorus_siret;
  std::string peppol_url, peppol_api_key, peppol_scheme, peppol_id;
  std::string seller_name, seller_siren, seller_vat_id, seller_street, seller_city, seller_postal_code,
      seller_country, seller_email, seller_iban, seller_bic;
  bool has_portals() const { return !coupa_url.empty() && !seller_name.empty(); }
};

// The ERPs `o2csync demo --erp` can run against, and the name of the demo
// config's source for each (the answer key names DATA_INVALID records so).
inline constexpr const char* kDemoErps[] = {"netsuite", "sap", "oracle", "ebs"};
// "NetSuite", "SAP S/4HANA", ... for the demo's screen.
std::string erp_display_name(const std::string& erp);
// The ERPs whose example mappings read invoice lines: their demo pushes
// every invoice of a routed customer to its portal.
bool demo_pushes(const std::string& erp);

SimEndpoints parse_ready_file(const std::string& json);
void write_demo_mappings(const std::filesystem::path& dir);
// Writes DIR/config.yaml and sets the O2C_DEMO_* environment variables it references.
// `erp` is one of kDemoErps: the config's ERP source (named after it) and its mappings.
// When the ERP pushes, also the seller, the portals (a file drop into DIR/drop
// among them) and push: with DIR/routing.csv (the simulator writes it).
std::filesystem::path write_demo_config(const std::filesystem::path& dir, const SimEndpoints& sim,
                                        const std::string& store_url, const std::string& erp = "netsuite");

}  // namespace o2c::daemon
