// connectors/portals/portal.h
// connectors/portals — the customer vendor portals o2csync delivers invoices
// to: Coupa (coupa/), SAP Ariba (ariba/), Chorus Pro (chorus/), a Peppol
// access point (peppol/) and a file drop (file/: local folder or SFTP).
// A Portal renders one invoice in its format, sends it once, finds out
// whether an earlier attempt arrived, and reads its status. It never decides
// *whether* to send: the outbox in store/ and daemon/push_run.cpp own the
// state machine (pending → sending → submitted → accepted | rejected | paid)
// and call lookup() before any resend of a submission whose outcome is
// unknown. A Portal never stores anything and never retries a submission on
// its own beyond what connectors/http does for requests that cannot have
// reached the portal. Secrets never appear in a payload's log line or an error.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "connectors/http/http.h"
#include "core/secret.h"
#include "core/time.h"
#include "einvoice/einvoice.h"

namespace o2c::portals {

// How one customer is known at its portal, from the routing table.
struct Route {
  std::string portal;           // configured portal name, e.g. "coupa", "chorus"
  std::string customer_id;      // ERP customer external id the route is for
  std::string buyer_id;         // the buyer at the portal: Ariba NetworkID (AN…), Coupa buyer identity,
                                // Chorus Pro SIRET, Peppol participant value
  std::string buyer_scheme;     // Peppol EAS / ICD of buyer_id ("0009", "0088"), "" elsewhere
  std::string service_code;     // Chorus Pro service code / buyer reference (BT-10), optional
  std::string supplier_ref;     // Coupa: our supplier number at this buyer (the routing table's
                                // supplier_ref column; Coupa refuses an invoice without it)
  bool po_required = false;     // pre-flight: no PO → no submission, PO_MISSING
  bool attachment_required = false;  // the portal wants the invoice PDF with the data
  bool operator==(const Route&) const = default;
};

// What is sent, rendered once and stored in the outbox before the first
// attempt, then sent unchanged on every retry (the idempotency key is inside).
struct Payload {
  std::string format;           // "ubl", "cii", "cxml", "sbdh", "coupa-json"
  std::string content_type;     // "application/xml", "text/xml; charset=UTF-8", "application/json"
  std::string file_name;        // "INV100001.xml"
  std::string body;             // the exact bytes
  bool operator==(const Payload&) const = default;
};

// One submission as a connector needs to talk about it.
struct SubmissionRef {
  std::string invoice_number;   // the document number (BT-1)
  Date issue_date{};
  std::string idempotency_key;  // cXML payloadID, SBDH instance id, Coupa/Chorus invoice number, file name
  std::string portal_ref;       // the portal's id of the delivery once known (Coupa invoice id,
                                // Chorus numeroFluxDepot, access point transmission id), else ""
  Route route;
};

// What a portal said, classified. Transport failures that connectors/http
// could not overcome are thrown as Error(transient) instead.
enum class Outcome {
  submitted,   // received; not yet examined (or examined later): poll status()
  accepted,    // received and accepted by the buyer's side
  rejected,    // received and refused for good (reason says why); never resent
  paid,        // the buyer reports it paid
  not_found,   // lookup(): the portal has no trace of it: sending it is safe
  unknown,     // lookup()/submit(): cannot tell (answer unreadable, no lookup API): do not resend
  retry,       // a transient refusal that certainly did not create anything (429, 503 before processing)
};
std::string_view to_string(Outcome o);   // "submitted", ...

struct Answer {
  Outcome outcome = Outcome::unknown;
  std::string portal_ref;       // set with submitted/accepted/rejected/paid when the portal gave one
  std::string status;           // the portal's own word ("approved", "IN_INTEGRE", "AB"), for the report
  std::string reason;           // why: rejection reason, unreadable answer excerpt, HTTP status
  std::optional<std::chrono::seconds> retry_after;
};

// One configured portal (config.yaml `portals.<name>`), secrets resolved.
struct PortalSettings {
  std::string name;             // configured name, e.g. "coupa"; the routing table's `portal` column
  std::string kind;             // coupa | ariba | chorus | peppol | file
  std::string url;              // coupa, chorus, peppol: API base; ariba: the cXML POST URL;
                                // file: file:///folder or sftp://host[:port]/folder
  std::string token_url;        // OAuth 2.0 token endpoint (coupa, chorus; peppol when it uses OAuth)
  std::string grant;            // client_credentials | api_key (coupa, peppol) | "" (ariba, file)
  std::string scope;            // OAuth scopes, space-separated (coupa: "core.invoice.read core.invoice.write")
  std::string user;             // chorus: the technical account login; sftp: the user
  Secret client_id, client_secret, api_key;
  Secret shared_secret;         // ariba: the SharedSecret
  Secret password;              // chorus: the technical account password; sftp: the password
  Secret private_key;           // sftp: a private key (PEM or OpenSSH), instead of a password
  std::string supplier_id;      // ariba: our NetworkID (AN…); chorus: our SIRET; peppol: our participant value;
                                // coupa: unused (the supplier number is per buyer, in the routing table)
  std::string supplier_scheme;  // peppol: the EAS of supplier_id ("0009")
  std::string format;           // file: ubl | cii | cxml (+ a PDF beside it when `pdf`); chorus: ubl | cii
  bool with_pdf = false;        // attach / drop the invoice PDF as well
  bool test_mode = false;       // ariba: deploymentMode="test"; chorus: the qualification platform
  http::ClientSettings http;    // limits, timeouts, retries (source = the portal name)
};

class Portal {
 public:
  virtual ~Portal() = default;
  virtual std::string_view kind() const = 0;          // "coupa", "ariba", "chorus", "peppol", "file"

  // A fresh idempotency key for a new submission of `invoice_number` (cXML
  // payloadID, a UUID, or the invoice number itself where the portal dedupes
  // on it). Persisted by the caller before render() and submit().
  virtual std::string new_key(const std::string& invoice_number, Timestamp now) = 0;

  // The document in this portal's format, with the key inside. Throws
  // Error(data) naming the rule when the document cannot be made valid.
  virtual Payload render(const einvoice::Document& doc, const Route& route, const std::string& key,
                         Timestamp made) const = 0;

  // Sends once. A duplicate the portal recognises as this very submission
  // (same key, or same invoice number from the same supplier) is `submitted`
  // or `accepted`, never `rejected`.
  virtual Answer submit(const SubmissionRef& ref, const Payload& payload) = 0;

  // After a crash or an unknown outcome: did an earlier attempt arrive?
  // found → submitted/accepted/rejected/paid with its portal_ref; not_found →
  // safe to send; unknown → leave it and ask again later.
  virtual Answer lookup(const SubmissionRef& ref) = 0;

  // The current status of a delivered submission (ref.portal_ref set when the portal gave one).
  virtual Answer status(const SubmissionRef& ref) = 0;

  // True when the portal recognises a resend of the same payload as the same
  // submission (Ariba dedupes on the cXML payloadID): an unknown outcome may
  // then be resolved by sending the stored payload again instead of lookup().
  virtual bool resend_is_idempotent() const { return false; }
};

// Builds the connector of settings.kind. Throws Error(config) naming the
// setting that is missing or wrong for that kind.
std::unique_ptr<Portal> make_portal(const PortalSettings& settings, const Clock& clock);

}  // namespace o2c::portals
