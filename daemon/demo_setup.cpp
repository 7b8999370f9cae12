#include "daemon/demo_setup.h"

#include <cstdlib>
#include <fstream>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/error.h"

namespace o2c::daemon {

std::vector<std::pair<std::string_view, std::string_view>> embedded_mappings();

namespace {
std::string field(const boost::json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  if (!v || !v->is_string()) throw Error(Error::Kind::internal, fmt::format("simulator ready file lacks '{}'", key));
  return std::string(v->as_string());
}

const boost::json::object* section(const boost::json::object& root, std::string_view key) {
  const auto* v = root.if_contains(key);
  return v && v->is_object() ? &v->get_object() : nullptr;
}

// The ERP source of the demo config, named after its kind.
std::string erp_source_yaml(const std::string& erp, const SimEndpoints& sim) {
  const std::string common = R"(    rate_per_second: 1000                # the simulator has no other integration to share with
    timeout: 60s
    max_attempts: 8
    lookback: 5m
)";
  if (erp == "sap")
    return fmt::format(R"(  sap:
    kind: sap
    url: {url}
    sap_client: "{client}"
    auth:
      grant: basic                       # a communication user
      user: {user}
      password: env:O2C_DEMO_SAP_PASSWORD
    max_concurrency: 2
{common}    objects:
      customers: {{ mapping: mappings/sap-customer.yaml, every: 1h }}
      invoices:  {{ mapping: mappings/sap-invoice.yaml,  every: 15m }}
      payments:  {{ mapping: mappings/sap-payment.yaml,  every: 15m }}
)",
                       fmt::arg("url", sim.sap_url), fmt::arg("client", sim.sap_client), fmt::arg("user", sim.sap_user),
                       fmt::arg("common", common));
  if (erp == "oracle")
    return fmt::format(R"(  oracle:
    kind: oracle
    url: {url}
    auth:
      grant: basic                       # an integration user
      user: {user}
      password: env:O2C_DEMO_ORACLE_PASSWORD
    max_concurrency: 2
{common}    objects:
      customers: {{ mapping: mappings/oracle-customer.yaml, every: 1h }}
      invoices:  {{ mapping: mappings/oracle-invoice.yaml,  every: 15m }}
      payments:  {{ mapping: mappings/oracle-payment.yaml,  every: 15m }}
)",
                       fmt::arg("url", sim.oracle_url), fmt::arg("user", sim.oracle_user), fmt::arg("common", common));
  if (erp == "ebs")
    return R"(  ebs:
    kind: sql
    connection: env:O2C_DEMO_EBS_ODBC        # "Driver={PostgreSQL Unicode};Server=...;Port=...;Database=ebs;Uid=...;Pwd=..."
    timezone: UTC                        # the database server's zone (EBS dates carry none)
    lookback: 5m
    objects:
      customers: { mapping: mappings/ebs-customer.yaml, every: 1h }
      invoices:  { mapping: mappings/ebs-invoice.yaml,  every: 15m }
      invoice_lines: { mapping: mappings/ebs-invoice-line.yaml, every: 15m }
      payments:  { mapping: mappings/ebs-payment.yaml,  every: 15m }
)";
  return fmt::format(R"(  netsuite:
    kind: netsuite
    account: "{account}"
    url: {url}
    timezone: {timezone}
    auth:
      consumer_key: env:O2C_DEMO_NS_CONSUMER_KEY
      consumer_secret: env:O2C_DEMO_NS_CONSUMER_SECRET
      token_id: env:O2C_DEMO_NS_TOKEN_ID
      token_secret: env:O2C_DEMO_NS_TOKEN_SECRET
    max_concurrency: 4                   # o2csync-sim's default --ns-concurrency
{common}    objects:
      customers: {{ mapping: mappings/netsuite-customer.yaml, every: 1h }}
      invoices:  {{ mapping: mappings/netsuite-invoice.yaml,  every: 15m }}
      invoice_lines: {{ mapping: mappings/netsuite-invoice-line.yaml, every: 15m }}
      payments:  {{ mapping: mappings/netsuite-payment.yaml,  every: 15m }}
)",
                     fmt::arg("account", sim.ns_account), fmt::arg("url", sim.netsuite_url),
                     fmt::arg("timezone", sim.ns_timezone), fmt::arg("common", common));
}

