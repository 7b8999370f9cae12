// sim/main.cpp — the o2csync-sim command line (sim/README.md): builds the
// seeded dataset, the simulated Salesforce, NetSuite, SAP and Oracle APIs and
// the vendor portals (Coupa, Ariba, Chorus Pro, a Peppol access point),
// serves them with sim/server on 127.0.0.1 (and, with --erp ebs, the EBS
// tables in a PostgreSQL cluster of its own), writes the answer key and the
// ready file, and stops cleanly on SIGTERM/SIGINT. Exit 0 after a signal, 1
// when it cannot start, 2 on bad flags.
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>

#include <pthread.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/error.h"
#include "core/log.h"
#include "core/time.h"
#include "sim/dataset/dataset.h"
#include "sim/ebs/ebs_loader.h"
#include "sim/netsuite/netsuite_api.h"
#include "sim/netsuite/suiteql_zone.h"
#include "sim/oracle/oracle_api.h"
#include "sim/pgcluster/postgres_cluster.h"
#include "sim/portals/portal_sims.h"
#include "sim/salesforce/salesforce_api.h"
#include "sim/sap/sap_api.h"
#include "sim/server/server.h"

namespace {

using namespace o2c;
using namespace o2c::sim;
namespace fs = std::filesystem;

constexpr int kExitStartFailed = 1;
constexpr int kExitBadFlags = 2;

struct Flags {
  std::uint64_t seed = 42;
  std::size_t orders = 2000;
  std::string now;                     // ISO 8601; empty = wall clock truncated to the minute
  std::string faults;
  int latency_ms = 0, slow_ms = 1500, threads = 4;
  unsigned short port_salesforce = 0, port_netsuite = 0, port_sap = 0, port_oracle = 0;
  portals::PortalPorts portal_ports;
  int portal_polls = 1;                // status requests before a buyer's decision shows
  std::string erp = "netsuite";        // names the answer key's ERP records; ebs also starts the EBS database
  std::string answer_key_file, ready_file, jwt_public_key_file, routing_file;
  bool quiet = false, verbose = false;
  salesforce::SalesforceOptions sf;
  netsuite::NetSuiteOptions ns;
  sap::SapOptions sap;
  oracle::OracleOptions oracle{.token_path = "/oauth2/v1/token"};
};

void add_flags(CLI::App& app, Flags& f) {
  app.add_option("--seed", f.seed, "Seed of the simulated business")->capture_default_str();
  app.add_option("--orders", f.orders, "Salesforce orders to generate")
      ->check(CLI::Range(std::size_t{1}, std::size_t{5'000'000}))->capture_default_str();
  app.add_option("--now", f.now, "Anchor of the data, ISO 8601 (default: now, truncated to the minute)");
  app.add_option("--faults", f.faults, "Fault injection, e.g. 429:0.02,5xx:0.01,slow:0.01,truncate:0.005,html:0.005,expire:0.01");
  app.add_option("--latency-ms", f.latency_ms, "Delay added to every Salesforce/NetSuite reply")
      ->check(CLI::Range(0, 600'000))->capture_default_str();
  app.add_option("--slow-ms", f.slow_ms, "Extra delay of the `slow` fault")->check(CLI::Range(0, 600'000))->capture_default_str();
  app.add_option("--port-salesforce", f.port_salesforce, "Salesforce port on 127.0.0.1 (0 = a free port)")->capture_default_str();
  app.add_option("--port-netsuite", f.port_netsuite, "NetSuite port on 127.0.0.1 (0 = a free port)")->capture_default_str();
  app.add_option("--port-sap", f.port_sap, "SAP S/4HANA port on 127.0.0.1 (0 = a free port)")->capture_default_str();
  app.add_option("--port-oracle", f.port_oracle, "Oracle Fusion port on 127.0.0.1 (0 = a free port)")->capture_default_str();
  app.add_option("--port-coupa", f.portal_ports.coupa, "Coupa port (0 = a free port)")->capture_default_str();
  app.add_option("--port-ariba", f.portal_ports.ariba, "SAP Ariba cXML port (0 = a free port)")->capture_default_str();
  app.add_option("--port-chorus", f.portal_ports.chorus, "Chorus Pro port (0 = a free port)")->capture_default_str();
  app.add_option("--port-peppol", f.portal_ports.peppol, "Peppol access point port (0 = a free port)")->capture_default_str();
  app.add_option("--portal-polls", f.portal_polls, "Portal status requests before a buyer's decision shows (0 = at once)")
      ->check(CLI::Range(0, 1000))->capture_default_str();
  app.add_option("--erp", f.erp,
                 "The ERP the answer key names (netsuite|sap|oracle|ebs); ebs also starts a PostgreSQL cluster "
                 "holding the EBS tables (its ODBC connection string is in the ready file)")
      ->check(CLI::IsMember({"netsuite", "sap", "oracle", "ebs"}))->capture_default_str();
  app.add_option("--sap-page-size", f.sap.page_size, "SAP entities per server-driven page")
      ->check(CLI::Range(1, 100000))->capture_default_str();
  app.add_option("--oracle-max-limit", f.oracle.max_page_size, "Oracle Fusion: a larger limit is cut to this")
      ->check(CLI::Range(std::size_t{1}, std::size_t{100000}))->capture_default_str();
  app.add_option("--ns-concurrency", f.ns.max_concurrency, "NetSuite concurrent requests; beyond: 429")
      ->check(CLI::Range(1, 1000))->capture_default_str();
  app.add_option("--sf-batch-size", f.sf.batch_size, "Salesforce records per query page")
      ->check(CLI::Range(1, 2000))->capture_default_str();
  app.add_option("--sf-daily-limit", f.sf.daily_api_limit, "Salesforce API requests before 403 REQUEST_LIMIT_EXCEEDED")
      ->check(CLI::Range(1L, 1'000'000'000L))->capture_default_str();
  app.add_option("--sf-session-seconds", f.sf.session_seconds, "Salesforce access token lifetime")
      ->check(CLI::Range(1, 30 * 86400))->capture_default_str();
  app.add_option("--answer-key", f.answer_key_file, "Write the answer key (JSON) to FILE at startup");
  app.add_option("--routing-file", f.routing_file,
                 "Write the portal routing table (CSV, the push.routing of o2csync) to FILE at startup");
  app.add_option("--ready-file", f.ready_file, "Write URLs and credentials (JSON) to FILE once listening");
  app.add_option("--jwt-public-key", f.jwt_public_key_file, "PEM public key or certificate: enables the JWT bearer grant")
      ->check(CLI::ExistingFile);
  app.add_option("--threads", f.threads, "Event-loop threads (and as many handler workers)")
      ->check(CLI::Range(1, 64))->capture_default_str();
  app.add_option("--sf-client-id", f.sf.client_id, "Salesforce connected-app client id")->capture_default_str();
  app.add_option("--sf-client-secret", f.sf.client_secret, "Salesforce client secret");
  app.add_option("--sf-username", f.sf.username, "Salesforce integration user (JWT `sub`)")->capture_default_str();
  app.add_option("--sf-jwt-audience", f.sf.jwt_audience, "A further accepted JWT `aud` (the login URL always is)");
  app.add_option("--sf-refresh-token", f.sf.refresh_token, "Accept grant_type=refresh_token with this token");
  app.add_option("--ns-account", f.ns.account, "NetSuite account id (OAuth realm)")->capture_default_str();
  app.add_option("--ns-consumer-key", f.ns.consumer_key, "NetSuite integration consumer key")->capture_default_str();
  app.add_option("--ns-consumer-secret", f.ns.consumer_secret, "NetSuite consumer secret");
  app.add_option("--ns-token-id", f.ns.token_id, "NetSuite access token id")->capture_default_str();
  app.add_option("--ns-token-secret", f.ns.token_secret, "NetSuite token secret");
  app.add_option("--ns-timezone", f.ns.timezone,
                 "NetSuite account time zone (IANA name): TO_DATE reads and TO_CHAR writes wall time there")
      ->capture_default_str();
  auto* quiet = app.add_flag("--quiet", f.quiet, "Only warnings and errors on stderr");
  app.add_flag("--verbose", f.verbose, "Log every request (path, status, bytes, faults, ms)")->excludes(quiet);
}

std::string read_text_file(const std::string& path, std::string_view flag) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) fail(Error::Kind::config, "{}: cannot read '{}'", flag, path);
  return text.str();
}

// The checks CLI11 cannot express; throws Error(config) naming the flag.
void check_flags(Flags& f, server::FaultSpec& faults, SimTime& now) {
  try {
    faults = server::parse_fault_spec(f.faults);
  } catch (const Error& e) {
    fail(Error::Kind::config, "--faults: {}", e.what());
  }
  if (f.now.empty()) {
    now = std::chrono::floor<std::chrono::minutes>(std::chrono::system_clock::now());
  } else if (const auto t = try_parse_timestamp(f.now)) {
    now = *t;
  } else {
    fail(Error::Kind::config, "--now: '{}' is not an ISO 8601 timestamp (e.g. 2026-11-24T12:00:00Z)", f.now);
  }
  if (!f.jwt_public_key_file.empty()) f.sf.jwt_public_key_pem = read_text_file(f.jwt_public_key_file, "--jwt-public-key");
  try {
    (void)netsuite::AccountZone(f.ns.timezone);
  } catch (const Error& e) {
    fail(Error::Kind::config, "--ns-timezone: {}", e.what());
  }
  const std::vector<std::pair<const char*, unsigned short>> ports{
      {"--port-salesforce", f.port_salesforce}, {"--port-netsuite", f.port_netsuite},
      {"--port-sap", f.port_sap}, {"--port-oracle", f.port_oracle}, {"--port-coupa", f.portal_ports.coupa},
      {"--port-ariba", f.portal_ports.ariba}, {"--port-chorus", f.portal_ports.chorus},
      {"--port-peppol", f.portal_ports.peppol}};
  for (std::size_t i = 0; i < ports.size(); ++i)
    for (std::size_t j = i + 1; j < ports.size(); ++j)
      if (ports[i].second != 0 && ports[i].second == ports[j].second)
        fail(Error::Kind::config, "{} and {} are both {}", ports[i].first, ports[j].first, ports[i].second);
}

// Temp file in the same directory + rename, so a reader never sees half of it.
void write_file_atomically(const std::string& path, const std::string& content) {
  const fs::path target = fs::absolute(path);
  const fs::path temp = target.parent_path() / fmt::format(".{}.{}.tmp", target.filename().string(), ::getpid());
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << content;
    out.flush();
    if (!out) fail(Error::Kind::internal, "cannot write '{}'", temp.string());
  }
  std::error_code ec;
  fs::rename(temp, target, ec);
  if (ec) {
    fs::remove(temp, ec);
    fail(Error::Kind::internal, "cannot write '{}': {}", target.string(), ec.message());
  }
}

// The EBS database o2csync-sim runs for --erp ebs: a PostgreSQL cluster of its
// own holding the EBS tables, read by o2csync through psqlODBC.
struct EbsDatabase {
  std::unique_ptr<pg::PostgresCluster> cluster;
  std::string url;  // libpq URL of the database (the loader and mutations)

  // DSN-less: the driver is the one odbc-postgresql registers in /etc/odbcinst.ini.
  std::string odbc_connection() const {
    return fmt::format("Driver={{PostgreSQL Unicode}};Server=127.0.0.1;Port={};Database=ebs;Uid=postgres;Pwd=;",
                       cluster->port());
  }
};

std::unique_ptr<EbsDatabase> start_ebs_database(const Dataset& dataset) {
  const auto log = logger("sim");
  auto db = std::make_unique<EbsDatabase>();
  db->cluster = pg::PostgresCluster::start();
  db->url = db->cluster->create_database("ebs");
  const ebs::LoadCounts counts = ebs::load_ebs(dataset, db->url);
  log->info("ebs database port={} {}", db->cluster->port(), counts.summary());
  return db;
}

struct Urls {
  std::string salesforce, netsuite, sap, oracle;
  std::vector<std::pair<std::string, std::string>> portals;   // name → base URL
};

boost::json::object seller_json(const SellerIdentity& s) {
  return {{"name", s.name},          {"siren", s.siren}, {"siret", s.siret},   {"vat_id", s.vat_id},
          {"street", s.street},      {"city", s.city},   {"postal_code", s.postal_code},
          {"country", s.country},    {"email", s.email}, {"iban", s.iban},     {"bic", s.bic},
          {"peppol_scheme", s.peppol_scheme}, {"peppol_id", s.peppol_id}};
}

std::string ready_json(const Flags& f, const Urls& urls, const EbsDatabase* ebs_db, const portals::PortalSims& sims,
                       const SellerIdentity& seller) {
  namespace json = boost::json;
  const std::string& sf_url = urls.salesforce;
  const std::string& ns_url = urls.netsuite;
  json::object ready{
      {"url", sf_url},
      {"salesforce", json::object{{"instance_url", sf_url},
                                  {"login_url", sf_url},
                                  {"client_id", f.sf.client_id},
                                  {"client_secret", f.sf.client_secret},
                                  {"username", f.sf.username}}},
      {"netsuite", json::object{{"base_url", ns_url},
                                {"account", f.ns.account},
                                {"timezone", f.ns.timezone},
                                {"consumer_key", f.ns.consumer_key},
                                {"consumer_secret", f.ns.consumer_secret},
                                {"token_id", f.ns.token_id},
                                {"token_secret", f.ns.token_secret}}},
      {"sap", json::object{{"base_url", urls.sap},
                           {"sap_client", f.sap.sap_client},
                           {"user", f.sap.user},
                           {"password", f.sap.password},
                           {"token_url", urls.sap + f.sap.token_path},
                           {"client_id", f.sap.client_id},
                           {"client_secret", f.sap.client_secret}}},
      {"oracle", json::object{{"base_url", urls.oracle},
                              {"user", f.oracle.user},
                              {"password", f.oracle.password},
                              {"token_url", urls.oracle + f.oracle.token_path},
                              {"client_id", f.oracle.client_id},
                              {"client_secret", f.oracle.client_secret}}},
      {"erp", f.erp}};
  if (ebs_db) ready["ebs"] = json::object{{"connection", ebs_db->odbc_connection()}, {"database_url", ebs_db->url}};
  for (const auto& [name, url] : urls.portals) ready[name] = sims.ready(name, url);
  ready["seller"] = seller_json(seller);  // the company the portals know as the supplier
  return json::serialize(ready) + "\n";
}

server::AdminHooks admin_hooks(Dataset& dataset, const std::string& erp, const EbsDatabase* ebs_db,
                               const portals::PortalSims& sims) {
  server::AdminHooks hooks;
  hooks.portals = [&sims] { return sims.admin_json(); };
  hooks.answer_key = [&dataset, erp](std::string_view asked) { return dataset.answer_key_json(asked.empty() ? erp : asked); };
  hooks.mutate = [&dataset, ebs_db](const server::MutationRequest& m, std::string& affected_id) {
    std::string created;
    const Mutation mutation{m.action, m.system, m.object, m.id};
    const std::string problem = dataset.mutate(mutation, &created);
    if (!created.empty()) affected_id = created;
    if (problem.empty() && ebs_db) {
      try {
        ebs::apply_ebs_mutation(dataset, ebs_db->url, mutation, affected_id);
      } catch (const Error& e) {
        return fmt::format("applied to the dataset, but not to the EBS database: {}", e.what());
      }
    }
    return problem;
  };
  return hooks;
}

// The simulated systems, created once their ports are known.
struct Systems {
  std::unique_ptr<salesforce::SalesforceApi> salesforce;
  std::unique_ptr<netsuite::NetSuiteApi> netsuite;
  std::unique_ptr<sap::SapApi> sap;
  std::unique_ptr<oracle::OracleApi> oracle;
  std::unique_ptr<portals::PortalSims> portals;   // made before the server: no port needed
};

std::vector<server::Endpoint> endpoints(const Flags& f, Systems& systems) {
  server::Endpoint sf{.name = "salesforce",
                      .port = f.port_salesforce,
                      .handler = [&systems](const SimRequest& r) { return systems.salesforce->handle(r); },
                      .fault_reply = [&systems](std::string_view kind) { return systems.salesforce->fault_reply(kind); },
                      .on_expire = [&systems] { systems.salesforce->expire_sessions(); },
                      .max_in_flight = 0};
  server::Endpoint ns{.name = "netsuite",
                      .port = f.port_netsuite,
                      .handler = [&systems](const SimRequest& r) { return systems.netsuite->handle(r); },
                      .fault_reply = [&systems](std::string_view kind) { return systems.netsuite->fault_reply(kind); },
                      .on_expire = nullptr,  // NetSuite TBA tokens do not expire
                      .max_in_flight = f.ns.max_concurrency};
  server::Endpoint sap{.name = "sap",
                       .port = f.port_sap,
                       .handler = [&systems](const SimRequest& r) { return systems.sap->handle(r); },
                       .fault_reply = [&systems](std::string_view kind) { return systems.sap->fault_reply(kind); },
                       .on_expire = [&systems] { systems.sap->expire_sessions(); },
                       .max_in_flight = 0};
  server::Endpoint oracle{.name = "oracle",
                          .port = f.port_oracle,
                          .handler = [&systems](const SimRequest& r) { return systems.oracle->handle(r); },
                          .fault_reply = [&systems](std::string_view kind) { return systems.oracle->fault_reply(kind); },
                          .on_expire = [&systems] { systems.oracle->expire_tokens(); },
                          .max_in_flight = 0};
  std::vector<server::Endpoint> all{std::move(sf), std::move(ns), std::move(sap), std::move(oracle)};
  for (auto& portal : systems.portals->endpoints(f.portal_ports)) all.push_back(std::move(portal));
  return all;
}

// Blocks SIGINT/SIGTERM in every thread started after this, so that only
// wait_for_stop_signal() sees them.
sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  std::signal(SIGPIPE, SIG_IGN);
  return set;
}

int wait_for_stop_signal(const sigset_t& set) {
  int signal = 0;
  while (sigwait(&set, &signal) != 0) {
  }
  return signal;
}

int serve(Flags f, const server::FaultSpec& faults, SimTime now) {
  const auto log = logger("sim");
  Dataset dataset(DatasetOptions{f.seed, f.orders, now});
  if (!f.answer_key_file.empty()) write_file_atomically(f.answer_key_file, dataset.answer_key_json(f.erp));
  if (!f.routing_file.empty()) write_file_atomically(f.routing_file, dataset.portals()->routing_csv());

  const sigset_t stop_signals = block_stop_signals();
  const std::unique_ptr<EbsDatabase> ebs_db = f.erp == "ebs" ? start_ebs_database(dataset) : nullptr;
  Systems systems;
  systems.portals = std::make_unique<portals::PortalSims>(dataset.portals(), portals::PortalOptions{f.portal_polls});
  const server::ServerOptions options{.faults = faults,
                                     .seed = f.seed,
                                     .latency_ms = f.latency_ms,
                                     .slow_ms = f.slow_ms,
                                     .threads = f.threads,
                                     .log_requests = f.verbose};
  server::SimServer server(endpoints(f, systems), admin_hooks(dataset, f.erp, ebs_db.get(), *systems.portals), options);
  try {
    server.listen();
  } catch (const Error& e) {  // a taken port is the environment's problem, not a bad flag
    fail(Error::Kind::internal, "{}", e.what());
  }
  const auto url_of = [&server](const char* system) { return fmt::format("http://127.0.0.1:{}", server.port(system)); };
  Urls urls{url_of("salesforce"), url_of("netsuite"), url_of("sap"), url_of("oracle"), {}};
  for (const char* portal : {"coupa", "ariba", "chorus", "peppol"}) urls.portals.emplace_back(portal, url_of(portal));
  const std::string& sf_url = urls.salesforce;
  const std::string& ns_url = urls.netsuite;
  f.sf.instance_url = f.sf.login_url = sf_url;
  systems.salesforce = std::make_unique<salesforce::SalesforceApi>(f.sf, dataset.salesforce());
  systems.netsuite = std::make_unique<netsuite::NetSuiteApi>(f.ns, dataset.netsuite());
  systems.sap = std::make_unique<sap::SapApi>(f.sap, dataset.sap());
  systems.oracle = std::make_unique<oracle::OracleApi>(f.oracle, dataset.oracle());
  server.start();

  log->info("started seed={} orders={} now={} faults={} latency_ms={} ns_concurrency={}", f.seed, f.orders,
            to_iso8601_seconds(now), faults.any() ? server::to_string(faults) : "none", f.latency_ms,
            f.ns.max_concurrency);
  log->info("listening system=salesforce url={}", sf_url);
  log->info("listening system=netsuite url={} account={} timezone={}", ns_url, f.ns.account, f.ns.timezone);
  log->info("listening system=sap url={} sap_client={}", urls.sap, f.sap.sap_client);
  log->info("listening system=oracle url={}", urls.oracle);
  for (const auto& [portal, url] : urls.portals)
    log->info("listening system={} url={} portal_polls={}", portal, url, f.portal_polls);
  if (!f.ready_file.empty())
    write_file_atomically(f.ready_file,
                          ready_json(f, urls, ebs_db.get(), *systems.portals, dataset.portals()->seller()));

  const int signal = wait_for_stop_signal(stop_signals);
  log->info("stopping signal={}", signal == SIGINT ? "SIGINT" : "SIGTERM");
  server.stop();
  log->info("stopped");
  return 0;
}

// --- load-ebs (sim/ebs, DATA.md "EBS tables"): load the EBS tables into PostgreSQL, print counts, exit.
int load_ebs_command(const Flags& f, const std::string& db_url, SimTime now) {
  const Dataset dataset(DatasetOptions{f.seed, f.orders, now});
  const ebs::LoadCounts counts = ebs::load_ebs(dataset, db_url);
  for (const auto& [table, rows] : counts.tables) fmt::print("{} {}\n", table, rows);
  fmt::print("total {}\n", counts.total());
  return 0;
}
// --- end load-ebs

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"o2csync-sim — local simulators of Salesforce, NetSuite, SAP S/4HANA, Oracle Fusion, Oracle EBS\n"
               "and the vendor portals Coupa, SAP Ariba, Chorus Pro and a Peppol access point\n"
               "serving one seeded business,\n"
               "with planted reconciliation exceptions, an answer key and fault injection (sim/README.md)."};
  app.set_version_flag("--version", "o2csync-sim 0.1.0");
  Flags flags;
  add_flags(app, flags);
  std::string ebs_db_url;  // load-ebs
  auto* load_ebs = app.add_subcommand("load-ebs", "Load the EBS tables (DATA.md) into PostgreSQL, print row counts, exit");
  load_ebs->add_option("--db", ebs_db_url, "PostgreSQL URL, e.g. postgresql://user@127.0.0.1:5432/ebs")->required();
  load_ebs->fallthrough();  // --seed, --orders, --now after the subcommand
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitBadFlags;
  }
  init_logging(LogFormat::text, flags.quiet ? "warn" : "info");
  server::FaultSpec faults;
  SimTime now;
  try {
    check_flags(flags, faults, now);
  } catch (const Error& e) {
    fmt::print(stderr, "o2csync-sim: {}\n", e.what());
    return kExitBadFlags;
  }
  try {
    if (*load_ebs) return load_ebs_command(flags, ebs_db_url, now);
    return serve(std::move(flags), faults, now);
  } catch (const Error& e) {  // config: a flag's value the dataset or an API refuses (e.g. the JWT key)
    fmt::print(stderr, "o2csync-sim: {}\n", e.what());
    return e.kind() == Error::Kind::config ? kExitBadFlags : kExitStartFailed;
  } catch (const std::exception& e) {
    fmt::print(stderr, "o2csync-sim: cannot start: {}\n", e.what());
    return kExitStartFailed;
  }
}
