// sim/main.cpp — the o2csync-sim command line (sim/README.md): builds the
// seeded dataset, the simulated Salesforce and NetSuite APIs, serves them with
// sim/server on 127.0.0.1, writes the answer key and the ready file, and
// stops cleanly on SIGTERM/SIGINT. Exit 0 after a signal, 1 when it cannot
// start, 2 on bad flags.
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
#include "sim/netsuite/netsuite_api.h"
#include "sim/netsuite/suiteql_zone.h"
#include "sim/salesforce/salesforce_api.h"
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
  unsigned short port_salesforce = 0, port_netsuite = 0;
  std::string answer_key_file, ready_file, jwt_public_key_file;
  bool quiet = false, verbose = false;
  salesforce::SalesforceOptions sf;
  netsuite::NetSuiteOptions ns;
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
  app.add_option("--ns-concurrency", f.ns.max_concurrency, "NetSuite concurrent requests; beyond: 429")
      ->check(CLI::Range(1, 1000))->capture_default_str();
  app.add_option("--sf-batch-size", f.sf.batch_size, "Salesforce records per query page")
      ->check(CLI::Range(1, 2000))->capture_default_str();
  app.add_option("--sf-daily-limit", f.sf.daily_api_limit, "Salesforce API requests before 403 REQUEST_LIMIT_EXCEEDED")
      ->check(CLI::Range(1L, 1'000'000'000L))->capture_default_str();
  app.add_option("--sf-session-seconds", f.sf.session_seconds, "Salesforce access token lifetime")
      ->check(CLI::Range(1, 30 * 86400))->capture_default_str();
  app.add_option("--answer-key", f.answer_key_file, "Write the answer key (JSON) to FILE at startup");
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
  if (f.port_salesforce != 0 && f.port_salesforce == f.port_netsuite)
    fail(Error::Kind::config, "--port-salesforce and --port-netsuite are both {}", f.port_salesforce);
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

std::string ready_json(const Flags& f, const std::string& sf_url, const std::string& ns_url) {
  namespace json = boost::json;
  return json::serialize(json::object{
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
                                {"token_secret", f.ns.token_secret}}}}) + "\n";
}

server::AdminHooks admin_hooks(Dataset& dataset) {
  server::AdminHooks hooks;
  hooks.answer_key = [&dataset] { return dataset.answer_key_json(); };
  hooks.mutate = [&dataset](const server::MutationRequest& m, std::string& affected_id) {
    std::string created;
    const std::string problem = dataset.mutate(Mutation{m.action, m.system, m.object, m.id}, &created);
    if (!created.empty()) affected_id = created;
    return problem;
  };
  return hooks;
}

// The simulated systems, created once their ports are known.
struct Systems {
  std::unique_ptr<salesforce::SalesforceApi> salesforce;
  std::unique_ptr<netsuite::NetSuiteApi> netsuite;
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
  return {std::move(sf), std::move(ns)};
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
  if (!f.answer_key_file.empty()) write_file_atomically(f.answer_key_file, dataset.answer_key_json());

  const sigset_t stop_signals = block_stop_signals();
  Systems systems;
  const server::ServerOptions options{.faults = faults,
                                     .seed = f.seed,
                                     .latency_ms = f.latency_ms,
                                     .slow_ms = f.slow_ms,
                                     .threads = f.threads,
                                     .log_requests = f.verbose};
  server::SimServer server(endpoints(f, systems), admin_hooks(dataset), options);
  try {
    server.listen();
  } catch (const Error& e) {  // a taken port is the environment's problem, not a bad flag
    fail(Error::Kind::internal, "{}", e.what());
  }
  const std::string sf_url = fmt::format("http://127.0.0.1:{}", server.port("salesforce"));
  const std::string ns_url = fmt::format("http://127.0.0.1:{}", server.port("netsuite"));
  f.sf.instance_url = f.sf.login_url = sf_url;
  systems.salesforce = std::make_unique<salesforce::SalesforceApi>(f.sf, dataset.salesforce());
  systems.netsuite = std::make_unique<netsuite::NetSuiteApi>(f.ns, dataset.netsuite());
  server.start();

  log->info("started seed={} orders={} now={} faults={} latency_ms={} ns_concurrency={}", f.seed, f.orders,
            to_iso8601_seconds(now), faults.any() ? server::to_string(faults) : "none", f.latency_ms,
            f.ns.max_concurrency);
  log->info("listening system=salesforce url={}", sf_url);
  log->info("listening system=netsuite url={} account={} timezone={}", ns_url, f.ns.account, f.ns.timezone);
  if (!f.ready_file.empty()) write_file_atomically(f.ready_file, ready_json(f, sf_url, ns_url));

  const int signal = wait_for_stop_signal(stop_signals);
  log->info("stopping signal={}", signal == SIGINT ? "SIGINT" : "SIGTERM");
  server.stop();
  log->info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"o2csync-sim — local simulators of Salesforce and NetSuite serving one seeded business,\n"
               "with planted reconciliation exceptions, an answer key and fault injection (sim/README.md)."};
  app.set_version_flag("--version", "o2csync-sim 0.1.0");
  Flags flags;
  add_flags(app, flags);
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
    return serve(std::move(flags), faults, now);
  } catch (const Error& e) {  // config: a flag's value the dataset or an API refuses (e.g. the JWT key)
    fmt::print(stderr, "o2csync-sim: {}\n", e.what());
    return e.kind() == Error::Kind::config ? kExitBadFlags : kExitStartFailed;
  } catch (const std::exception& e) {
    fmt::print(stderr, "o2csync-sim: cannot start: {}\n", e.what());
    return kExitStartFailed;
  }
}
