// Fault kinds, the seeded sequence, bodies, errors and stopping, over real HTTP.
#include <atomic>
#include <thread>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "core/error.h"
#include "sim/server/server.h"
#include "test_support.h"

namespace o2c::sim::server {
namespace {

using testing::eventually;
using testing::fetch;
using testing::Gate;
using testing::HttpResult;
using testing::TestClient;

const std::string kFullBody = R"({"records":[)" + std::string(5000, '7') + "]}";

struct FakeSystem {
  std::atomic<int> calls{0}, expired{0};
  Gate* gate = nullptr;
  Endpoint endpoint(std::string name = "sys", bool with_fault_replies = true) {
    Endpoint e;
    e.name = std::move(name);
    e.handler = [this](const SimRequest& r) {
      ++calls;
      if (gate) gate->wait();
      if (r.target == "/boom") throw std::runtime_error("query engine blew up");
      if (r.target == "/odd-status") return SimReply{42, {}, "?"};
      if (r.target == "/big") return SimReply{200, {{"Content-Type", "application/json"}}, std::string(12u << 20, 'x')};
      if (r.method == "POST") return SimReply{200, {{"Content-Type", "text/plain"}}, std::to_string(r.body.size())};
      return SimReply{200, {{"Content-Type", "application/json"}}, kFullBody};
    };
    if (with_fault_replies)
      e.fault_reply = [](std::string_view kind) {
        return SimReply{kind == "429" ? 403 : 503, {{"Content-Type", "application/json"}},
                        R"([{"errorCode":")" + std::string(kind) + "\"}]"};
      };
    e.on_expire = [this] { ++expired; };
    return e;
  }
};

ServerOptions options_with(std::string_view faults, std::uint64_t seed = 42) {
  ServerOptions o;
  o.faults = parse_fault_spec(faults);
  o.seed = seed;
  o.threads = 2;
  return o;
}

long fault_count(const SimServer& server, FaultKind kind) {
  return server.stats().at(0).faults[static_cast<std::size_t>(kind)];
}

TEST(SimServerFaults, TruncateCutsTheBodyButKeepsStatusContentTypeAndAnExactLength) {
  FakeSystem sys;
  SimServer server({sys.endpoint()}, {}, options_with("truncate:1"));
  server.start();
  TestClient client(server.port("sys"));
  for (int i = 0; i < 5; ++i) {
    const HttpResult r = client.request("GET", "/q");
    ASSERT_EQ(r.status, 200) << r.error;
    EXPECT_EQ(r.content_type, "application/json");
    EXPECT_LT(r.body.size(), kFullBody.size());
    EXPECT_EQ(r.body, kFullBody.substr(0, r.body.size()));
    EXPECT_EQ(r.content_length, std::to_string(r.body.size()));
  }
  EXPECT_EQ(fault_count(server, FaultKind::truncate), 5);
}

TEST(SimServerFaults, HtmlIsA200MaintenancePageAndTheSystemNeverSeesTheRequest) {
  FakeSystem sys;
  SimServer server({sys.endpoint()}, {}, options_with("html:1"));
  server.start();
  const HttpResult r = fetch(server.port("sys"), "GET", "/q");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("<html>"), std::string::npos);
  EXPECT_EQ(sys.calls, 0);
  EXPECT_EQ(fault_count(server, FaultKind::html), 1);
}

TEST(SimServerFaults, ExpireInvalidatesSessionsBeforeEachRequestIsHandled) {
  FakeSystem sys;
  SimServer server({sys.endpoint()}, {}, options_with("expire:1"));
  server.start();
  TestClient client(server.port("sys"));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(client.request("GET", "/q").status, 200);
  EXPECT_EQ(sys.expired, 3);
  EXPECT_EQ(sys.calls, 3);
  EXPECT_EQ(fault_count(server, FaultKind::expire), 3);
}

