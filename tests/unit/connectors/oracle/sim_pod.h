// tests/unit/connectors/oracle/sim_pod.h — the simulated Fusion pod
// (sim/oracle's OracleApi over a catalog) served over real HTTP by the
// scripted test server, with a hook that can answer a request instead
// (faults) and a log of the request targets it saw.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "sim/oracle/oracle_api.h"
#include "tests/support/http/http_test_server.h"

namespace o2c::oracle::test {

class SimPod {
 public:
  SimPod(sim::oracle::OracleOptions options, std::shared_ptr<const sim::SimCatalog> catalog,
         std::shared_ptr<const Clock> clock = nullptr)
      : api(std::move(options), std::move(catalog), std::move(clock)),
        server([this](const o2c::test::HttpTestRequest& r) { return handle(r); }) {}

  std::string url() const { return server.url(); }
  // Decoded query parameter `name` ("" when absent) of every request with a query string the pod answered, in order.
  std::vector<std::string> seen(const std::string& name) const;
  std::vector<std::string> targets() const {
    std::lock_guard lock(mutex_);
    return targets_;
  }

  sim::oracle::OracleApi api;
  // Called first; a reply returned is sent instead of the pod's answer.
  std::function<std::optional<o2c::test::HttpTestReply>(const o2c::test::HttpTestRequest&)> intercept;

 private:
  o2c::test::HttpTestReply handle(const o2c::test::HttpTestRequest& request);

  mutable std::mutex mutex_;
  std::vector<std::string> targets_;

 public:
  o2c::test::HttpTestServer server;   // last: it serves from the moment it is built
};

inline o2c::test::HttpTestReply SimPod::handle(const o2c::test::HttpTestRequest& request) {
  if (intercept)
    if (auto reply = intercept(request)) return *reply;
  sim::SimRequest sim_request;
  sim_request.method = request.method;
  sim_request.target = request.target;
  sim_request.host = "127.0.0.1:" + std::to_string(server.port());
  sim_request.headers = request.headers;
  sim_request.body = request.body;
  const sim::SimReply reply = api.handle(sim_request);
  {
    std::lock_guard lock(mutex_);
    targets_.push_back(request.target);
  }
  o2c::test::HttpTestReply out;
  out.status = reply.status;
  out.headers = reply.headers;
  out.body = reply.body;
  return out;
}

inline std::vector<std::string> SimPod::seen(const std::string& name) const {
  std::vector<std::string> out;
  for (const auto& target : targets()) {
    const auto q = target.find('?');
    if (q == std::string::npos) continue;
    std::string value;
    for (const auto& [k, v] : sim::parse_query_string(std::string_view(target).substr(q + 1), true))
      if (k == name) value = v;
    out.push_back(value);
  }
  return out;
}

}  // namespace o2c::oracle::test
