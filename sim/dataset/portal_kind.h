// sim/dataset/portal_kind.h — the vendor portals a simulated customer may use.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace o2c::sim {

enum class PortalKind : std::uint8_t { none, coupa, ariba, chorus, peppol, file };
std::string_view portal_name(PortalKind kind);                 // "coupa", ...; "" for none
std::optional<PortalKind> parse_portal_kind(std::string_view name);

}  // namespace o2c::sim
