// The scripted test server itself (tests/support/http), driven by http::Client:
// what it records, handler swaps, clear().
#include "tests/unit/connectors/http/http_client_test_support.h"

namespace o2c::http::testing {
namespace {

TEST(HttpTestServer, RecordsMethodTargetHeadersAndBody) {
  HttpTestServer server([](const HttpTestRequest& r) { return HttpTestReply::json(201, R"({"echo":")" + r.path() + "\"}"); });
  Client client(test_settings());
  Request request;
  request.method = "POST";
  request.url = server.url() + "/a/b?x=1&y=%20";
  request.headers = {{"X-Custom", "Value"}};
  request.body = "payload";
  const Response r = client.send(request, nullptr);
  EXPECT_EQ(r.status, 201);
  EXPECT_EQ(r.body, R"({"echo":"/a/b"})");
  const HttpTestRequest recorded = server.requests().at(0);
  EXPECT_EQ(recorded.method, "POST");
  EXPECT_EQ(recorded.target, "/a/b?x=1&y=%20");
  EXPECT_EQ(recorded.path(), "/a/b");
  EXPECT_EQ(recorded.header("x-custom"), "Value");
  EXPECT_EQ(recorded.header("X-CUSTOM"), "Value");
  EXPECT_EQ(recorded.header("x-absent"), "");
  EXPECT_EQ(recorded.body, "payload");
  EXPECT_TRUE(server.url().starts_with("http://127.0.0.1:"));
}

TEST(HttpTestServer, SetHandlerAndClear) {
  HttpTestServer server([](const HttpTestRequest&) { return HttpTestReply::text(200, "one"); });
  Client client(test_settings());
  EXPECT_EQ(client.send(get(server.url() + "/"), nullptr).body, "one");
  server.set_handler([](const HttpTestRequest&) { return HttpTestReply::text(200, "two"); });
  EXPECT_EQ(client.send(get(server.url() + "/"), nullptr).body, "two");
  EXPECT_EQ(server.request_count(), 2u);
  EXPECT_EQ(server.max_in_flight(), 1);
  server.clear();
  EXPECT_EQ(server.request_count(), 0u);
  EXPECT_EQ(server.max_in_flight(), 0);
  EXPECT_EQ(server.connections_accepted(), 0u);
}

TEST(HttpTestServer, AThrowingHandlerBecomesA500) {
  HttpTestServer server([](const HttpTestRequest&) -> HttpTestReply { throw std::runtime_error("boom"); });
  ClientSettings settings = test_settings();
  settings.max_attempts = 1;
  Client client(settings);
  const Response r = client.send(get(server.url() + "/"), nullptr, [](const Response&) { return Verdict::fail; });
  EXPECT_EQ(r.status, 500);
  EXPECT_TRUE(contains(r.body, "boom"));
}

}  // namespace
}  // namespace o2c::http::testing
