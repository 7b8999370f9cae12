// sim/portals/peppol/peppol_api.h
// A simulated Peppol access point with a generic REST API of our design
// (api-contracts §9.4 leaves it vendor-specific; README "Peppol access
// point"): `Authorization: Bearer <API key>`;
//   POST /api/v1/documents        body: a full SBD (SBDH + UBL), application/xml
//        → 202 {"id","instanceIdentifier","status":"accepted_for_delivery",...}
//        the same SBDH InstanceIdentifier again → 200 with that transmission, nothing sent again;
//   GET  /api/v1/documents?instanceIdentifier=X → {"items":[...]} (lookup)
//   GET  /api/v1/documents/{id}   → the transmission
//   GET  /api/v1/documents/{id}/status → the transmission and the receiver's
//        Peppol Invoice Response (BIS Invoice Response 3: AB, IP, AP, RE with
//        a reason, PD) once its polls are due.
// Refusals: {"error":{"code","message","retryable"}}: 401 UNAUTHORIZED, 400
// MALFORMED_XML, 422 INVALID_SBDH / VALIDATION_FAILED / DOCUMENT_TYPE_NOT_SUPPORTED,
// 403 SENDER_NOT_REGISTERED, 422 RECEIVER_NOT_FOUND / RECEIVER_NOT_REGISTERED
// (the SMP has no such participant or not for this document type: permanent).
// A new instance id for an invoice number already delivered to that receiver
// IS delivered again (what real access points do): a duplicate delivery.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/time.h"
#include "sim/dataset/portal_directory.h"
#include "sim/portals/portal_ledger.h"
#include "sim/portals/portal_progress.h"
#include "sim/sim_http.h"

namespace o2c::sim::portals::peppol {

struct PeppolOptions {
  std::string api_key = "o2c-demo-peppol-key";
};

class PeppolApi {
 public:
  PeppolApi(PeppolOptions options, std::shared_ptr<const PortalDirectory> directory,
            std::shared_ptr<PortalLedger> ledger, PortalOptions portal, std::shared_ptr<const Clock> clock);
  ~PeppolApi();
  PeppolApi(const PeppolApi&) = delete;
  PeppolApi& operator=(const PeppolApi&) = delete;

  SimReply handle(const SimRequest& request);   // thread-safe
  // "429": 429 + Retry-After, code RATE_LIMITED; "5xx": 503 SERVICE_UNAVAILABLE (retryable).
  SimReply fault_reply(std::string_view kind) const;
  const PeppolOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace o2c::sim::portals::peppol
