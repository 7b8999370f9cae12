// sim/portals/ariba/ariba_cxml.h — the cXML the Ariba simulator reads
// (the envelope's credentials, InvoiceDetailRequest fields) and writes
// (Response with Status, StatusUpdateRequest, GetPendingResponse).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "core/time.h"

namespace o2c::sim::portals::ariba {

struct Credential {
  std::string domain, identity, shared_secret;
};

struct Envelope {
  std::string payload_id, timestamp;
  Credential from, to, sender;
  pugi::xml_node request;           // the element inside <Request> (InvoiceDetailRequest, ...)
};
// The envelope of a parsed cXML document; Error(data) when it is not one.
Envelope read_envelope(const pugi::xml_node& root);

struct InvoiceFields {
  std::string number, purpose, operation, date;
  std::vector<std::string> purchase_orders;   // OrderReference@orderID / OrderIDInfo@orderID
  bool money_without_currency = false;        // a Money element lacks its currency attribute
  std::string currency, due_amount;           // from InvoiceDetailSummary (DueAmount, else GrossAmount)
};
InvoiceFields read_invoice(const pugi::xml_node& invoice_detail_request);

// A cXML Response document with one Status.
std::string response(int code, std::string_view text, std::string_view message, Timestamp now);

struct StatusUpdate {
  std::string payload_id;           // this message's own
  std::string document_payload_id;  // the invoice's
  std::string type;                 // processing | reconciled | rejected | paid
  std::string comments;
  std::string buyer, supplier;      // NetworkIDs
  Timestamp timestamp;
};
// <Response><Status code="200|204"/><GetPendingResponse>{one cXML per update}</GetPendingResponse></Response>.
std::string pending_response(const std::vector<StatusUpdate>& updates, Timestamp now);

// A payloadID for a message the network writes ("{ms}.{n}@o2csync-sim.ariba.example").
std::string new_payload_id(Timestamp now);

// The cXML status texts: 200 "OK", 201 "Accepted", 400 "Bad Request", ...
std::string_view status_text(int code);

}  // namespace o2c::sim::portals::ariba
