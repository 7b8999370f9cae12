// http::Client on the wire: transport errors, dropped connections, redirects,
// the response size cap, keep-alive, what a request carries.
#include <atomic>

#include <zlib.h>

#include "tests/unit/connectors/http/http_client_test_support.h"

namespace o2c::http::testing {
namespace {

std::string gzip(const std::string& text) {
  z_stream z{};
  EXPECT_EQ(deflateInit2(&z, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY), Z_OK);   // +16: gzip wrapper
  std::string out(deflateBound(&z, text.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  z.avail_in = static_cast<uInt>(text.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&z, Z_FINISH), Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST(ClientTransport, ConnectionRefusedIsTransientNamingHostAndPortAfterRetries) {
  const int port = closed_port();
  ManualClientClock clock;
  Client client(test_settings("salesforce"), clock);
  const Error e = expect_error([&] { client.send(get("http://127.0.0.1:" + std::to_string(port) + "/x"), nullptr); });
  const std::string message = e.what();
  EXPECT_EQ(e.kind(), Error::Kind::transient);
  EXPECT_TRUE(contains(message, "salesforce: GET 127.0.0.1:" + std::to_string(port) + "/x: connection refused after 3 attempts"))
      << message;
  EXPECT_TRUE(contains(message, "check that the host is reachable")) << message;
  EXPECT_EQ(client.stats().transport_errors, 3);
  EXPECT_EQ(clock.sleeps().size(), 2u);
}

TEST(ClientTransport, UnresolvableHostIsTransientNamingTheHost) {
  ManualClientClock clock;
  ClientSettings settings = test_settings("erp");
  settings.max_attempts = 1;
  Client client(settings, clock);
  const Error e = expect_error([&] { client.send(get("http://no-such-host.invalid/x"), nullptr); });
  EXPECT_EQ(e.kind(), Error::Kind::transient);
  EXPECT_TRUE(contains(e.what(), "erp: GET no-such-host.invalid:80/x: cannot resolve the host name")) << e.what();
}

TEST(ClientTransport, AConnectionDroppedMidResponseIsRetried) {
  std::atomic<int> calls{0};
  HttpTestServer server([&](const HttpTestRequest&) {
    auto reply = HttpTestReply::json(200, R"({"records":[1,2,3,4,5,6,7,8,9]})");
    if (calls++ == 0) reply.truncate_body_at = 10;
    return reply;
  });
  ManualClientClock clock;
  Client client(test_settings(), clock);
  const Response r = client.send(get(server.url() + "/x"), nullptr);
  EXPECT_EQ(r.body, R"({"records":[1,2,3,4,5,6,7,8,9]})");
  EXPECT_EQ(server.request_count(), 2u);
  EXPECT_EQ(client.stats().transport_errors, 1);
  EXPECT_EQ(client.stats().retries, 1);
}

TEST(ClientTransport, AConnectionClosedWithoutAnswerIsRetried) {
  std::atomic<int> calls{0};
  HttpTestServer server([&](const HttpTestRequest&) {
    HttpTestReply reply = HttpTestReply::json(200, "{}");
    reply.close_without_answer = calls++ == 0;
    return reply;
  });
  ManualClientClock clock;
  Client client(test_settings(), clock);
  EXPECT_EQ(client.send(get(server.url() + "/x"), nullptr).status, 200);
  EXPECT_EQ(server.request_count(), 2u);
}

TEST(ClientTransport, ANonIdempotentRequestIsNotResentAfterItMayHaveArrived) {
  HttpTestServer server([](const HttpTestRequest&) {
    HttpTestReply reply;
    reply.close_without_answer = true;
    return reply;
  });
  ManualClientClock clock;
  Client client(test_settings("coupa"), clock);
  Request submit;
  submit.method = "POST";
  submit.url = server.url() + "/api/invoices";
  submit.body = "<invoice/>";
  submit.idempotent = false;
  const Error e = expect_error([&] { client.send(submit, nullptr); });
  EXPECT_EQ(e.kind(), Error::Kind::transient);
  EXPECT_EQ(server.request_count(), 1u);
}

TEST(ClientTransport, ANonIdempotentRequestOnAReusedConnectionIsNotResentByLibcurl) {
  // libcurl itself retries a request whose reused keep-alive connection closed
  // before any answer; a submission must not be sent twice that way.
  std::atomic<int> posts{0};
  HttpTestServer server([&](const HttpTestRequest& r) {
    HttpTestReply reply = HttpTestReply::json(200, "{}");
    if (r.method == "POST") reply.close_without_answer = posts++ == 0;
    return reply;
  });
  ManualClientClock clock;
  Client client(test_settings("coupa"), clock);
  EXPECT_EQ(client.send(get(server.url() + "/api/invoices?invoice-number=1"), nullptr).status, 200);
  Request submit;
  submit.method = "POST";
  submit.url = server.url() + "/api/invoices";
  submit.body = "{}";
  submit.idempotent = false;
  const Error e = expect_error([&] { client.send(submit, nullptr); });
  EXPECT_EQ(e.kind(), Error::Kind::transient);
  EXPECT_EQ(posts.load(), 1);
}

TEST(ClientTransport, ANonIdempotentRequestIsRetriedWhenItCouldNotConnect) {
  const int port = closed_port();
  ManualClientClock clock;
  Client client(test_settings("coupa"), clock);
  Request submit;
  submit.method = "POST";
  submit.url = "http://127.0.0.1:" + std::to_string(port) + "/api/invoices";
  submit.idempotent = false;
  const Error e = expect_error([&] { client.send(submit, nullptr); });
  EXPECT_TRUE(contains(e.what(), "after 3 attempts")) << e.what();
}

TEST(ClientTransport, RedirectsAreHandedToTheClassifierNotFollowed) {
  HttpTestServer server([](const HttpTestRequest& r) {
    if (r.path() == "/services/oauth2/token")
      return HttpTestReply{302, {{"Location", "/elsewhere"}}, "", 0ms, false, std::nullopt, false};
    return HttpTestReply::json(200, "{}");
  });
  ManualClientClock clock;
  Client client(test_settings(), clock);
  const Response r = client.send(get(server.url() + "/services/oauth2/token"), nullptr);
  EXPECT_EQ(r.status, 302);
  EXPECT_EQ(r.header("location"), "/elsewhere");
  ASSERT_EQ(server.request_count(), 1u);
  EXPECT_EQ(server.requests()[0].path(), "/services/oauth2/token");
}

TEST(ClientTransport, AnAnswerLargerThanTheCapIsARemoteErrorAndNotRetried) {
  for (const bool chunked : {false, true}) {
    HttpTestServer server([&](const HttpTestRequest&) {
      auto reply = HttpTestReply::json(200, "[" + std::string(5000, ' ') + "]");
      reply.chunked = chunked;
      return reply;
    });
    ManualClientClock clock;
    ClientSettings settings = test_settings();
    settings.max_response_bytes = 1000;
    Client client(settings, clock);
    const Error e = expect_error([&] { client.send(get(server.url() + "/big"), nullptr); });
    EXPECT_EQ(e.kind(), Error::Kind::remote) << e.what();
    EXPECT_TRUE(contains(e.what(), "max_response_bytes")) << e.what();
    EXPECT_EQ(server.request_count(), 1u) << "chunked=" << chunked;
  }
}

TEST(ClientTransport, AnAnswerAtTheCapIsAccepted) {
  HttpTestServer server([](const HttpTestRequest&) { return HttpTestReply::text(200, std::string(1000, 'x')); });
  ClientSettings settings = test_settings();
  settings.max_response_bytes = 1000;
  Client client(settings);
  EXPECT_EQ(client.send(get(server.url() + "/big"), nullptr).body.size(), 1000u);
}

TEST(ClientTransport, GzipAnswersAreDecodedAndTheCapAppliesToTheDecodedSize) {
  const std::string json = "[" + std::string(3000, ' ') + "]";
  HttpTestServer server([&](const HttpTestRequest& r) {
    auto reply = HttpTestReply::json(200, gzip(json));
    if (contains(r.header("accept-encoding"), "gzip")) reply.headers.emplace_back("Content-Encoding", "gzip");
    return reply;
  });
  ClientSettings settings = test_settings();
  Client client(settings);
  EXPECT_EQ(client.send(get(server.url() + "/x"), nullptr).body, json);
  settings.max_response_bytes = 1000;   // the compressed body is far smaller than that
  Client capped(settings);
  EXPECT_EQ(expect_error([&] { capped.send(get(server.url() + "/x"), nullptr); }).kind(), Error::Kind::remote);
}

TEST(ClientTransport, SequentialRequestsReuseOneConnection) {
  HttpTestServer server([](const HttpTestRequest&) { return HttpTestReply::json(200, "{}"); });
  Client client(test_settings());
  for (int i = 0; i < 5; ++i) EXPECT_EQ(client.send(get(server.url() + "/page"), nullptr).status, 200);
  EXPECT_EQ(server.request_count(), 5u);
  EXPECT_EQ(server.connections_accepted(), 1u);
}

TEST(ClientTransport, MethodHeadersAndBodyArriveAsSent) {
  HttpTestServer server([](const HttpTestRequest&) { return HttpTestReply::json(200, R"({"items":[]})"); });
  Client client(test_settings("erp"));
  Request request;
  request.method = "POST";
  request.url = server.url() + "/services/rest/query/v1/suiteql?limit=1000&offset=0";
  request.headers = {{"Content-Type", "application/json"}, {"Prefer", "transient"}};
  request.body = R"({"q":"SELECT id FROM transaction"})" + std::string(4000, ' ');
  EXPECT_EQ(client.send(request, nullptr).status, 200);
  const auto recorded = server.requests().at(0);
  EXPECT_EQ(recorded.method, "POST");
  EXPECT_EQ(recorded.target, "/services/rest/query/v1/suiteql?limit=1000&offset=0");
  EXPECT_EQ(recorded.header("prefer"), "transient");
  EXPECT_EQ(recorded.header("content-type"), "application/json");
  EXPECT_EQ(recorded.header("expect"), "");
  EXPECT_TRUE(contains(recorded.header("accept-encoding"), "gzip"));
  EXPECT_EQ(recorded.body, request.body);
}

TEST(ClientTransport, OtherMethodsCarryTheirBody) {
  HttpTestServer server([](const HttpTestRequest&) { return HttpTestReply::json(200, "{}"); });
  Client client(test_settings());
  for (const std::string method : {"PATCH", "PUT", "DELETE"}) {
    Request request;
    request.method = method;
    request.url = server.url() + "/r";
    request.body = method == "DELETE" ? "" : R"({"a":1})";
    EXPECT_EQ(client.send(request, nullptr).status, 200);
  }
  const auto requests = server.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].method, "PATCH");
  EXPECT_EQ(requests[0].body, R"({"a":1})");
  EXPECT_EQ(requests[1].method, "PUT");
  EXPECT_EQ(requests[2].method, "DELETE");
  EXPECT_EQ(requests[2].body, "");
}

TEST(ClientTransport, ResponseHeaderNamesAreLowerCased) {
  HttpTestServer server([](const HttpTestRequest&) {
    auto reply = HttpTestReply::json(200, "{}");
    reply.headers.emplace_back("Sforce-Limit-Info", "api-usage=18/5000");
    return reply;
  });
  Client client(test_settings());
  const Response r = client.send(get(server.url() + "/x"), nullptr);
  EXPECT_EQ(r.header("Sforce-Limit-Info"), "api-usage=18/5000");
  bool lower = false;
  for (const auto& h : r.headers) lower = lower || h.name == "sforce-limit-info";
  EXPECT_TRUE(lower);
}

TEST(ClientTransport, ABadUrlIsAConfigErrorAndNothingIsSent) {
  Client client(test_settings());
  const Error e = expect_error([&] { client.send(get("acme.my.salesforce.com/services"), nullptr); });
  EXPECT_EQ(e.kind(), Error::Kind::config);
  EXPECT_TRUE(contains(e.what(), "'acme.my.salesforce.com/services'")) << e.what();
  EXPECT_EQ(client.stats().requests, 0);
}

}  // namespace
}  // namespace o2c::http::testing
