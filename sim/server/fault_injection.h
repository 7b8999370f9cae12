// sim/server/fault_injection.h — turns one request and its fault draw into
// the reply the client gets (everything but the delay of `slow`, which the
// connection applies with a timer). Pure: no sockets, testable alone.
#pragma once

#include <array>
#include <string_view>

#include "sim/server/endpoint.h"
#include "sim/server/fault_plan.h"

namespace o2c::sim::server {

// The faults that actually shaped a reply (a drawn fault can be moot: a
// truncate on an error reply, an expire on a system without sessions).
struct AppliedFaults {
  std::array<bool, kFaultKinds> applied{};
  void set(FaultKind k) { applied[static_cast<std::size_t>(k)] = true; }
  bool operator[](FaultKind k) const { return applied[static_cast<std::size_t>(k)]; }
};

// Order: expire (on_expire, then the request goes on), then the first of
// 429, 5xx, html replaces the reply without calling the handler (so a 429 or
// 5xx fault never creates anything at a portal), else the handler answers;
// then `lost` marks the reply as never to be sent (the connection closes
// without it: the caller acts on applied[lost]), else truncate cuts a 2xx
// body. An exception from any of the endpoint's functions becomes a 500 naming it.
SimReply serve_with_faults(const Endpoint& endpoint, const FaultDraw& draw, const SimRequest& request,
                           AppliedFaults& applied);

// The endpoint's own fault reply for "429"/"5xx", or a generic one (also when
// the endpoint's throws).
SimReply fault_reply_for(const Endpoint& endpoint, std::string_view kind);
// 200 text/html: what a proxy in front of the system serves during maintenance.
SimReply maintenance_page();
// `reply` with its body cut at floor(cut_fraction × size); headers kept.
SimReply truncate_body(SimReply reply, double cut_fraction);

}  // namespace o2c::sim::server
