#include "connectors/http/client_limits.h"

#include <algorithm>

namespace o2c::http {

RateLimiter::RateLimiter(double per_second, ClientClock& clock) : clock_(clock) {
  if (per_second > 0)
    interval_ = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::duration<double>(1.0 / per_second));
}

std::chrono::milliseconds RateLimiter::acquire() {
  if (interval_.count() == 0) return std::chrono::milliseconds{0};
  std::chrono::nanoseconds wait{0};
  {
    std::lock_guard lock(mutex_);
    const auto now = clock_.monotonic_now();
    const auto slot = next_slot_ ? std::max(now, *next_slot_) : now;
    next_slot_ = slot + interval_;
    wait = slot - now;
  }
  const auto wait_ms = std::chrono::ceil<std::chrono::milliseconds>(wait);
  if (wait_ms.count() > 0) clock_.sleep_for(wait_ms);
  return wait_ms;
}

ConcurrencyGate::ConcurrencyGate(int limit) : available_(std::max(1, limit)) {}

ConcurrencyGate::Permit::Permit(ConcurrencyGate& gate) : gate_(gate) {
  std::unique_lock lock(gate_.mutex_);
  gate_.freed_.wait(lock, [&] { return gate_.available_ > 0; });
  --gate_.available_;
}

ConcurrencyGate::Permit::~Permit() {
  {
    std::lock_guard lock(gate_.mutex_);
    ++gate_.available_;
  }
  gate_.freed_.notify_one();
}

CircuitBreaker::CircuitBreaker(int threshold, std::chrono::milliseconds cooldown, ClientClock& clock)
    : threshold_(threshold), cooldown_(cooldown), clock_(clock) {}

std::optional<std::chrono::milliseconds> CircuitBreaker::open_for() {
  std::lock_guard lock(mutex_);
  if (!open_until_) return std::nullopt;
  const auto now = clock_.monotonic_now();
  if (now >= *open_until_) return std::nullopt;   // half-open: let attempts probe
  return std::chrono::ceil<std::chrono::milliseconds>(*open_until_ - now);
}

void CircuitBreaker::record_success() {
  std::lock_guard lock(mutex_);
  failures_ = 0;
  open_until_.reset();
}

bool CircuitBreaker::record_failure() {
  std::lock_guard lock(mutex_);
  ++failures_;
  if (threshold_ <= 0 || failures_ < threshold_) return false;
  open_until_ = clock_.monotonic_now() + cooldown_;
  return true;
}

int CircuitBreaker::consecutive_failures() const {
  std::lock_guard lock(mutex_);
  return failures_;
}

}  // namespace o2c::http
