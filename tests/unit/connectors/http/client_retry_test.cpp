// The retry loop of http::Client against a real local HTTP server: verdicts,
// backoff, Retry-After, refresh_auth, exhausted attempts.
#include <atomic>

#include "tests/unit/connectors/http/http_client_test_support.h"

namespace o2c::http::testing {
namespace {

// Answers the scripted replies in order, then repeats the last one.
HttpTestServer::Handler script(std::vector<HttpTestReply> replies) {
  auto next = std::make_shared<std::atomic<std::size_t>>(0);
  return [replies = std::move(replies), next](const HttpTestRequest&) {
    const std::size_t i = (*next)++;
    return replies[std::min(i, replies.size() - 1)];
  };
}

HttpTestReply with_header(HttpTestReply reply, std::string name, std::string value) {
  reply.headers.emplace_back(std::move(name), std::move(value));
  return reply;
}

TEST(ClientRetry, A503IsRetriedThenTheSuccessIsReturned) {
  HttpTestServer server(script({HttpTestReply::text(503, "busy"), HttpTestReply::json(200, R"({"ok":true})")}));
  ManualClientClock clock;
  Client client(test_settings(), clock);
  const Response r = client.send(get(server.url() + "/services/data/v59.0/limits"), nullptr);
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, R"({"ok":true})");
  EXPECT_TRUE(r.is_json());
  EXPECT_EQ(r.url, server.url() + "/services/data/v59.0/limits");
  EXPECT_EQ(server.request_count(), 2u);
  const ClientStats stats = client.stats();
  EXPECT_EQ(stats.requests, 2);
  EXPECT_EQ(stats.retries, 1);
  EXPECT_EQ(stats.throttled, 1);
  EXPECT_EQ(stats.transport_errors, 0);
  ASSERT_EQ(clock.sleeps().size(), 1u);
  EXPECT_LE(clock.sleeps()[0], 100ms);   // first backoff: full jitter in [0, base]
}

TEST(ClientRetry, RetryAfterSecondsIsWhatTheClientWaits) {
  HttpTestServer server(script({with_header(HttpTestReply::json(429, "[]"), "Retry-After", "7"), HttpTestReply::json(200, "{}")}));
  ManualClientClock clock;
  Client client(test_settings(), clock);
  EXPECT_EQ(client.send(get(server.url() + "/x"), nullptr).status, 200);
  EXPECT_EQ(clock.sleeps(), (std::vector<std::chrono::milliseconds>{7000ms}));
}

TEST(ClientRetry, RetryAfterHttpDateIsMeasuredFromTheWallClock) {
  // ManualClientClock starts at 2026-01-01T00:00:00Z.
  HttpTestServer server(script({with_header(HttpTestReply::text(503, "maintenance"), "Retry-After",
                                            "Thu, 01 Jan 2026 00:00:30 GMT"),
                                HttpTestReply::json(200, "{}")}));
  ManualClientClock clock;
  Client client(test_settings(), clock);
  EXPECT_EQ(client.send(get(server.url() + "/x"), nullptr).status, 200);
  EXPECT_EQ(clock.sleeps(), (std::vector<std::chrono::milliseconds>{30'000ms}));
}

TEST(ClientRetry, RetryAfterIsCappedAndGarbageFallsBackToBackoff) {
  HttpTestServer server(script({with_header(HttpTestReply::json(429, "[]"), "Retry-After", "86400"),
                                with_header(HttpTestReply::json(429, "[]"), "Retry-After", "later please"),
                                HttpTestReply::json(200, "{}")}));
  ManualClientClock clock;
  ClientSettings settings = test_settings();
  settings.retry_after_max = 60s;
  Client client(settings, clock);
  EXPECT_EQ(client.send(get(server.url() + "/x"), nullptr).status, 200);
  const auto sleeps = clock.sleeps();
  ASSERT_EQ(sleeps.size(), 2u);
  EXPECT_EQ(sleeps[0], 60'000ms);
  EXPECT_LE(sleeps[1], 200ms);   // second backoff: [0, 2 * base]
}

TEST(ClientRetry, BackoffIsFullJitterExponentialCappedAndSeedable) {
  const auto run = [](std::uint64_t seed) {
    HttpTestServer server([](const HttpTestRequest&) { return HttpTestReply::text(503, "down"); });
    ManualClientClock clock;
    ClientSettings settings = test_settings();
    settings.max_attempts = 7;
    settings.seed = seed;
    Client client(settings, clock);
    EXPECT_THROW(client.send(get(server.url() + "/x"), nullptr), Error);
    return clock.sleeps();
  };
  const auto sleeps = run(11);
  ASSERT_EQ(sleeps.size(), 6u);
  const std::vector<std::chrono::milliseconds> ceilings{100ms, 200ms, 400ms, 400ms, 400ms, 400ms};
  for (std::size_t i = 0; i < sleeps.size(); ++i) EXPECT_LE(sleeps[i], ceilings[i]) << "retry " << i;
  EXPECT_EQ(run(11), sleeps);   // same seed, same waits
  const auto others = run(12);
  EXPECT_NE(others, sleeps);    // a different seed draws differently
}

TEST(ClientRetry, ExhaustedAttemptsAreATransientErrorNamingSourceAndHostButNoSecret) {
  HttpTestServer server([](const HttpTestRequest&) { return HttpTestReply::text(503, "Service Unavailable"); });
  ManualClientClock clock;
  Client client(test_settings("salesforce"), clock);
  CountingAuth auth({"00Dxx0000001gPL!AQ4AQFs3cr3tT0k3n"});
  const Error e = expect_error([&] { client.send(get(server.url() + "/services/data/v59.0/query?q=SELECT"), &auth); });
  const std::string message = e.what();
  EXPECT_EQ(e.kind(), Error::Kind::transient);
  EXPECT_EQ(e.context().source, "salesforce");
  EXPECT_TRUE(contains(message, "salesforce: GET 127.0.0.1:" + std::to_string(server.port())));
  EXPECT_TRUE(contains(message, "HTTP 503 after 3 attempts")) << message;
  EXPECT_FALSE(contains(message, "s3cr3t")) << message;
  EXPECT_FALSE(contains(message, "q=SELECT")) << message;
  EXPECT_EQ(server.request_count(), 3u);
  EXPECT_EQ(auth.applied, 3);   // signed anew for every attempt
}

TEST(ClientRetry, FailVerdictIsReturnedAtOnce) {
  HttpTestServer server([](const HttpTestRequest&) {
    return HttpTestReply::json(400, R"([{"message":"unexpected token","errorCode":"MALFORMED_QUERY"}])");
  });
  ManualClientClock clock;
  Client client(test_settings(), clock);
  const Response r = client.send(get(server.url() + "/q"), nullptr);
  EXPECT_EQ(r.status, 400);
  EXPECT_TRUE(contains(r.body, "MALFORMED_QUERY"));
  EXPECT_EQ(server.request_count(), 1u);
  EXPECT_TRUE(clock.sleeps().empty());
}

TEST(ClientRetry, TheConnectorsClassifierDecides) {
  // A NetSuite RESTlet says "too many requests" with a 400 (api-contracts §2.5).
  HttpTestServer server(script({HttpTestReply::json(400, R"({"error":{"code":"SSS_REQUEST_LIMIT_EXCEEDED"}})"),
                                HttpTestReply::json(200, "{}")}));
  ManualClientClock clock;
  Client client(test_settings("erp"), clock);
  const Classifier restlet = [](const Response& r) {
    if (r.status == 400 && contains(r.body, "SSS_REQUEST_LIMIT_EXCEEDED")) return Verdict::retry;
    return default_verdict(r);
  };
  EXPECT_EQ(client.send(get(server.url() + "/app/site/hosting/restlet.nl"), nullptr, restlet).status, 200);
  EXPECT_EQ(server.request_count(), 2u);
}

TEST(ClientRetry, RefreshAuthInvalidatesAndReplaysOnceWithTheNewToken) {
  HttpTestServer server([](const HttpTestRequest& r) {
    if (r.header("authorization") != "Bearer fresh")
      return HttpTestReply::json(401, R"([{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}])");
    return HttpTestReply::json(200, "{}");
  });
  ManualClientClock clock;
  Client client(test_settings(), clock);
  CountingAuth auth({"expired", "fresh"});
  EXPECT_EQ(client.send(get(server.url() + "/x"), &auth).status, 200);
  EXPECT_EQ(auth.invalidated, 1);
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].header("authorization"), "Bearer expired");
  EXPECT_EQ(requests[1].header("authorization"), "Bearer fresh");
  EXPECT_EQ(client.stats().auth_refreshes, 1);
  EXPECT_TRUE(clock.sleeps().empty());   // a refresh is not a backoff
}

TEST(ClientRetry, ASecond401IsReturnedToTheCaller) {
  HttpTestServer server([](const HttpTestRequest&) { return HttpTestReply::json(401, R"([{"errorCode":"INVALID_SESSION_ID"}])"); });
  ManualClientClock clock;
  Client client(test_settings(), clock);
  CountingAuth auth({"t1", "t2", "t3"});
  const Response r = client.send(get(server.url() + "/x"), &auth);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(auth.invalidated, 1);
  EXPECT_EQ(server.request_count(), 2u);
}

TEST(ClientRetry, RefreshAuthWithoutAuthIsReturned) {
  HttpTestServer server([](const HttpTestRequest&) { return HttpTestReply::json(401, "[]"); });
  ManualClientClock clock;
  Client client(test_settings(), clock);
  EXPECT_EQ(client.send(get(server.url() + "/x"), nullptr).status, 401);
  EXPECT_EQ(server.request_count(), 1u);
}

}  // namespace
}  // namespace o2c::http::testing
