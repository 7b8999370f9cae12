#include "sim/server/fault_injection.h"

#include <stdexcept>

#include <gtest/gtest.h>

namespace o2c::sim::server {
namespace {

struct Fixture {
  int handled = 0, expired = 0;
  Endpoint endpoint() {
    Endpoint e;
    e.name = "sys";
    e.handler = [this](const SimRequest&) {
      ++handled;
      return SimReply{200, {{"Content-Type", "application/json"}}, R"({"records":[1,2,3,4,5,6,7,8,9]})"};
    };
    e.fault_reply = [](std::string_view kind) { return SimReply{kind == "429" ? 403 : 503, {}, std::string(kind)}; };
    e.on_expire = [this] { ++expired; };
    return e;
  }
};

FaultDraw draw_of(std::initializer_list<FaultKind> kinds, double cut = 0.5) {
  FaultDraw d;
  for (FaultKind k : kinds) d.hit[static_cast<std::size_t>(k)] = true;
  d.cut_fraction = cut;
  return d;
}

TEST(ServeWithFaults, NoFaultIsTheHandlersReply) {
  Fixture f;
  AppliedFaults applied;
  const SimReply r = serve_with_faults(f.endpoint(), FaultDraw{}, SimRequest{}, applied);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(f.handled, 1);
  EXPECT_EQ(applied.applied, AppliedFaults{}.applied);
}

TEST(ServeWithFaults, ThrottleAndServerErrorUseTheSystemsOwnRepliesWithoutHandling) {
  Fixture f;
  AppliedFaults a1, a2;
  const SimReply throttled = serve_with_faults(f.endpoint(), draw_of({FaultKind::throttle}), SimRequest{}, a1);
  EXPECT_EQ(throttled.status, 403);
  EXPECT_EQ(throttled.body, "429");
  EXPECT_TRUE(a1[FaultKind::throttle]);
  const SimReply failed = serve_with_faults(f.endpoint(), draw_of({FaultKind::server_error}), SimRequest{}, a2);
  EXPECT_EQ(failed.status, 503);
  EXPECT_EQ(failed.body, "5xx");
  EXPECT_EQ(f.handled, 0);
}

TEST(ServeWithFaults, GenericFaultRepliesWhenTheSystemHasNone) {
  Endpoint e;
  e.handler = [](const SimRequest&) { return SimReply{}; };
  const SimReply throttled = fault_reply_for(e, "429");
  EXPECT_EQ(throttled.status, 429);
  const SimReply failed = fault_reply_for(e, "5xx");
  EXPECT_EQ(failed.status, 503);
  EXPECT_NE(failed.body.find("<html>"), std::string::npos);
}

TEST(ServeWithFaults, HtmlIsAMaintenancePageWithStatus200) {
  Fixture f;
  AppliedFaults applied;
  const SimReply r = serve_with_faults(f.endpoint(), draw_of({FaultKind::html}), SimRequest{}, applied);
  EXPECT_EQ(r.status, 200);
  ASSERT_EQ(r.headers.size(), 1u);
  EXPECT_EQ(r.headers[0].second, "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("Maintenance"), std::string::npos);
  EXPECT_EQ(f.handled, 0);
  EXPECT_TRUE(applied[FaultKind::html]);
}

TEST(ServeWithFaults, ThrottleWinsOverTheOtherReplacingFaults) {
  Fixture f;
  AppliedFaults applied;
  const SimReply r = serve_with_faults(
      f.endpoint(), draw_of({FaultKind::html, FaultKind::server_error, FaultKind::throttle, FaultKind::truncate}),
      SimRequest{}, applied);
  EXPECT_EQ(r.status, 403);
  EXPECT_TRUE(applied[FaultKind::throttle]);
  EXPECT_FALSE(applied[FaultKind::html] || applied[FaultKind::server_error] || applied[FaultKind::truncate]);
}

TEST(ServeWithFaults, TruncateCutsASuccessfulBodyAndKeepsStatusAndContentType) {
  Fixture f;
  const std::string full = f.endpoint().handler(SimRequest{}).body;
  AppliedFaults applied;
  const SimReply r = serve_with_faults(f.endpoint(), draw_of({FaultKind::truncate}, 0.5), SimRequest{}, applied);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.headers, (std::vector<std::pair<std::string, std::string>>{{"Content-Type", "application/json"}}));
  EXPECT_EQ(r.body, full.substr(0, full.size() / 2));
  EXPECT_TRUE(applied[FaultKind::truncate]);
}

TEST(ServeWithFaults, TruncateAlwaysLosesAtLeastOneByteAndSparesErrorReplies) {
  EXPECT_EQ(truncate_body(SimReply{200, {}, "abcdef"}, 0.9999999).body, "abcde");
  EXPECT_EQ(truncate_body(SimReply{200, {}, "abcdef"}, 0.0).body, "");
  Endpoint e;
  e.handler = [](const SimRequest&) { return SimReply{400, {}, "bad query"}; };
  AppliedFaults applied;
  EXPECT_EQ(serve_with_faults(e, draw_of({FaultKind::truncate}), SimRequest{}, applied).body, "bad query");
  EXPECT_FALSE(applied[FaultKind::truncate]);
}

TEST(ServeWithFaults, ExpireRunsBeforeTheHandlerAndOnlyWhereItApplies) {
  Fixture f;
  Endpoint e = f.endpoint();
  e.handler = [&f](const SimRequest&) { return SimReply{f.expired == 1 ? 401 : 200, {}, ""}; };
  AppliedFaults applied;
  EXPECT_EQ(serve_with_faults(e, draw_of({FaultKind::expire}), SimRequest{}, applied).status, 401);
  EXPECT_TRUE(applied[FaultKind::expire]);

  Endpoint no_sessions = f.endpoint();
  no_sessions.on_expire = nullptr;
  AppliedFaults none;
  EXPECT_EQ(serve_with_faults(no_sessions, draw_of({FaultKind::expire}), SimRequest{}, none).status, 200);
  EXPECT_FALSE(none[FaultKind::expire]);
}

TEST(ServeWithFaults, SlowIsRecordedAndLeavesTheReplyAlone) {
  Fixture f;
  AppliedFaults applied;
  EXPECT_EQ(serve_with_faults(f.endpoint(), draw_of({FaultKind::slow}), SimRequest{}, applied).status, 200);
  EXPECT_TRUE(applied[FaultKind::slow]);
}

TEST(ServeWithFaults, AHandlerExceptionBecomesA500NamingIt) {
  Endpoint e;
  e.name = "sys";
  e.handler = [](const SimRequest&) -> SimReply { throw std::runtime_error("table exploded"); };
  AppliedFaults applied;
  const SimReply r = serve_with_faults(e, FaultDraw{}, SimRequest{}, applied);
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(r.body.find("table exploded"), std::string::npos);
}

TEST(ServeWithFaults, AFaultReplyThatThrowsFallsBackToTheGenericOne) {
  Endpoint e;
  e.name = "sys";
  e.handler = [](const SimRequest&) { return SimReply{}; };
  e.fault_reply = [](std::string_view) -> SimReply { throw std::runtime_error("no fault body"); };
  EXPECT_EQ(fault_reply_for(e, "429").status, 429);
  e.on_expire = [] { throw std::runtime_error("sessions locked"); };
  FaultDraw expire;
  expire.hit[static_cast<std::size_t>(FaultKind::expire)] = true;
  AppliedFaults applied;
  const SimReply r = serve_with_faults(e, expire, SimRequest{}, applied);
  EXPECT_EQ(r.status, 500);
  EXPECT_NE(r.body.find("sessions locked"), std::string::npos);
}

}  // namespace
}  // namespace o2c::sim::server

