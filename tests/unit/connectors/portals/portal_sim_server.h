// tests/unit/connectors/portals/portal_sim_server.h — the portal simulators
// (sim/portals, the real handlers) behind the scripted local HTTP server,
// with a hook to replace an answer (an HTML page, a body cut short, a
// Retry-After) or to drop it after the portal handled the request (a lost
// reply), and the connector settings and routes that reach them.
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "connectors/portals/portal.h"
#include "sim/portals/portal_sims.h"
#include "tests/support/http/http_test_server.h"
#include "tests/unit/sim/portals/portal_test_support.h"

namespace o2c::portals::test {

using sim::portals::testing::World;

enum class Twist {
  none,
  lost,          // the portal handles the request, the client gets no answer
  html,          // a 200 maintenance page instead (the portal never sees the request)
  truncate,      // the portal's answer cut in half
  throttle,      // 429 Retry-After: 7 (the portal never sees the request)
};

class PortalSimServer {
 public:
  explicit PortalSimServer(std::string portal, int polls = 1)
      : portal_(std::move(portal)),
        sims_(World::get().directory(), sim::portals::PortalOptions{polls},
              std::make_shared<FixedClock>(sim::portals::testing::fixed_now())),
        server_([this](const o2c::test::HttpTestRequest& r) { return handle(r); }) {}

  std::string url() const { return server_.url(); }
  sim::portals::PortalSims& sims() { return sims_; }
  sim::portals::DocumentRecord record(sim::PortalKind kind, const std::string& number) const {
    return sims_.ledger()->record(kind, number);
  }
  // The next `count` requests whose path contains `path_part` get `twist`.
  void twist(Twist twist, std::string path_part, int count = 1) {
    std::lock_guard lock(mutex_);
    twist_ = twist;
    twist_path_ = std::move(path_part);
    twist_count_ = count;
  }
  std::size_t requests() const { return server_.request_count(); }

  // Fast retries, short timeouts: the tests never wait for real backoff.
  static http::ClientSettings client_settings() {
    http::ClientSettings c;
    c.backoff_base = std::chrono::milliseconds(1);
    c.backoff_max = std::chrono::milliseconds(2);
    c.retry_after_max = std::chrono::milliseconds(5);
    c.timeout = std::chrono::milliseconds(5000);
    c.max_attempts = 3;
    c.breaker_threshold = 0;
    return c;
  }

  static Route route_of(const sim::PortalBuyer& b) {
    Route r;
    r.portal = std::string(sim::portal_name(b.kind));
    r.customer_id = b.customer_id;
    r.buyer_id = b.buyer_id;
    r.buyer_scheme = b.buyer_scheme;
    r.service_code = b.service_code;
    r.supplier_ref = b.supplier_ref;
    r.po_required = b.po_required;
    return r;
  }

 private:
  o2c::test::HttpTestReply handle(const o2c::test::HttpTestRequest& r) {
    Twist twist = Twist::none;
    {
      std::lock_guard lock(mutex_);
      if (twist_count_ > 0 && r.target.find(twist_path_) != std::string::npos) {
        twist = twist_;
        --twist_count_;
      }
    }
    if (twist == Twist::html)
      return o2c::test::HttpTestReply::text(200, "<html><body><h1>Down for maintenance</h1></body></html>", "text/html");
    if (twist == Twist::throttle) {
      auto reply = o2c::test::HttpTestReply::json(429, R"({"errors":{"rate-limit":["slow down"]}})");
      reply.headers.emplace_back("Retry-After", "7");
      return reply;
    }
    sim::SimRequest request{r.method, r.target, "127.0.0.1", r.headers, r.body};
    const sim::SimReply sim = handler()(request);
    o2c::test::HttpTestReply reply;
    reply.status = sim.status;
    reply.headers = sim.headers;
    reply.body = sim.body;
    if (twist == Twist::lost) reply.close_without_answer = true;
    if (twist == Twist::truncate) reply.truncate_body_at = sim.body.size() / 2;
    return reply;
  }
  std::function<sim::SimReply(const sim::SimRequest&)> handler() {
    for (auto& e : sims_.endpoints({}))
      if (e.name == portal_) return e.handler;
    throw std::logic_error("no portal " + portal_);
  }

  std::string portal_;
  sim::portals::PortalSims sims_;
  o2c::test::HttpTestServer server_;
  std::mutex mutex_;
  Twist twist_ = Twist::none;
  std::string twist_path_;
  int twist_count_ = 0;
};

}  // namespace o2c::portals::test
