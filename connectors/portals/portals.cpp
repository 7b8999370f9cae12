// make_portal: the connector of a configured portal's kind.
#include <fmt/format.h>

#include "connectors/portals/ariba/ariba_portal.h"
#include "connectors/portals/chorus/chorus_portal.h"
#include "connectors/portals/coupa/coupa_portal.h"
#include "connectors/portals/file/file_portal.h"
#include "connectors/portals/peppol/peppol_portal.h"
#include "connectors/portals/portal.h"
#include "core/error.h"
#include "core/text.h"

namespace o2c::portals {

std::unique_ptr<Portal> make_portal(const PortalSettings& settings, const Clock& clock) {
  if (settings.kind == "coupa") return std::make_unique<coupa::CoupaPortal>(settings, clock);
  if (settings.kind == "ariba") return std::make_unique<ariba::AribaPortal>(settings, clock);
  if (settings.kind == "chorus") return std::make_unique<chorus::ChorusPortal>(settings, clock);
  if (settings.kind == "peppol") return std::make_unique<peppol::PeppolPortal>(settings, clock);
  if (settings.kind == "file") return std::make_unique<file::FilePortal>(settings);
  throw Error(Error::Kind::config,
              fmt::format("portals.{}: kind '{}' is not one of coupa, ariba, chorus, peppol, file{}", settings.name,
                          settings.kind,
                          suggestion_suffix(settings.kind, {"coupa", "ariba", "chorus", "peppol", "file"})),
              ErrorContext::of_source(settings.name));
}

}  // namespace o2c::portals
