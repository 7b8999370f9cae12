// daemon/config/config.h
// config — reads and checks /etc/o2csync/config.yaml: the store URL, the
// sources (Salesforce, NetSuite) with their auth, limits and synced objects
// (each with a mapping file), reconciliation settings, the weekly report and
// logging. Every setting is declared once in a table (config_tables.cpp)
// that drives parsing, validation and the README's configuration reference.
// Every problem is collected ("file:line:col: message", unknown keys with a
// did-you-mean) and thrown as one Error(config); invalid values never fall
// back to defaults; secrets are references and are never echoed.
// Never resolves secrets, opens connections or starts anything. Called by
// daemon/ (startup, SIGHUP reload, `mapping check`).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/log.h"
#include "core/secret.h"
#include "mapping/mapper.h"

namespace o2c::config {

// Where a section or setting was written (1-based; 0 = not in the file).
struct Position {
  int line = 0;
  int column = 0;
};
// Section position under "", each key written in the file under its name.
using Positions = std::map<std::string, Position>;

struct AuthConfig {
  // OAuth 2.0 (Salesforce; SAP and Oracle too) or HTTP Basic (SAP, Oracle)
  std::string grant;                     // client_credentials | jwt_bearer | basic
  SecretRef client_id, client_secret, private_key;
  std::string user;                      // jwt_bearer: the integration user; basic: the communication/integration user
  SecretRef password;                    // basic
  std::string token_url;                 // SAP/Oracle client_credentials: the OAuth 2.0 token endpoint
  // NetSuite (OAuth 1.0a TBA)
  SecretRef consumer_key, consumer_secret, token_id, token_secret;
  Positions where;
};

struct ObjectConfig {
  std::string name;                      // key under objects:, e.g. "orders"
  std::filesystem::path mapping;         // absolute (resolved against the config file's folder)
  std::chrono::seconds every{};          // sync interval
  std::shared_ptr<const mapping::Mapper> mapper;  // loaded by validate()
  Positions where;
};

struct SourceConfig {
  std::string name;                      // key under sources:, e.g. "crm", "erp"
  std::string kind;                      // salesforce | netsuite | sap | oracle | sql
  std::string url;                       // instance / My Domain / host URL ("" = NetSuite default from account)
  std::string api_version;
  std::string login_url;                 // Salesforce token endpoint host
  std::string audience;                  // Salesforce JWT aud
  std::string account;                   // NetSuite account id, e.g. 1234567_SB1
  std::string timezone;                  // NetSuite / SQL: IANA zone of the source's local dates, e.g. America/Los_Angeles
  std::string sap_client;                // SAP: the client (sap-client=NNN), "" = the system's default
  SecretRef connection;                  // SQL: the ODBC connection string (it holds the password)
  int page_size = 0;                     // records per request / fetch (0 = the connector's default)
  AuthConfig auth;
  int max_concurrency = 0;
  double rate_per_second = 0;
  std::chrono::seconds timeout{};
  int max_attempts = 0;
  std::chrono::seconds lookback{};
  std::vector<ObjectConfig> objects;
  Positions where;
};

struct ReconcileConfig {
  std::string amount_tolerance;          // decimal text, e.g. "0.01", applied in each currency
  std::chrono::seconds renewal_po_horizon{};
  std::vector<std::string> require_po;   // customer ids or names (in addition to the account flag)
  Positions where;
};

struct ReportConfig {
  std::string weekday;                   // monday .. sunday
  std::string time;                      // "07:00"
  std::string timezone;                  // IANA name, e.g. Europe/Paris
  std::vector<std::string> mail_to;
  std::filesystem::path out_dir;
  Positions where;
};

// The company that issues the invoices, as its e-invoices name it (seller.*).
struct SellerConfig {
  std::string name;                      // registered name (BT-27)
  std::string vat_id;                    // BT-31, with its country prefix
  std::string legal_id;                  // BT-30, e.g. the SIREN
  std::string legal_id_scheme;           // ISO 6523 ICD of legal_id, e.g. 0002 (SIREN)
  std::string endpoint;                  // Peppol electronic address "scheme:value", e.g. 0009:55210055400013
  std::string street, city, postal_code, country;
  std::string email, phone;
  std::string iban, bic;                 // BG-16 payment instructions
  std::string payment_terms;             // BT-20 text, e.g. "Net 30 days"
  Positions where;
};

// One customer portal (portals.<name>); secrets are references.
struct PortalConfig {
  std::string name;
  std::string kind;                      // coupa | ariba | chorus | peppol | file
  std::string url;
  std::string token_url, grant, scope, user;
  SecretRef client_id, client_secret, api_key, shared_secret, password, private_key;
  std::string supplier_id, supplier_scheme;
  std::string format;                    // file, chorus: ubl | cii | cxml
  bool with_pdf = false;
  bool test_mode = false;
  int max_concurrency = 0;
  double rate_per_second = 0;
  std::chrono::seconds timeout{};
  int max_attempts = 0;
  Positions where;
};

// One line of the routing table: a customer's invoices go to a portal.
struct RouteConfig {
  std::string customer_id;               // ERP customer external id
  std::string customer;                  // name, for messages only
  std::string portal;                    // a name under portals:
  std::string buyer_id, buyer_scheme, service_code, supplier_ref;
  bool po_required = false;
  bool attachment_required = false;
  int line = 0;                          // in the routing file
};

struct PushConfig {
  std::filesystem::path routing;         // CSV routing table (absolute)
  std::string since;                     // "YYYY-MM-DD": invoices issued before are never pushed ("" = none pushed)
  std::chrono::seconds accept_within{};  // PORTAL_NOT_SUBMITTED after this long without acceptance
  std::filesystem::path copy_dir;        // a copy of every payload sent ("" = none)
  std::vector<RouteConfig> routes;       // read from `routing` by validate()
  Positions where;
};

struct LogConfig {
  std::string level;                     // trace | debug | info | warn | error
  std::string format;                    // text | json
  LogFormat log_format() const { return format == "json" ? LogFormat::json : LogFormat::text; }
  Positions where;
};

struct Config {
  std::filesystem::path file;            // the config file as given
  std::string store;                     // sqlite:///path or postgresql://...
  std::vector<SourceConfig> sources;
  ReconcileConfig reconcile;
  ReportConfig report;
  SellerConfig seller;
  std::vector<PortalConfig> portals;
  PushConfig push;
  LogConfig log;
  Positions where;
  const SourceConfig* find_source(std::string_view name) const;
  const PortalConfig* find_portal(std::string_view name) const;
};

struct ConfigIssue {
  std::string file;
  Position pos;
  std::string message;
  bool warning = false;
  std::string text() const;              // "file:line:col: message"
};

// Reads, parses and validates. Throws Error(config) with one line per problem.
Config load_config(const std::filesystem::path& file);
// Parsing only (no cross-field checks); problems are appended to `issues`.
Config parse_config(const std::filesystem::path& file, std::vector<ConfigIssue>& issues);
// Cross-field rules: auth per kind/grant, mapping files exist, load and match
// the source kind (fills ObjectConfig::mapper). Returns every problem found.
std::vector<ConfigIssue> validate(Config& config);

// The README's "Configuration reference" section, rendered from the tables.
std::string config_reference_markdown();

}  // namespace o2c::config