void read_portals(const boost::json::object& root, SimEndpoints& e) {
  const auto *coupa = section(root, "coupa"), *ariba = section(root, "ariba"), *chorus = section(root, "chorus"),
             *peppol = section(root, "peppol"), *seller = section(root, "seller");
  if (!coupa || !ariba || !chorus || !peppol || !seller) return;
  e.coupa_url = field(*coupa, "url_template"), e.coupa_token_url = field(*coupa, "token_url_template");
  e.coupa_client_id = field(*coupa, "client_id"), e.coupa_client_secret = field(*coupa, "client_secret");
  e.coupa_scope = field(*coupa, "scope");
  e.ariba_url = field(*ariba, "url"), e.ariba_network_id = field(*ariba, "network_id");
  e.ariba_shared_secret = field(*ariba, "shared_secret");
  e.chorus_url = field(*chorus, "base_url"), e.chorus_token_url = field(*chorus, "token_url");
  e.chorus_client_id = field(*chorus, "client_id"), e.chorus_client_secret = field(*chorus, "client_secret");
  e.chorus_login = field(*chorus, "login"), e.chorus_password = field(*chorus, "password");
  e.chorus_siret = field(*chorus, "siret");
  e.peppol_url = field(*peppol, "base_url"), e.peppol_api_key = field(*peppol, "api_key");
  e.peppol_scheme = field(*peppol, "participant_scheme"), e.peppol_id = field(*peppol, "participant_id");
  e.seller_name = field(*seller, "name"), e.seller_siren = field(*seller, "siren");
  e.seller_vat_id = field(*seller, "vat_id"), e.seller_street = field(*seller, "street");
  e.seller_city = field(*seller, "city"), e.seller_postal_code = field(*seller, "postal_code");
  e.seller_country = field(*seller, "country"), e.seller_email = field(*seller, "email");
  e.seller_iban = field(*seller, "iban"), e.seller_bic = field(*seller, "bic");
}

// seller:, portals: and push: of the demo config.
std::string push_yaml(const std::filesystem::path& dir, const SimEndpoints& s) {
  return fmt::format(R"(
seller:                                  # the company that issues the invoices (the simulator's supplier)
  name: "{name}"
  vat_id: {vat}
  legal_id: "{siren}"
  legal_id_scheme: "0002"                # SIREN
  endpoint: "{peppol_scheme}:{peppol_id}"
  street: "{street}"
  city: {city}
  postal_code: "{postal}"
  country: {country}
  email: {email}
  iban: {iban}
  bic: {bic}
  payment_terms: Payment within 30 days by SEPA credit transfer

portals:                                 # the names the routing table's `portal` column uses
  coupa:
    kind: coupa
    url: {coupa_url}
    token_url: {coupa_token}
    grant: client_credentials
    client_id: env:O2C_DEMO_COUPA_CLIENT_ID
    client_secret: env:O2C_DEMO_COUPA_CLIENT_SECRET
    scope: {coupa_scope}
    max_concurrency: 4
    rate_per_second: 25                  # Coupa's own limit
  ariba:
    kind: ariba
    url: {ariba_url}
    supplier_id: {ariba_id}
    shared_secret: env:O2C_DEMO_ARIBA_SHARED_SECRET
    max_concurrency: 4
    rate_per_second: 100
  chorus:
    kind: chorus
    url: {chorus_url}
    token_url: {chorus_token}
    client_id: env:O2C_DEMO_CHORUS_CLIENT_ID
    client_secret: env:O2C_DEMO_CHORUS_CLIENT_SECRET
    scope: openid
    user: {chorus_login}
    password: env:O2C_DEMO_CHORUS_PASSWORD
    supplier_id: "{chorus_siret}"
    format: ubl
    max_concurrency: 4
    rate_per_second: 100
  peppol:
    kind: peppol
    url: {peppol_url}
    grant: api_key
    api_key: env:O2C_DEMO_PEPPOL_API_KEY
    supplier_id: "{peppol_id}"
    supplier_scheme: "{peppol_scheme}"
    max_concurrency: 4
    rate_per_second: 100
  file:
    kind: file
    url: file://{drop}
    format: ubl
    with_pdf: true

push:
  routing: routing.csv                   # written by the simulator: which customer goes to which portal
  since: "2000-01-01"                    # the demo pushes the whole simulated history
  accept_within: 5d
  copy_dir: einvoices                    # a copy of every document sent, for inspection
)",
                     fmt::arg("name", s.seller_name), fmt::arg("vat", s.seller_vat_id), fmt::arg("siren", s.seller_siren),
                     fmt::arg("peppol_scheme", s.peppol_scheme), fmt::arg("peppol_id", s.peppol_id),
                     fmt::arg("street", s.seller_street), fmt::arg("city", s.seller_city),
                     fmt::arg("postal", s.seller_postal_code), fmt::arg("country", s.seller_country),
                     fmt::arg("email", s.seller_email), fmt::arg("iban", s.seller_iban), fmt::arg("bic", s.seller_bic),
                     fmt::arg("coupa_url", s.coupa_url), fmt::arg("coupa_token", s.coupa_token_url),
                     fmt::arg("coupa_scope", s.coupa_scope), fmt::arg("ariba_url", s.ariba_url),
                     fmt::arg("ariba_id", s.ariba_network_id), fmt::arg("chorus_url", s.chorus_url),
                     fmt::arg("chorus_token", s.chorus_token_url), fmt::arg("chorus_login", s.chorus_login),
                     fmt::arg("chorus_siret", s.chorus_siret), fmt::arg("peppol_url", s.peppol_url),
                     fmt::arg("drop", (dir / "drop").string()));
}

}  // namespace

