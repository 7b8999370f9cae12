// Client: the one retry loop (STYLE.md 2.3). Each attempt is signed anew,
// passes the breaker, the rate limit and a concurrency slot, then goes out
// through libcurl; the caller's classifier decides what the answer means.
#include <algorithm>
#include <atomic>
#include <mutex>
#include <random>

#include <fmt/format.h>
#include <spdlog/logger.h>

#include "connectors/http/client_limits.h"
#include "connectors/http/curl_transfer.h"
#include "connectors/http/http.h"
#include "connectors/http/url.h"
#include "core/error.h"
#include "core/log.h"

namespace o2c::http {

namespace {

using std::chrono::milliseconds;

SystemClientClock& system_client_clock() {
  static SystemClientClock clock;   // stateless
  return clock;
}

std::uint64_t initial_seed(std::uint64_t configured) {
  if (configured != 0) return configured;
  std::random_device device;
  return (static_cast<std::uint64_t>(device()) << 32) ^ device();
}

// "salesforce: GET 127.0.0.1:8443/services/data/v59.0/query" (no query string, no secrets).
std::string describe(const ClientSettings& settings, const Request& request, const UrlParts& url) {
  return fmt::format("{}: {} {}{}", settings.source.empty() ? "http" : settings.source, request.method,
                     url.host_port(), url.path);
}

}  // namespace

struct Client::Impl {
  Impl(ClientSettings s, ClientClock& c)
      : settings(std::move(s)),
        clock(c),
        log(logger("http." + (settings.source.empty() ? std::string("client") : settings.source))),
        transfer(settings),
        rate(settings.rate_per_second, clock),
        gate(settings.max_concurrency),
        breaker(settings.breaker_threshold, settings.breaker_cooldown, clock),
        random(initial_seed(settings.seed)) {}

  ClientSettings settings;
  ClientClock& clock;
  std::shared_ptr<spdlog::logger> log;
  CurlTransfer transfer;
  RateLimiter rate;
  ConcurrencyGate gate;
  CircuitBreaker breaker;
  std::mutex random_mutex;
  std::mt19937_64 random;
  std::atomic<long> requests{0}, retries{0}, throttled{0}, transport_errors{0}, auth_refreshes{0},
      breaker_rejections{0};

  ErrorContext context() const {
    ErrorContext ctx;
    ctx.source = settings.source;
    return ctx;
  }

  // Full jitter: uniform in [0, min(max, base * 2^(failures-1))].
  milliseconds backoff(int failures) {
    const auto base = settings.backoff_base.count();
    const auto cap = std::max<long long>(0, settings.backoff_max.count());
    long long ceiling = base;
    for (int i = 1; i < failures && ceiling < cap; ++i) ceiling *= 2;
    ceiling = std::clamp<long long>(ceiling, 0, cap);
    std::lock_guard lock(random_mutex);
    return milliseconds{std::uniform_int_distribution<long long>(0, ceiling)(random)};
  }

  milliseconds retry_wait(const Response& response, int failures) {
    if (const auto value = response.header("retry-after"); !value.empty())
      if (const auto asked = parse_retry_after(value, clock.wall_now()))
        return std::min(*asked, settings.retry_after_max);
    return backoff(failures);
  }

  // Slot first, then the start time: spacing then holds for real starts even
  // when callers queued for a slot (the other order lets them start in a burst).
  TransferOutcome attempt(const Request& request) {
    ConcurrencyGate::Permit permit(gate);
    rate.acquire();
    ++requests;
    return transfer.perform(request);
  }

  void check_breaker(const std::string& where, const std::string& last_cause) {
    if (const auto open = breaker.open_for()) {
      ++breaker_rejections;
      throw Error(Error::Kind::transient,
                  fmt::format("{}: breaker open after {} consecutive failed attempts{}; not sending for another {} ms "
                              "— the remote system looks down",
                              where, breaker.consecutive_failures(),
                              last_cause.empty() ? "" : " (last: " + last_cause + ")", open->count()),
                  context());
    }
  }

  void record_failure(const UrlParts& url, const std::string& cause) {
    if (breaker.record_failure())
      log->warn("breaker open host={} failures={} cooldown_ms={} cause=\"{}\"", url.host_port(),
                breaker.consecutive_failures(), settings.breaker_cooldown.count(), cause);
  }

  [[noreturn]] void fail_on_transport(const TransportFailure& f, const std::string& where, const UrlParts& url) {
    using K = TransportFailure::Kind;
    const ErrorContext ctx = context();
    switch (f.kind) {
      case K::tls_untrusted:
        throw Error(Error::Kind::config,
                    fmt::format("{}: TLS certificate of host {} not trusted: {} — {}", where, url.host, f.cause, f.hint),
                    ctx);
      case K::ca_file:
      case K::unusable:
        throw Error(Error::Kind::config, fmt::format("{}: {} — {}", where, f.cause, f.hint), ctx);
      case K::too_large:
        throw Error(Error::Kind::remote,
                    fmt::format("{}: {} ({} bytes) — {}", where, f.cause, settings.max_response_bytes, f.hint), ctx);
      default:
        throw Error(Error::Kind::transient, fmt::format("{}: {} — {}", where, f.cause, f.hint), ctx);
    }
  }

