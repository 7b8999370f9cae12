// sim/server/endpoint.h — one simulated system as the server sees it: a name,
// a port and plain functions, so the server never depends on a concrete API.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "sim/sim_http.h"

namespace o2c::sim::server {

struct Endpoint {
  std::string name;                                  // "salesforce": names stats and log lines
  unsigned short port = 0;                           // on 127.0.0.1; 0 = any free port
  std::function<SimReply(const SimRequest&)> handler;
  // The system's own reply for an injected fault, kind "429" or "5xx"; also
  // answers requests beyond max_in_flight ("429"). Empty = generic replies.
  std::function<SimReply(std::string_view kind)> fault_reply;
  // The "expire" fault (invalidate every issued token); empty = the fault
  // does not apply to this system and is never counted.
  std::function<void()> on_expire;
  // Requests in flight at once (received, reply not yet sent, delays
  // included); one more is answered fault_reply("429") at once. 0 = no limit.
  int max_in_flight = 0;
};

}  // namespace o2c::sim::server
