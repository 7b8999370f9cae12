#include "sim/server/endpoint_runtime.h"

#include <algorithm>

namespace o2c::sim::server {

EndpointRuntime::EndpointRuntime(Endpoint endpoint, const FaultSpec& faults, std::uint64_t seed,
                                 std::uint64_t stream)
    : endpoint_(std::move(endpoint)), plan_(faults, seed, stream) {
  stats_.name = endpoint_.name;
  stats_.port = endpoint_.port;
}

void EndpointRuntime::set_port(unsigned short port) {
  std::lock_guard lock(mutex_);
  stats_.port = port;
}

Admission EndpointRuntime::admit() {
  std::lock_guard lock(mutex_);
  Admission admission;
  admission.draw = plan_.next();
  ++stats_.requests;
  if (endpoint_.max_in_flight > 0 && stats_.in_flight >= endpoint_.max_in_flight) {
    admission.admitted = false;
    ++stats_.limit_rejections;
    return admission;
  }
  ++stats_.in_flight;
  stats_.max_in_flight = std::max(stats_.max_in_flight, stats_.in_flight);
  return admission;
}

void EndpointRuntime::finish(const Admission& admission, const AppliedFaults& applied, int status) {
  std::lock_guard lock(mutex_);
  if (admission.admitted) --stats_.in_flight;
  for (std::size_t i = 0; i < kFaultKinds; ++i)
    if (applied.applied[i]) ++stats_.faults[i];
  if (!applied[FaultKind::lost]) ++stats_.statuses[status];
}

EndpointStats EndpointRuntime::stats() const {
  std::lock_guard lock(mutex_);
  return stats_;
}

}  // namespace o2c::sim::server