bool demo_pushes(const std::string& erp) { return erp == "netsuite" || erp == "ebs"; }

std::string erp_display_name(const std::string& erp) {
  if (erp == "sap") return "SAP S/4HANA";
  if (erp == "oracle") return "Oracle Fusion";
  if (erp == "ebs") return "Oracle EBS";
  return "NetSuite";
}

SimEndpoints parse_ready_file(const std::string& json) {
  const auto root = boost::json::parse(json).as_object();
  const auto& sf = root.at("salesforce").as_object();
  const auto& ns = root.at("netsuite").as_object();
  SimEndpoints endpoints;
  endpoints.salesforce_url = field(sf, "instance_url");
  endpoints.sf_client_id = field(sf, "client_id");
  endpoints.sf_client_secret = field(sf, "client_secret");
  endpoints.netsuite_url = field(ns, "base_url");
  endpoints.ns_account = field(ns, "account");
  endpoints.ns_consumer_key = field(ns, "consumer_key");
  endpoints.ns_consumer_secret = field(ns, "consumer_secret");
  endpoints.ns_token_id = field(ns, "token_id");
  endpoints.ns_token_secret = field(ns, "token_secret");
  if (ns.contains("timezone")) endpoints.ns_timezone = field(ns, "timezone");  // absent before --ns-timezone
  if (const auto* sap = section(root, "sap")) {
    endpoints.sap_url = field(*sap, "base_url");
    endpoints.sap_client = field(*sap, "sap_client");
    endpoints.sap_user = field(*sap, "user");
    endpoints.sap_password = field(*sap, "password");
  }
  if (const auto* oracle = section(root, "oracle")) {
    endpoints.oracle_url = field(*oracle, "base_url");
    endpoints.oracle_user = field(*oracle, "user");
    endpoints.oracle_password = field(*oracle, "password");
  }
  if (const auto* ebs = section(root, "ebs")) endpoints.ebs_connection = field(*ebs, "connection");
  read_portals(root, endpoints);
  return endpoints;
}

void write_demo_mappings(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  for (const auto& [name, content] : embedded_mappings()) std::ofstream(dir / std::string(name)) << content;
}

