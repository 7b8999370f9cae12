// daemon/push_setup.h — config.yaml's seller:, portals: and push: sections →
// the pieces of a push run: the portal connectors (secrets resolved here, so a
// missing reference stops just the commands that push), the routing table and
// the settings every document carries.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "daemon/config/config.h"
#include "daemon/push/push.h"

namespace o2c::daemon {

struct PushSetup {
  push::PushSettings settings;
  push::RoutingTable routing;
  std::vector<std::unique_ptr<portals::Portal>> owned;
  std::map<std::string, push::PortalHandle> handles;   // by configured portal name
};

// The seller, routing and window only (no connector, no secret): what
// reconciliation needs to raise the outbox's exceptions.
push::PushSettings push_settings(const config::Config& cfg);
push::RoutingTable routing_table(const config::Config& cfg);
// Everything, connectors included. Throws Error(config) naming the setting
// (a secret reference that cannot be resolved, settings a connector refuses).
PushSetup build_push(const config::Config& cfg, const Clock& clock);
// The EN 16931 rules a portal's documents must pass (Peppol BIS for peppol,
// the CII profile for a cii format, EN 16931 UBL otherwise).
einvoice::Profile profile_of(const config::PortalConfig& portal);

}  // namespace o2c::daemon
