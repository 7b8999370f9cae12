// The gates of http::Client: concurrency cap, start-rate limit, circuit breaker.
#include <atomic>
#include <thread>

#include "tests/unit/connectors/http/http_client_test_support.h"

namespace o2c::http::testing {
namespace {

TEST(ClientLimits, NeverMoreRequestsInFlightThanMaxConcurrency) {
  HttpTestServer server([](const HttpTestRequest&) {
    auto reply = HttpTestReply::json(200, "{}");
    reply.delay = 20ms;   // holds each request so that callers pile up behind the gate
    return reply;
  }, std::nullopt, 8);
  ClientSettings settings = test_settings("erp");
  settings.max_concurrency = 3;
  Client client(settings);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 3; ++i)
        if (client.send(get(server.url() + "/x"), nullptr).status == 200) ++ok;
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 48);
  EXPECT_EQ(server.request_count(), 48u);
  EXPECT_LE(server.max_in_flight(), 3);
  EXPECT_GE(server.max_in_flight(), 2);   // the threads did overlap: the cap was what held them back
}

TEST(ClientLimits, StartsAreSpacedByTheRateLimitThroughTheClock) {
  HttpTestServer server([](const HttpTestRequest&) { return HttpTestReply::json(200, "{}"); });
  ManualClientClock clock;
  ClientSettings settings = test_settings();
  settings.rate_per_second = 10;
  Client client(settings, clock);
  for (int i = 0; i < 5; ++i) client.send(get(server.url() + "/x"), nullptr);
  EXPECT_EQ(clock.sleeps(), (std::vector<std::chrono::milliseconds>{100ms, 100ms, 100ms, 100ms}));
  clock.advance(1s);   // idle long enough: the next start needs no wait
  client.send(get(server.url() + "/x"), nullptr);
  EXPECT_EQ(clock.sleeps().size(), 4u);
}

TEST(ClientLimits, RetriesAlsoPassTheRateLimit) {
  std::atomic<int> calls{0};
  HttpTestServer server([&](const HttpTestRequest&) {
    return calls++ == 0 ? HttpTestReply::text(503, "busy") : HttpTestReply::json(200, "{}");
  });
  ManualClientClock clock;
  ClientSettings settings = test_settings();
  settings.rate_per_second = 2;   // 500 ms apart
  settings.backoff_base = 1ms;
  Client client(settings, clock);
  client.send(get(server.url() + "/x"), nullptr);
  // One backoff (<= 1 ms) then the rest of the 500 ms slot.
  const auto sleeps = clock.sleeps();
  ASSERT_EQ(sleeps.size(), 2u);
  EXPECT_EQ(sleeps[0] + sleeps[1], 500ms);
}

TEST(ClientLimits, BreakerOpensAfterConsecutiveFailuresFailsFastAndRecoversAfterCooldown) {
  std::atomic<int> status{503};
  HttpTestServer server([&](const HttpTestRequest&) { return HttpTestReply::text(status.load(), "x"); });
  ManualClientClock clock;
  ClientSettings settings = test_settings("netsuite");
  settings.breaker_threshold = 3;
  settings.breaker_cooldown = 10s;
  Client client(settings, clock);

  EXPECT_THROW(client.send(get(server.url() + "/x"), nullptr), Error);   // 3 failed attempts: opens
  EXPECT_EQ(server.request_count(), 3u);
  status = 200;
  const Error open = expect_error([&] { client.send(get(server.url() + "/x"), nullptr); });
  EXPECT_EQ(open.kind(), Error::Kind::transient);
  EXPECT_TRUE(contains(open.what(), "netsuite: GET 127.0.0.1:")) << open.what();
  EXPECT_TRUE(contains(open.what(), "breaker open")) << open.what();
  EXPECT_EQ(server.request_count(), 3u);   // failed fast: nothing sent
  EXPECT_EQ(client.stats().breaker_rejections, 1);

  clock.advance(10s);
  EXPECT_EQ(client.send(get(server.url() + "/x"), nullptr).status, 200);   // half-open probe succeeds: closed
  EXPECT_EQ(server.request_count(), 4u);
  EXPECT_EQ(client.send(get(server.url() + "/x"), nullptr).status, 200);
  EXPECT_EQ(server.request_count(), 5u);
}

TEST(ClientLimits, AFailedProbeReopensTheBreakerAtOnce) {
  HttpTestServer server([](const HttpTestRequest&) { return HttpTestReply::text(503, "down"); });
  ManualClientClock clock;
  ClientSettings settings = test_settings();
  settings.breaker_threshold = 2;
  settings.breaker_cooldown = 10s;
  settings.max_attempts = 5;
  Client client(settings, clock);
  const Error first = expect_error([&] { client.send(get(server.url() + "/x"), nullptr); });
  EXPECT_TRUE(contains(first.what(), "breaker open")) << first.what();   // opened during the retries
  EXPECT_EQ(server.request_count(), 2u);
  clock.advance(10s);
  const Error probe = expect_error([&] { client.send(get(server.url() + "/x"), nullptr); });
  EXPECT_TRUE(contains(probe.what(), "breaker open")) << probe.what();
  EXPECT_EQ(server.request_count(), 3u);   // exactly one probe went out
}

TEST(ClientLimits, AnsweredRequestsKeepTheBreakerClosed) {
  std::atomic<int> calls{0};
  HttpTestServer server([&](const HttpTestRequest&) {
    return (calls++ % 2 == 0) ? HttpTestReply::text(503, "blip") : HttpTestReply::json(404, "[]");
  });
  ManualClientClock clock;
  ClientSettings settings = test_settings();
  settings.breaker_threshold = 2;
  Client client(settings, clock);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(client.send(get(server.url() + "/x"), nullptr).status, 404);
  EXPECT_EQ(client.stats().breaker_rejections, 0);
}

}  // namespace
}  // namespace o2c::http::testing