TEST(SimServerFaults, ThrottleAndServerErrorAreTheSystemsOwnRepliesOrGenericOnes) {
  FakeSystem own, generic;
  SimServer throttled({own.endpoint()}, {}, options_with("429:1"));
  throttled.start();
  const HttpResult t = fetch(throttled.port("sys"), "GET", "/q");
  EXPECT_EQ(t.status, 403);
  EXPECT_EQ(t.body, R"([{"errorCode":"429"}])");

  SimServer failing({generic.endpoint("sys", false)}, {}, options_with("5xx:1"));
  failing.start();
  const HttpResult f = fetch(failing.port("sys"), "GET", "/q");
  EXPECT_EQ(f.status, 503);
  EXPECT_EQ(f.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(own.calls + generic.calls, 0);
}

TEST(SimServerFaults, LostRunsTheHandlerThenClosesTheConnectionWithoutAReply) {
  FakeSystem sys;
  SimServer server({sys.endpoint()}, {}, options_with("lost:1"));
  server.start();
  TestClient client(server.port("sys"));
  const HttpResult r = client.request("POST", "/create", "an invoice");
  EXPECT_EQ(r.status, 0);            // no reply: the client sees the connection end
  EXPECT_FALSE(r.error.empty());
  EXPECT_EQ(sys.calls, 1);           // but the system handled (created) it
  EXPECT_TRUE(eventually([&] { return fault_count(server, FaultKind::lost) == 1; }));
  const EndpointStats stats = server.stats().at(0);
  EXPECT_EQ(stats.requests, 1);
  EXPECT_TRUE(stats.statuses.empty());   // nothing was sent
  EXPECT_EQ(stats.in_flight, 0);
}

TEST(SimServerFaults, TheSequenceIsTheSeededPlanInRequestOrder) {
  const std::string spec = "429:0.25,5xx:0.25,html:0.25";
  const auto outcomes = [&](std::uint64_t seed) {
    FakeSystem sys;
    SimServer server({sys.endpoint("sys", false)}, {}, options_with(spec, seed));
    server.start();
    TestClient client(server.port("sys"));
    std::vector<std::string> out;
    for (int i = 0; i < 40; ++i) {
      const HttpResult r = client.request("GET", "/q");
      out.push_back(std::to_string(r.status) + (r.content_type.starts_with("text/html") ? "html" : ""));
    }
    return out;
  };
  FaultPlan plan(parse_fault_spec(spec), 7, 0);
  std::vector<std::string> predicted;
  for (int i = 0; i < 40; ++i) {
    const FaultDraw d = plan.next();
    predicted.push_back(d[FaultKind::throttle] ? "429html" : d[FaultKind::server_error] ? "503html"
                        : d[FaultKind::html]       ? "200html"
                                                   : "200");
  }
  const auto first = outcomes(7);
  EXPECT_EQ(first, predicted);
  EXPECT_EQ(outcomes(7), first);
  EXPECT_NE(outcomes(8), first);
}

TEST(SimServerFaults, LargeRepliesAndBodiesWithExpectContinueGoThrough) {
  FakeSystem sys;
  ServerOptions options = options_with("");
  options.max_request_body = 4u << 20;
  SimServer server({sys.endpoint()}, {}, options);
  server.start();
  TestClient client(server.port("sys"));
  const HttpResult big = client.request("GET", "/big");
  ASSERT_EQ(big.status, 200) << big.error;
  EXPECT_EQ(big.body.size(), 12u << 20);
  int interim = 0;
  const HttpResult posted = client.post_expecting_continue("/post", std::string(3u << 20, 'b'), interim);
  EXPECT_EQ(interim, 100);
  ASSERT_EQ(posted.status, 200) << posted.error;
  EXPECT_EQ(posted.body, std::to_string(3u << 20));
  TestClient other(server.port("sys"));
  const HttpResult too_big = other.post_expecting_continue("/post", std::string((4u << 20) + 1, 'b'), interim);
  EXPECT_EQ(interim, 413);
  EXPECT_EQ(too_big.status, 413);
  EXPECT_TRUE(other.closed_by_server());
}

TEST(SimServerFaults, AHandlerExceptionOrInvalidStatusIsA500AndTheServerGoesOn) {
  FakeSystem sys;
  SimServer server({sys.endpoint()}, {}, options_with(""));
  server.start();
  TestClient client(server.port("sys"));
  const HttpResult r = client.request("GET", "/boom");
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(r.body.find("query engine blew up"), std::string::npos);
  EXPECT_EQ(client.request("GET", "/odd-status").status, 500);
  EXPECT_EQ(client.request("GET", "/q").status, 200);
}

TEST(SimServerLifecycle, StopFinishesInFlightRequestsClosesIdleOnesAndRefusesNewOnes) {
  FakeSystem sys;
  Gate gate;
  sys.gate = &gate;
  SimServer server({sys.endpoint()}, {}, options_with(""));
  server.start();
  const unsigned short port = server.port("sys");
  TestClient idle(port);
  ASSERT_EQ(idle.request("GET", "/sim/admin/health").status, 200);
  HttpResult in_flight;
  std::thread client([&] { in_flight = fetch(port, "GET", "/q"); });
  ASSERT_TRUE(eventually([&] { return sys.calls == 1; }));
  std::thread stopper([&] { server.stop(); });
  EXPECT_TRUE(idle.closed_by_server());
  EXPECT_TRUE(eventually([&] { return !TestClient(port).connected(); }));
  gate.open();
  client.join();
  stopper.join();
  EXPECT_EQ(in_flight.status, 200) << in_flight.error;
  EXPECT_FALSE(in_flight.keep_alive);
  server.stop();  // idempotent
}

TEST(SimServerLifecycle, ATakenPortIsAClearError) {
  FakeSystem a, b;
  SimServer first({a.endpoint("salesforce")}, {}, options_with(""));
  first.listen();
  Endpoint clash = b.endpoint("netsuite");
  clash.port = first.port("salesforce");
  SimServer second({clash}, {}, options_with(""));
  try {
    second.listen();
    FAIL() << "bound a port that is taken";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(fmt::format("127.0.0.1:{} for netsuite", clash.port)), std::string::npos)
        << e.what();
  }
}

TEST(SimServerLifecycle, BadEndpointsAndOptionsAreRejected) {
  FakeSystem a;
  EXPECT_THROW(SimServer({a.endpoint("x"), a.endpoint("x")}, {}, options_with("")), Error);
  Endpoint no_handler;
  no_handler.name = "y";
  EXPECT_THROW(SimServer({no_handler}, {}, options_with("")), Error);
  ServerOptions zero_threads = options_with("");
  zero_threads.threads = 0;
  EXPECT_THROW(SimServer({a.endpoint()}, {}, zero_threads), Error);
}

}  // namespace
}  // namespace o2c::sim::server
