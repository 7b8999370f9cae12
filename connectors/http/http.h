// connectors/http/http.h
// connectors/http — the one HTTP client every connector uses (libcurl):
// timeouts, TLS verification always on, redirects never followed, retry with
// jittered exponential backoff honouring Retry-After, per-source concurrency
// and rate limits, a circuit breaker, request counts; and the auth schemes
// (auth.h): OAuth 2.0 (client credentials, JWT bearer RS256) and OAuth 1.0a
// TBA (HMAC-SHA256). It never parses a system's payloads: a connector only
// *classifies* an answer (STYLE.md 2.3) and the retry loop lives here, once.
// Never logs a secret or a whole body. Called by connectors/<system>/.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "connectors/http/client_clock.h"

namespace o2c::http {

struct Header {
  std::string name;    // lower-case in responses
  std::string value;
};

struct Request {
  std::string method = "GET";
  std::string url;                     // absolute, already encoded (see url.h)
  std::vector<Header> headers;
  std::string body;
  // false for a request that creates something (a portal submission): a
  // transport error after the request may have reached the server is then not
  // retried (only "could not connect/resolve" is). Retry verdicts still are.
  bool idempotent = true;
};

// Replaces every header of that name (case-insensitive) by one `name: value`.
void set_header(Request& request, std::string_view name, std::string value);

struct Response {
  int status = 0;
  std::vector<Header> headers;         // names lower-cased
  std::string body;
  std::string url;                     // the request URL (for messages; never carries secrets)
  // First header with that name (case-insensitive), or "".
  std::string_view header(std::string_view name) const;
  bool is_json() const;                // Content-Type application/json or +json
  // At most 200 bytes of the body, control characters replaced: for messages.
  std::string excerpt() const;
};

// What a connector makes of an answer.
enum class Verdict {
  ok,            // hand the response to the connector
  retry,         // throttled / transient: back off (Retry-After if given) and send again
  refresh_auth,  // credentials expired: Auth::invalidate(), then send again (once per request)
  fail,          // permanent: hand the response back; the connector throws with its own message
};
using Classifier = std::function<Verdict(const Response&)>;

// Default classification: 2xx ok; 408/429/5xx retry; 401 refresh_auth; else fail
// (a 3xx too: redirects are never followed).
Verdict default_verdict(const Response& response);

// Signs requests. Implementations may fetch tokens through the same Client.
class Auth {
 public:
  virtual ~Auth() = default;
  virtual void apply(Request& request) = 0;   // sets the Authorization header
  // `rejected` (as signed by apply()) got a refresh_auth verdict: drop the
  // cached credentials if they are the ones it carried (so N requests failing
  // together with the same expired token cause one refresh, not N).
  virtual void invalidate(const Request& rejected) { (void)rejected; }
};

struct ClientSettings {
  std::string source;                          // configured source name, for logs and errors
  int max_concurrency = 4;                     // requests in flight at once
  double rate_per_second = 0;                  // request starts per second; 0 = unlimited
  std::chrono::milliseconds timeout{60'000};   // whole request
  std::chrono::milliseconds connect_timeout{10'000};
  int max_attempts = 5;                        // per request, first try included
  std::chrono::milliseconds backoff_base{250};
  std::chrono::milliseconds backoff_max{30'000};
  std::chrono::milliseconds retry_after_max{300'000};   // a longer Retry-After is cut to this
  std::size_t max_response_bytes = 512u << 20;
  int breaker_threshold = 20;                  // consecutive failed attempts that open the breaker; 0 = off
  std::chrono::milliseconds breaker_cooldown{30'000};
  std::string ca_file;                         // CA bundle trusted instead of the system store ("" = system)
  std::uint64_t seed = 0;                      // backoff jitter; 0 = seeded from std::random_device
};

struct ClientStats {
  long requests = 0;          // attempts that got an HTTP answer or a transport error
  long retries = 0;           // attempts repeated after a retry verdict or transport error
  long throttled = 0;         // retry verdicts (429, 503, ...)
  long transport_errors = 0;  // refused, DNS, reset, timeout, partial transfer, ...
  long auth_refreshes = 0;    // refresh_auth verdicts that led to a replay
  long breaker_rejections = 0;  // sends refused at once because the breaker was open
};

// Thread-safe: several threads may send at once (bounded by max_concurrency).
class Client {
 public:
  explicit Client(ClientSettings settings);   // real time (SystemClientClock)
  Client(ClientSettings settings, ClientClock& clock);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Sends `request`, signed by `auth` (may be null) before every attempt.
  // Returns the response once `classify` says ok or fail (the caller looks at
  // the status again for fail), or after a second refresh_auth for the same
  // request. Each attempt first waits for the rate limit and a concurrency
  // slot (signing happens before, so a token fetch never waits behind its own
  // caller's slot). Throws o2c::Error:
  //  - transient: attempts exhausted on retry verdicts or transport errors
  //    (connection refused, DNS, timeout, reset), or the breaker is open;
  //    the message names the source, method, host:port, path and last cause;
  //  - config: the URL is not an absolute http(s) URL; TLS verification
  //    failure (names the host and what to check); unreadable ca_file;
  //  - remote: the response is larger than max_response_bytes.
  Response send(const Request& request, Auth* auth, const Classifier& classify = default_verdict);

  ClientStats stats() const;
  const ClientSettings& settings() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The wait a Retry-After value asks for (delta-seconds or an HTTP-date; a date
// in the past gives 0), or nullopt when the value is neither.
std::optional<std::chrono::milliseconds> parse_retry_after(std::string_view value,
                                                           std::chrono::system_clock::time_point now);

}  // namespace o2c::http
