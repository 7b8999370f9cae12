// connectors/http/client_limits.h — the gates every attempt of a Client
// passes (internal to connectors/http): the start-rate limit, the
// concurrency limit and the circuit breaker. Time comes from a ClientClock.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>

#include "connectors/http/client_clock.h"

namespace o2c::http {

// Spaces request starts at least 1/rate apart (a token bucket of depth one).
class RateLimiter {
 public:
  RateLimiter(double per_second, ClientClock& clock);
  // Waits (through the clock) for this caller's start slot; returns the wait.
  std::chrono::milliseconds acquire();

 private:
  ClientClock& clock_;
  std::chrono::nanoseconds interval_{0};   // 0 = unlimited
  std::mutex mutex_;
  std::optional<std::chrono::steady_clock::time_point> next_slot_;
};

// A counting semaphore: at most `limit` holders at once.
class ConcurrencyGate {
 public:
  explicit ConcurrencyGate(int limit);
  class Permit {
   public:
    explicit Permit(ConcurrencyGate& gate);
    ~Permit();
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;

   private:
    ConcurrencyGate& gate_;
  };

 private:
  std::mutex mutex_;
  std::condition_variable freed_;
  int available_;
};

// Opens after `threshold` consecutive failed attempts and refuses attempts
// until `cooldown` has passed; then lets attempts through again (half-open):
// one more failure re-opens it at once, one success closes it.
class CircuitBreaker {
 public:
  CircuitBreaker(int threshold, std::chrono::milliseconds cooldown, ClientClock& clock);
  // How long it stays open, or nullopt when an attempt may go.
  std::optional<std::chrono::milliseconds> open_for();
  void record_success();
  bool record_failure();   // true when this failure opened the breaker
  int consecutive_failures() const;

 private:
  int threshold_;
  std::chrono::milliseconds cooldown_;
  ClientClock& clock_;
  mutable std::mutex mutex_;
  int failures_ = 0;
  std::optional<std::chrono::steady_clock::time_point> open_until_;
};

}  // namespace o2c::http