namespace o2c::sim::server {
namespace {

TEST(ServeWithFaults, LostRunsTheHandlerAndMarksTheReplyAsNeverSent) {
  Fixture f;
  AppliedFaults applied;
  const SimReply r = serve_with_faults(f.endpoint(), draw_of({FaultKind::lost, FaultKind::truncate}), SimRequest{}, applied);
  EXPECT_EQ(f.handled, 1);
  EXPECT_TRUE(applied[FaultKind::lost]);
  EXPECT_FALSE(applied[FaultKind::truncate]);
  EXPECT_EQ(r.status, 200);
}

TEST(ServeWithFaults, ThrottleAndServerErrorAnswerBeforeTheHandlerSoNothingIsCreatedAndNothingIsLost) {
  Fixture f;
  AppliedFaults a1, a2;
  EXPECT_EQ(serve_with_faults(f.endpoint(), draw_of({FaultKind::throttle, FaultKind::lost}), SimRequest{}, a1).status, 403);
  EXPECT_EQ(serve_with_faults(f.endpoint(), draw_of({FaultKind::server_error, FaultKind::lost}), SimRequest{}, a2).status,
            503);
  EXPECT_EQ(f.handled, 0);
  EXPECT_FALSE(a1[FaultKind::lost] || a2[FaultKind::lost]);
}

}  // namespace
}  // namespace o2c::sim::server
