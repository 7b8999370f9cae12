// connectors/http/client_clock.h — how the HTTP client tells time and waits:
// a monotonic clock (rate limit, circuit breaker), the wall clock (Retry-After
// HTTP-dates) and sleeping (backoff, rate spacing). The daemon uses the
// system one; tests pass a ManualClientClock so backoff never really waits.
#pragma once

#include <chrono>
#include <mutex>
#include <vector>

#include "core/time.h"

namespace o2c::http {

class ClientClock {
 public:
  virtual ~ClientClock() = default;
  virtual std::chrono::steady_clock::time_point monotonic_now() = 0;
  virtual Timestamp wall_now() = 0;
  virtual void sleep_for(std::chrono::milliseconds duration) = 0;
};

class SystemClientClock final : public ClientClock {
 public:
  std::chrono::steady_clock::time_point monotonic_now() override;
  Timestamp wall_now() override;
  void sleep_for(std::chrono::milliseconds duration) override;
};

// Virtual time: sleep_for() returns at once, records the wait and moves both
// clocks forward by it. Thread-safe.
class ManualClientClock final : public ClientClock {
 public:
  explicit ManualClientClock(Timestamp wall_start = Timestamp{std::chrono::milliseconds{1'767'225'600'000}});
  std::chrono::steady_clock::time_point monotonic_now() override;
  Timestamp wall_now() override;
  void sleep_for(std::chrono::milliseconds duration) override;

  void advance(std::chrono::milliseconds duration);   // time passes without anyone sleeping
  std::vector<std::chrono::milliseconds> sleeps() const;   // every sleep_for() so far, in order
  std::chrono::milliseconds total_slept() const;

 private:
  mutable std::mutex mutex_;
  std::chrono::milliseconds elapsed_{0};
  Timestamp wall_start_;
  std::vector<std::chrono::milliseconds> sleeps_;
};

}  // namespace o2c::http
