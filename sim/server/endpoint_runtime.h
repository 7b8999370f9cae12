// sim/server/endpoint_runtime.h — the live state of one endpoint: its fault
// sequence, the in-flight limit and the counters /sim/admin/stats reports.
// Thread-safe (one mutex per endpoint; requests are not that frequent).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

#include "sim/server/endpoint.h"
#include "sim/server/fault_injection.h"
#include "sim/server/fault_plan.h"

namespace o2c::sim::server {

struct EndpointStats {
  std::string name;
  unsigned short port = 0;
  long requests = 0;                 // every request to the system (admin excluded)
  long in_flight = 0;                // admitted, reply not yet sent
  long max_in_flight = 0;            // highest in_flight seen
  long limit_rejections = 0;         // answered "429" because of max_in_flight
  std::array<long, kFaultKinds> faults{};   // applied faults by kind
  std::map<int, long> statuses;      // replies by HTTP status (a `lost` reply is never sent: not counted)
};

// What to do with one incoming request.
struct Admission {
  bool admitted = true;              // false: over max_in_flight, answer fault_reply("429")
  FaultDraw draw;
};

class EndpointRuntime {
 public:
  EndpointRuntime(Endpoint endpoint, const FaultSpec& faults, std::uint64_t seed, std::uint64_t stream);

  const Endpoint& endpoint() const { return endpoint_; }
  void set_port(unsigned short port);

  // Counts the request and draws its faults (every request consumes one draw,
  // so the sequence depends only on the request order). An admitted request
  // is in flight until finish().
  Admission admit();
  // The reply is about to be sent (or, with the `lost` fault, dropped):
  // counts its status (if sent) and faults, and ends the in-flight period of
  // an admitted request.
  void finish(const Admission& admission, const AppliedFaults& applied, int status);

  EndpointStats stats() const;

 private:
  Endpoint endpoint_;
  mutable std::mutex mutex_;
  FaultPlan plan_;
  EndpointStats stats_;
};

}  // namespace o2c::sim::server
