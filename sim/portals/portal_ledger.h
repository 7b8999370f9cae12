// sim/portals/portal_ledger.h — what the portal simulators received, per
// portal and document number: how many documents the portal created
// (deliveries: exactly 1 in a correct run), the duplicates it refused, the
// duplicates it delivered anyway (Peppol: a new SBDH instance id for a number
// already delivered), the resends it recognised (Ariba: same payloadID), and
// the status and rejection reason the portal last reported. Thread-safe;
// GET /sim/admin/portals serves json().
#pragma once

#include <map>
#include <mutex>
#include <string>
#include <string_view>

#include "sim/dataset/portal_directory.h"

namespace o2c::sim::portals {

struct DocumentRecord {
  long deliveries = 0;             // documents created at the portal for this number
  long refused_duplicates = 0;     // refused because the number was already used (nothing created)
  long duplicate_deliveries = 0;   // created although the number had been delivered before
  long resends = 0;                // the same transport message again, recognised (nothing created)
  std::string status;              // the portal's own word, as last reported ("" = nothing created)
  std::string reason;              // rejection reason, if any
  bool operator==(const DocumentRecord&) const = default;
};

class PortalLedger {
 public:
  // A document was created for `number`; a second one counts as a duplicate delivery.
  void delivered(PortalKind portal, std::string_view number, std::string_view status);
  void refused_duplicate(PortalKind portal, std::string_view number);
  void resent(PortalKind portal, std::string_view number);
  void set_status(PortalKind portal, std::string_view number, std::string_view status, std::string_view reason = {});

  DocumentRecord record(PortalKind portal, std::string_view number) const;   // zeros when unknown
  // {"portals":{"coupa":{"documents":{"INV100001":{...}},"totals":{...}},...},"totals":{...}}
  // (sim/README.md "Admin API").
  std::string json() const;

 private:
  DocumentRecord& at(PortalKind portal, std::string_view number);

  mutable std::mutex mutex_;
  std::map<std::string, std::map<std::string, DocumentRecord>> portals_;   // portal name → number → record
};

}  // namespace o2c::sim::portals