  // One send() call: what it is about and how it went so far.
  struct SendState {
    SendState(const Request& r, Auth* a, UrlParts u) : request(r), auth(a), url(std::move(u)) {}
    const Request& request;
    Auth* auth;
    UrlParts url;
    std::string where;    // "source: METHOD host:port/path", the head of every message
    int attempt = 0;
    int failures = 0;     // attempts that ended in a retry verdict or a transport error
    bool refreshed = false;
    std::string cause;    // of the last failure
  };

  void refresh_auth(SendState& st, const Request& signed_request, const Response& response) {
    breaker.record_success();   // the server answered
    st.refreshed = true;
    ++auth_refreshes;
    log->info("auth refresh method={} host={} path={} status={}", st.request.method, st.url.host_port(), st.url.path,
              response.status);
    st.auth->invalidate(signed_request);
  }

  // A retry verdict: the wait before the next attempt, or Error(transient) when attempts are used up.
  milliseconds after_retry_verdict(SendState& st, const Response& response) {
    ++throttled;
    ++st.failures;
    st.cause = fmt::format("HTTP {}", response.status);
    record_failure(st.url, st.cause);
    if (st.failures >= std::max(1, settings.max_attempts)) {
      // A 2xx that the connector sent back for another try was unusable
      // (an HTML page, a body cut short): say what came instead.
      if (response.status >= 200 && response.status < 300)
        throw Error(Error::Kind::transient,
                    fmt::format("{}: HTTP {} with Content-Type '{}' after {} attempts — the answer was not usable "
                                "(first bytes: {}); check the url",
                                st.where, response.status, response.header("content-type"), st.failures,
                                response.excerpt()),
                    context());
      throw Error(Error::Kind::transient,
                  fmt::format("{}: HTTP {} after {} attempts — the server keeps asking to retry later", st.where,
                              response.status, st.failures),
                  context());
    }
    return retry_wait(response, st.failures);
  }

  // No answer: the wait before the next attempt, or the Error this failure means.
  milliseconds after_transport_failure(SendState& st, const TransportFailure& f) {
    ++transport_errors;
    ++st.failures;
    st.cause = f.cause;
    record_failure(st.url, st.cause);
    if (!retryable(f, st.request)) fail_on_transport(f, st.where, st.url);
    if (st.failures >= std::max(1, settings.max_attempts))
      throw Error(Error::Kind::transient,
                  fmt::format("{}: {} after {} attempts — {}", st.where, f.cause, st.failures, f.hint), context());
    return backoff(st.failures);
  }

  static bool retryable(const TransportFailure& f, const Request& request) {
    using K = TransportFailure::Kind;
    return f.kind == K::retryable_unsent || (f.kind == K::retryable && request.idempotent);
  }

  void log_attempt(const Request& r, const UrlParts& url, int attempt, const TransferOutcome& outcome,
                   std::chrono::steady_clock::time_point started) {
    const auto ms =
        std::chrono::duration_cast<milliseconds>(std::chrono::steady_clock::now() - started).count();
    if (outcome.response)
      // No body excerpt: a token endpoint may echo credentials, and only the connector knows its bodies.
      log->debug("request method={} host={} path={} status={} ms={} attempt={}", r.method, url.host_port(), url.path,
                 outcome.response->status, ms, attempt);
    else
      log->debug("request method={} host={} path={} status=none ms={} attempt={} cause=\"{}\"", r.method,
                 url.host_port(), url.path, ms, attempt, outcome.failure.cause);
  }
};

Client::Client(ClientSettings settings) : Client(std::move(settings), system_client_clock()) {}

Client::Client(ClientSettings settings, ClientClock& clock)
    : impl_(std::make_unique<Impl>(std::move(settings), clock)) {}

Client::~Client() = default;

const ClientSettings& Client::settings() const { return impl_->settings; }

ClientStats Client::stats() const {
  return ClientStats{impl_->requests.load(),       impl_->retries.load(),        impl_->throttled.load(),
                     impl_->transport_errors.load(), impl_->auth_refreshes.load(), impl_->breaker_rejections.load()};
}

Response Client::send(const Request& request, Auth* auth, const Classifier& classify) {
  Impl& m = *impl_;
  Impl::SendState st(request, auth, split_url(request.url));   // Error(config) on a bad URL, before sending
  st.where = describe(m.settings, request, st.url);
  for (st.attempt = 1;; ++st.attempt) {
    m.check_breaker(st.where, st.cause);
    Request signed_request = request;
    if (auth != nullptr) auth->apply(signed_request);
    const auto started = std::chrono::steady_clock::now();
    TransferOutcome outcome = m.attempt(signed_request);
    m.log_attempt(request, st.url, st.attempt, outcome, started);

    milliseconds wait{0};
    if (outcome.response) {
      const Verdict verdict = classify(*outcome.response);
      if (verdict == Verdict::refresh_auth && auth != nullptr && !st.refreshed) {
        m.refresh_auth(st, signed_request, *outcome.response);
        continue;
      }
      if (verdict != Verdict::retry) {
        m.breaker.record_success();
        return std::move(*outcome.response);
      }
      wait = m.after_retry_verdict(st, *outcome.response);
    } else {
      wait = m.after_transport_failure(st, outcome.failure);
    }
    m.check_breaker(st.where, st.cause);   // opened by this failure: fail now rather than after the wait
    ++m.retries;
    m.log->warn("retry method={} host={} path={} attempt={} cause=\"{}\" wait_ms={}", request.method,
                st.url.host_port(), st.url.path, st.attempt, st.cause, wait.count());
    m.clock.sleep_for(wait);
  }
}

}  // namespace o2c::http
