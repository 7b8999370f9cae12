// SimServer over real HTTP on 127.0.0.1, with small fake systems.
#include "sim/server/server.h"

#include <atomic>
#include <thread>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "core/error.h"
#include "test_support.h"

namespace o2c::sim::server {
namespace {

namespace json = boost::json;
using testing::eventually;
using testing::fetch;
using testing::Gate;
using testing::HttpResult;
using testing::TestClient;

// What a fake system saw, from any thread.
struct Observed {
  std::atomic<int> calls{0}, inside{0}, max_inside{0}, expired{0};
  void enter() {
    ++calls;
    const int now = ++inside;
    int seen = max_inside.load();
    while (now > seen && !max_inside.compare_exchange_weak(seen, now)) {
    }
  }
  void leave() { --inside; }
};

// Echoes the request as JSON; waits at `gate` when one is given.
Endpoint echo(const std::string& name, Observed& seen, Gate* gate = nullptr) {
  Endpoint e;
  e.name = name;
  e.handler = [name, &seen, gate](const SimRequest& r) {
    seen.enter();
    if (gate) gate->wait();
    json::object o{{"system", name},         {"method", r.method},        {"target", r.target},
                   {"host", r.host},         {"x-test", r.header("x-test")}, {"body_size", r.body.size()}};
    seen.leave();
    return SimReply{200, {{"Content-Type", "application/json"}}, json::serialize(o)};
  };
  e.fault_reply = [name](std::string_view kind) {
    return SimReply{kind == "429" ? 429 : 503, {{"Content-Type", "application/json"}},
                    fmt::format(R"({{"fault":"{}","system":"{}"}})", kind, name)};
  };
  e.on_expire = [&seen] { ++seen.expired; };
  return e;
}

ServerOptions options_with(std::string_view faults = "", int threads = 2) {
  ServerOptions o;
  o.faults = parse_fault_spec(faults);
  o.threads = threads;
  return o;
}

json::value parse(const HttpResult& r) { return json::parse(r.body); }
std::string text(const json::value& v) { return v.is_string() ? std::string(v.get_string()) : json::serialize(v); }

TEST(SimServerHttp, RoutesEachPortToItsSystemAndPassesTheRequestThrough) {
  Observed sf_seen, ns_seen;
  SimServer server({echo("salesforce", sf_seen), echo("netsuite", ns_seen)}, {}, options_with());
  server.start();
  ASSERT_NE(server.port("salesforce"), server.port("netsuite"));
  TestClient sf(server.port("salesforce"));
  const HttpResult q = sf.request("GET", "/services/data/v59.0/query?q=SELECT+Id%20FROM+Order", "", {{"X-Test", "yes"}});
  ASSERT_EQ(q.status, 200) << q.error;
  EXPECT_EQ(q.content_type, "application/json");
  EXPECT_EQ(q.header("Server"), "o2csync-sim");
  const json::value sfj = parse(q);
  EXPECT_EQ(text(sfj.at("system")), "salesforce");
  EXPECT_EQ(text(sfj.at("target")), "/services/data/v59.0/query?q=SELECT+Id%20FROM+Order");
  EXPECT_EQ(text(sfj.at("host")), fmt::format("127.0.0.1:{}", server.port("salesforce")));
  EXPECT_EQ(text(sfj.at("x-test")), "yes");  // header names arrive lower-cased

  TestClient ns(server.port("netsuite"));
  const HttpResult p = ns.request("POST", "/services/rest/query/v1/suiteql?limit=10", R"({"q":"SELECT 1"})");
  ASSERT_EQ(p.status, 200) << p.error;
  EXPECT_EQ(text(parse(p).at("system")), "netsuite");
  EXPECT_EQ(text(parse(p).at("method")), "POST");
  EXPECT_EQ(parse(p).at("body_size").as_int64(), 16);
  EXPECT_EQ(sf_seen.calls, 1);
  EXPECT_EQ(ns_seen.calls, 1);
}

TEST(SimServerHttp, AdminAnswersOnEveryPortIsNeverFaultedAndNotCountedAsSystemCalls) {
  Observed sf_seen, ns_seen;
  std::vector<MutationRequest> mutations;
  AdminHooks hooks;
  hooks.answer_key = [](std::string_view) { return std::string(R"({"seed":9})"); };
  hooks.mutate = [&mutations](const MutationRequest& m, std::string&) {
    mutations.push_back(m);
    return std::string();
  };
  SimServer server({echo("salesforce", sf_seen), echo("netsuite", ns_seen)}, hooks,
                   options_with("429:1,5xx:1,html:1,truncate:1,expire:1"));
  server.start();
  for (const char* name : {"salesforce", "netsuite"}) {
    const HttpResult health = fetch(server.port(name), "GET", "/sim/admin/health");
    EXPECT_EQ(health.status, 200) << name;
    EXPECT_EQ(health.body, R"({"ok":true})") << name;
    EXPECT_EQ(fetch(server.port(name), "GET", "/sim/admin/answer-key").body, R"({"seed":9})");
  }
  const HttpResult mutated =
      fetch(server.port("netsuite"), "POST", "/sim/admin/mutate",
            R"({"action":"delete","system":"salesforce","object":"Order","id":"801X"})");
  EXPECT_EQ(mutated.body, R"({"ok":true,"id":"801X"})");
  ASSERT_EQ(mutations.size(), 1u);
  EXPECT_EQ(mutations[0].action, "delete");

  EXPECT_EQ(fetch(server.port("salesforce"), "GET", "/anything").status, 429);  // a system call: faulted
  const json::value stats = parse(fetch(server.port("salesforce"), "GET", "/sim/admin/stats"));
  EXPECT_EQ(stats.at("admin_requests").as_int64(), 6);
  EXPECT_EQ(stats.at("endpoints").at("salesforce").at("requests").as_int64(), 1);
  EXPECT_EQ(stats.at("endpoints").at("salesforce").at("faults").at("429").as_int64(), 1);
  EXPECT_EQ(stats.at("endpoints").at("salesforce").at("faults").at("expire").as_int64(), 1);
  EXPECT_EQ(stats.at("endpoints").at("salesforce").at("statuses").at("429").as_int64(), 1);
  EXPECT_EQ(stats.at("endpoints").at("netsuite").at("requests").as_int64(), 0);
  EXPECT_EQ(sf_seen.expired, 1);
}

TEST(SimServerHttp, KeepAliveConnectionServesManyRequestsAndHttp10Closes) {
  Observed seen;
  SimServer server({echo("sys", seen)}, {}, options_with());
  server.start();
  TestClient client(server.port("sys"));
  for (int i = 0; i < 5; ++i) {
    const HttpResult r = client.request("GET", "/r" + std::to_string(i));
    ASSERT_EQ(r.status, 200) << "request " << i << ": " << r.error;
    EXPECT_TRUE(r.keep_alive);
    EXPECT_EQ(text(parse(r).at("target")), "/r" + std::to_string(i));
  }
  TestClient old(server.port("sys"));
  const HttpResult r = old.request("GET", "/once", "", {}, 10);
  ASSERT_EQ(r.status, 200) << r.error;
  EXPECT_FALSE(r.keep_alive);
  EXPECT_TRUE(old.closed_by_server());
}

TEST(SimServerHttp, RequestBeyondTheConcurrencyLimitGetsTheSystemsThrottleReplyAtOnce) {
  Observed seen;
  Gate gate;
  Endpoint ns = echo("netsuite", seen, &gate);
  ns.max_in_flight = 2;
  SimServer server({ns}, {}, options_with("", 4));
  server.start();
  std::vector<HttpResult> held(2);
  std::vector<std::thread> clients;
  for (auto& r : held) clients.emplace_back([&r, port = server.port("netsuite")] { r = fetch(port, "GET", "/q"); });
  ASSERT_TRUE(eventually([&] { return seen.inside == 2; }));
  const HttpResult third = fetch(server.port("netsuite"), "GET", "/q");
  EXPECT_EQ(third.status, 429);
  EXPECT_EQ(text(parse(third).at("fault")), "429");
  gate.open();
  for (auto& t : clients) t.join();
  for (const auto& r : held) EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(seen.max_inside, 2);
  EXPECT_EQ(seen.calls, 2);
  const EndpointStats stats = server.stats().at(0);
  EXPECT_EQ(stats.limit_rejections, 1);
  EXPECT_EQ(stats.max_in_flight, 2);
  EXPECT_EQ(stats.in_flight, 0);
  EXPECT_EQ(fetch(server.port("netsuite"), "GET", "/q").status, 200);  // room again
}

TEST(SimServerHttp, LatencyHoldsManyRepliesAtOnceOnOneThread) {
  // One event-loop thread and one worker: if the latency slept on a thread,
  // the requests would be held one after the other, never 8 at once.
  Observed seen;
  ServerOptions options = options_with("", 1);
  options.latency_ms = 60'000;
  SimServer server({echo("sys", seen)}, {}, options);
  server.start();
  std::vector<HttpResult> replies(8);
  std::vector<std::thread> clients;
  for (auto& r : replies) clients.emplace_back([&r, port = server.port("sys")] { r = fetch(port, "GET", "/x"); });
  // Every handler has run and all 8 replies wait on their timers at once.
  EXPECT_TRUE(eventually([&] { return seen.calls == 8 && server.stats().at(0).in_flight == 8; }))
      << "handled: " << seen.calls << ", in flight: " << server.stats().at(0).in_flight;
  server.stop();             // cuts the remaining delay short, the replies still go out
  for (auto& t : clients) t.join();
  for (const auto& r : replies) EXPECT_EQ(r.status, 200) << r.error;
  EXPECT_EQ(server.stats().at(0).max_in_flight, 8);
}

TEST(SimServerHttp, LatencyAndSlowHoldTheReplyAtLeastTheirSum) {
  Observed seen;
  ServerOptions options = options_with("slow:1");
  options.latency_ms = 120;
  options.slow_ms = 200;
  SimServer server({echo("sys", seen)}, {}, options);
  server.start();
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(fetch(server.port("sys"), "GET", "/x").status, 200);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(320));
  EXPECT_EQ(server.stats().at(0).faults[static_cast<std::size_t>(FaultKind::slow)], 1);
}

}  // namespace
}  // namespace o2c::sim::server