std::filesystem::path write_demo_config(const std::filesystem::path& dir, const SimEndpoints& sim,
                                        const std::string& store_url, const std::string& erp) {
  if (erp == "ebs" && sim.ebs_connection.empty())
    throw Error(Error::Kind::internal, "the simulator's ready file has no EBS database (start it with --erp ebs)");
  // The demo credentials are the simulator's; they still travel as env:
  // references, as real ones must.
  ::setenv("O2C_DEMO_SF_CLIENT_ID", sim.sf_client_id.c_str(), 1);
  ::setenv("O2C_DEMO_SF_CLIENT_SECRET", sim.sf_client_secret.c_str(), 1);
  ::setenv("O2C_DEMO_NS_CONSUMER_KEY", sim.ns_consumer_key.c_str(), 1);
  ::setenv("O2C_DEMO_NS_CONSUMER_SECRET", sim.ns_consumer_secret.c_str(), 1);
  ::setenv("O2C_DEMO_NS_TOKEN_ID", sim.ns_token_id.c_str(), 1);
  ::setenv("O2C_DEMO_NS_TOKEN_SECRET", sim.ns_token_secret.c_str(), 1);
  ::setenv("O2C_DEMO_SAP_PASSWORD", sim.sap_password.c_str(), 1);
  ::setenv("O2C_DEMO_ORACLE_PASSWORD", sim.oracle_password.c_str(), 1);
  ::setenv("O2C_DEMO_EBS_ODBC", sim.ebs_connection.c_str(), 1);
  ::setenv("O2C_DEMO_COUPA_CLIENT_ID", sim.coupa_client_id.c_str(), 1);
  ::setenv("O2C_DEMO_COUPA_CLIENT_SECRET", sim.coupa_client_secret.c_str(), 1);
  ::setenv("O2C_DEMO_ARIBA_SHARED_SECRET", sim.ariba_shared_secret.c_str(), 1);
  ::setenv("O2C_DEMO_CHORUS_CLIENT_ID", sim.chorus_client_id.c_str(), 1);
  ::setenv("O2C_DEMO_CHORUS_CLIENT_SECRET", sim.chorus_client_secret.c_str(), 1);
  ::setenv("O2C_DEMO_CHORUS_PASSWORD", sim.chorus_password.c_str(), 1);
  ::setenv("O2C_DEMO_PEPPOL_API_KEY", sim.peppol_api_key.c_str(), 1);
  const bool pushes = demo_pushes(erp) && sim.has_portals();
  if (pushes) std::filesystem::create_directories(dir / "drop");  // the file-drop portal's folder
  const auto path = dir / "config.yaml";
  std::ofstream(path) << fmt::format(R"(# Written by `o2csync demo` for the local simulator (o2csync-sim).
# Secrets are env: references; the demo sets O2C_DEMO_* for its own run.
# To use this file again while the simulator runs, export those variables.
store: {store}

sources:
  salesforce:
    kind: salesforce
    url: {sf_url}
    login_url: {sf_url}
    api_version: "59.0"
    auth:
      grant: client_credentials
      client_id: env:O2C_DEMO_SF_CLIENT_ID
      client_secret: env:O2C_DEMO_SF_CLIENT_SECRET
    max_concurrency: 2
    rate_per_second: 1000                # the simulator has no other integration to share with
    timeout: 60s
    max_attempts: 8
    lookback: 5m
    objects:
      accounts: {{ mapping: mappings/salesforce-account.yaml, every: 1h }}
      orders:   {{ mapping: mappings/salesforce-order.yaml,   every: 15m }}
{erp_source}
reconcile:
  amount_tolerance: "0.01"
  renewal_po_horizon: 30d

report:
  weekday: monday
  time: "07:00"
  timezone: Europe/Paris
  out_dir: {out}
{push})",
                                     fmt::arg("store", store_url), fmt::arg("sf_url", sim.salesforce_url),
                                     fmt::arg("erp_source", erp_source_yaml(erp, sim)),
                                     fmt::arg("out", dir.string()), fmt::arg("push", pushes ? push_yaml(dir, sim) : ""));
  return path;
}

}  // namespace o2c::daemon
