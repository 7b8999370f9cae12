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
}  // namespace

SimEndpoints parse_ready_file(const std::string& json) {
  const auto root = boost::json::parse(json).as_object();
  const auto& sf = root.at("salesforce").as_object();
  const auto& ns = root.at("netsuite").as_object();
  SimEndpoints endpoints{field(sf, "instance_url"),     field(sf, "client_id"),    field(sf, "client_secret"),
                         field(ns, "base_url"),         field(ns, "account"),      field(ns, "consumer_key"),
                         field(ns, "consumer_secret"), field(ns, "token_id"),     field(ns, "token_secret")};
  if (ns.contains("timezone")) endpoints.ns_timezone = field(ns, "timezone");  // absent before --ns-timezone
  return endpoints;
}

void write_demo_mappings(const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  for (const auto& [name, content] : embedded_mappings()) std::ofstream(dir / std::string(name)) << content;
}

std::filesystem::path write_demo_config(const std::filesystem::path& dir, const SimEndpoints& sim,
                                        const std::string& store_url) {
  // The demo credentials are the simulator's; they still travel as env:
  // references, as real ones must.
  ::setenv("O2C_DEMO_SF_CLIENT_ID", sim.sf_client_id.c_str(), 1);
  ::setenv("O2C_DEMO_SF_CLIENT_SECRET", sim.sf_client_secret.c_str(), 1);
  ::setenv("O2C_DEMO_NS_CONSUMER_KEY", sim.ns_consumer_key.c_str(), 1);
  ::setenv("O2C_DEMO_NS_CONSUMER_SECRET", sim.ns_consumer_secret.c_str(), 1);
  ::setenv("O2C_DEMO_NS_TOKEN_ID", sim.ns_token_id.c_str(), 1);
  ::setenv("O2C_DEMO_NS_TOKEN_SECRET", sim.ns_token_secret.c_str(), 1);
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
  netsuite:
    kind: netsuite
    account: "{ns_account}"
    url: {ns_url}
    timezone: {ns_timezone}
    auth:
      consumer_key: env:O2C_DEMO_NS_CONSUMER_KEY
      consumer_secret: env:O2C_DEMO_NS_CONSUMER_SECRET
      token_id: env:O2C_DEMO_NS_TOKEN_ID
      token_secret: env:O2C_DEMO_NS_TOKEN_SECRET
    max_concurrency: 4                   # o2csync-sim's default --ns-concurrency
    rate_per_second: 1000
    timeout: 60s
    max_attempts: 8
    lookback: 5m
    objects:
      customers: {{ mapping: mappings/netsuite-customer.yaml, every: 1h }}
      invoices:  {{ mapping: mappings/netsuite-invoice.yaml,  every: 15m }}
      payments:  {{ mapping: mappings/netsuite-payment.yaml,  every: 15m }}

reconcile:
  amount_tolerance: "0.01"
  renewal_po_horizon: 30d

report:
  weekday: monday
  time: "07:00"
  timezone: Europe/Paris
  out_dir: {out}
)",
                                     fmt::arg("store", store_url), fmt::arg("sf_url", sim.salesforce_url),
                                     fmt::arg("ns_url", sim.netsuite_url), fmt::arg("ns_account", sim.ns_account),
                                     fmt::arg("ns_timezone", sim.ns_timezone),
                                     fmt::arg("out", dir.string()));
  return path;
}

}  // namespace o2c::daemon
