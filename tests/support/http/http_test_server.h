// tests/support/http/http_test_server.h
// A scripted local HTTP/1.1 server for tests (Boost.Beast): listens on
// 127.0.0.1 on a free port, answers every request with a handler the test
// writes, records the requests it got and the most requests it held at once.
// Optional TLS with a certificate the test passes in (see tls_identity.h).
// Keep-alive is supported. Test code only; never linked into the daemon.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "tests/support/http/tls_identity.h"

namespace o2c::test {

struct HttpTestRequest {
  std::string method;    // "GET", "POST"
  std::string target;    // path + "?" + query, as sent (still %-encoded)
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased, in order
  std::string body;

  // The first header with that name (case-insensitive), or "".
  std::string header(std::string_view name) const;
  // The target without its query string.
  std::string path() const;
};

struct HttpTestReply {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. {"Content-Type", "application/json"}
  std::string body;
  // Held this long before answering (counts as in flight), without blocking other connections.
  std::chrono::milliseconds delay{0};
  // Close the connection after reading the request, without a single byte of answer.
  bool close_without_answer = false;
  // Send the headers (with the full Content-Length) and only this many body bytes, then close.
  std::optional<std::size_t> truncate_body_at;
  // Send the body with Transfer-Encoding: chunked instead of a Content-Length.
  bool chunked = false;

  static HttpTestReply json(int status, std::string body);
  static HttpTestReply text(int status, std::string body, std::string content_type = "text/plain");
};

class HttpTestServer {
 public:
  using Handler = std::function<HttpTestReply(const HttpTestRequest&)>;

  // Starts listening at once. The handler runs on the server's threads (may be
  // called concurrently; must not block: use HttpTestReply::delay to hold an answer).
  explicit HttpTestServer(Handler handler, std::optional<TlsIdentity> tls = std::nullopt,
                          int threads = 4);
  ~HttpTestServer();   // stops accepting, drops open connections, joins its threads
  HttpTestServer(const HttpTestServer&) = delete;
  HttpTestServer& operator=(const HttpTestServer&) = delete;

  int port() const;
  // "http://127.0.0.1:PORT" (or https:// with TLS), no trailing slash.
  std::string url() const;

  void set_handler(Handler handler);          // replaces the handler for the next requests
  std::vector<HttpTestRequest> requests() const;   // every request read so far, in arrival order
  std::size_t request_count() const;
  int max_in_flight() const;                   // most requests between "read" and "answer started" at once
  std::size_t connections_accepted() const;    // TCP connections (keep-alive reuses one)
  void clear();                                // forgets requests, max in-flight and connection count

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace o2c::test
