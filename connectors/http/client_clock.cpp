#include "connectors/http/client_clock.h"

#include <numeric>
#include <thread>

namespace o2c::http {

std::chrono::steady_clock::time_point SystemClientClock::monotonic_now() {
  return std::chrono::steady_clock::now();
}

Timestamp SystemClientClock::wall_now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

void SystemClientClock::sleep_for(std::chrono::milliseconds duration) {
  if (duration.count() > 0) std::this_thread::sleep_for(duration);
}

ManualClientClock::ManualClientClock(Timestamp wall_start) : wall_start_(wall_start) {}

std::chrono::steady_clock::time_point ManualClientClock::monotonic_now() {
  std::lock_guard lock(mutex_);
  // A fixed origin far from zero so "now - interval" never underflows.
  return std::chrono::steady_clock::time_point{std::chrono::hours{24}} + elapsed_;
}

Timestamp ManualClientClock::wall_now() {
  std::lock_guard lock(mutex_);
  return wall_start_ + elapsed_;
}

void ManualClientClock::sleep_for(std::chrono::milliseconds duration) {
  std::lock_guard lock(mutex_);
  sleeps_.push_back(duration);
  if (duration.count() > 0) elapsed_ += duration;
}

void ManualClientClock::advance(std::chrono::milliseconds duration) {
  std::lock_guard lock(mutex_);
  elapsed_ += duration;
}

std::vector<std::chrono::milliseconds> ManualClientClock::sleeps() const {
  std::lock_guard lock(mutex_);
  return sleeps_;
}

std::chrono::milliseconds ManualClientClock::total_slept() const {
  std::lock_guard lock(mutex_);
  return std::accumulate(sleeps_.begin(), sleeps_.end(), std::chrono::milliseconds{0});
}

}  // namespace o2c::http
