// sim/portals/ariba/ariba_api.h
// The simulated SAP Ariba Network cXML endpoint (api-contracts §7): POST
// /cxml/invoices with a cXML document (text/xml, parsed with pugixml, the
// DTD never fetched). Every answer is HTTP 200 with a cXML Response whose
// Status code says what happened: 201 Accepted (an invoice was created),
// 400 with the reason (unknown buyer, missing currency or PO, invalid order
// reference, INVOICE_DUPLICATE), 401 (Sender credential or SharedSecret
// wrong), 406 (not parseable), 450 (a request type it does not take). The
// same payloadID again gets the first answer and creates nothing. A
// GetPendingRequest for StatusUpdateRequest messages returns the queued
// StatusUpdateRequests (InvoiceStatus processing | reconciled | rejected |
// paid): how a supplier without an inbound endpoint polls. Pure handler.
// Parts: ariba_cxml (reading and writing cXML), ariba_invoices (the state).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/time.h"
#include "sim/dataset/portal_directory.h"
#include "sim/portals/portal_ledger.h"
#include "sim/portals/portal_progress.h"
#include "sim/sim_http.h"

namespace o2c::sim::portals::ariba {

struct AribaOptions {
  std::string shared_secret = "o2c-demo-ariba-secret";
  int max_messages = 1000;        // cap of a GetPendingRequest's maxMessages (default 100)
};

class AribaApi {
 public:
  AribaApi(AribaOptions options, std::shared_ptr<const PortalDirectory> directory,
           std::shared_ptr<PortalLedger> ledger, PortalOptions portal, std::shared_ptr<const Clock> clock);
  ~AribaApi();
  AribaApi(const AribaApi&) = delete;
  AribaApi& operator=(const AribaApi&) = delete;

  SimReply handle(const SimRequest& request);   // thread-safe
  // "429": 429 with Retry-After and a cXML Status 429; "5xx": 503 with an HTML page.
  SimReply fault_reply(std::string_view kind) const;
  const AribaOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace o2c::sim::portals::ariba
