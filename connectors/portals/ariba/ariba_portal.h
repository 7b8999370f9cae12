// connectors/portals/ariba/ariba_portal.h — SAP Ariba Network (api-contracts
// §7): one cXML POST URL; our NetworkID and SharedSecret in the Sender
// credential; the buyer's NetworkID (the routing table's buyer id) in To.
// The idempotency key is the cXML payloadID, made once per submission
// ("{time}.{pid}.{random}@o2csync"): the network answers a resend of the
// same payloadID with its first answer and creates nothing, so an unknown
// outcome is resolved by resending the stored payload (resend_is_idempotent).
// Status comes from GetPendingRequest (StatusUpdateRequest messages): the way
// a supplier without an inbound cXML endpoint polls.
#pragma once

#include <string>
#include <vector>

#include "connectors/portals/portal.h"
#include "connectors/portals/portal_answers.h"

namespace o2c::portals::ariba {

class AribaPortal final : public Portal {
 public:
  AribaPortal(PortalSettings settings, const Clock& clock);
  std::string_view kind() const override { return "ariba"; }
  std::string new_key(const std::string& invoice_number, Timestamp now) override;
  Payload render(const einvoice::Document& doc, const Route& route, const std::string& key,
                 Timestamp made) const override;
  Answer submit(const SubmissionRef& ref, const Payload& payload) override;
  Answer lookup(const SubmissionRef& ref) override;
  Answer status(const SubmissionRef& ref) override;
  bool resend_is_idempotent() const override { return true; }

 private:
  // The StatusUpdateRequests the network holds for us; throws like submit's reads.
  struct Update {
    std::string payload_id, type, comments;
  };
  std::vector<Update> pending_updates(std::string& problem);

  PortalSettings settings_;
  const Clock& clock_;
  http::Client client_;
};

void check_settings(const PortalSettings& s);

// A cXML Response: Status code and text (and its message), or nullopt when unreadable.
struct CxmlStatus {
  int code = 0;
  std::string text, message;
};
std::optional<CxmlStatus> read_status(const std::string& body);
// Sorts a cXML answer to an InvoiceDetailRequest.
AnswerClass submit_class(const http::Response& r, std::string& reason);

}  // namespace o2c::portals::ariba
