// connectors/portals/portal.cpp — names of the portal outcomes.
#include "connectors/portals/portal.h"

namespace o2c::portals {

std::string_view to_string(Outcome o) {
  switch (o) {
    case Outcome::submitted: return "submitted";
    case Outcome::accepted: return "accepted";
    case Outcome::rejected: return "rejected";
    case Outcome::paid: return "paid";
    case Outcome::not_found: return "not_found";
    case Outcome::unknown: return "unknown";
    case Outcome::retry: return "retry";
  }
  return "unknown";
}

}  // namespace o2c::portals
