// Shared bits of the connectors/http tests: settings that never wait for
// real (backoff through a ManualClientClock), a closed port, error checks.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "connectors/http/http.h"
#include "core/error.h"
#include "tests/support/http/http_test_server.h"

namespace o2c::http::testing {

using namespace std::chrono_literals;
using test::HttpTestReply;
using test::HttpTestRequest;
using test::HttpTestServer;

inline ClientSettings test_settings(std::string source = "salesforce") {
  ClientSettings s;
  s.source = std::move(source);
  s.max_attempts = 3;
  s.backoff_base = 100ms;
  s.backoff_max = 400ms;
  s.timeout = 20s;
  s.connect_timeout = 10s;
  s.breaker_threshold = 0;
  s.seed = 7;
  return s;
}

inline Request get(const std::string& url) {
  Request r;
  r.url = url;
  return r;
}

// A port nothing listens on: a server that has just been stopped.
inline int closed_port() {
  HttpTestServer server([](const HttpTestRequest&) { return HttpTestReply{}; });
  return server.port();
}

// Runs `f`, expects an o2c::Error and returns it.
inline Error expect_error(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e;
  }
  ADD_FAILURE() << "no o2c::Error thrown";
  return Error(Error::Kind::internal, "none");
}

inline bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

inline std::string form_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '+') out += ' ';
    else if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else out += s[i];
  }
  return out;
}

// application/x-www-form-urlencoded fields, decoded independently of the code under test.
inline std::map<std::string, std::string> form_fields(const std::string& body) {
  std::map<std::string, std::string> fields;
  std::size_t start = 0;
  while (start <= body.size()) {
    const auto end = std::min(body.find('&', start), body.size());
    const std::string pair = body.substr(start, end - start);
    const auto eq = pair.find('=');
    if (!pair.empty()) fields[form_decode(pair.substr(0, eq))] = eq == std::string::npos ? "" : form_decode(pair.substr(eq + 1));
    start = end + 1;
  }
  return fields;
}

// Signs every attempt with "Bearer <token>" where token is tokens[generation];
// invalidate() moves to the next generation.
class CountingAuth final : public Auth {
 public:
  explicit CountingAuth(std::vector<std::string> tokens) : tokens_(std::move(tokens)) {}
  void apply(Request& request) override {
    ++applied;
    set_header(request, "Authorization", "Bearer " + tokens_.at(generation));
  }
  void invalidate(const Request&) override {
    ++invalidated;
    if (generation + 1 < tokens_.size()) ++generation;
  }
  int applied = 0;
  int invalidated = 0;
  std::size_t generation = 0;

 private:
  std::vector<std::string> tokens_;
};

}  // namespace o2c::http::testing
