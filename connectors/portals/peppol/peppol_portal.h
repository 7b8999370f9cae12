// connectors/portals/peppol/peppol_portal.h — a Peppol access point's REST
// API (api-contracts §9.4: vendor-specific; this speaks the generic one
// o2csync-sim documents: POST {url}/documents with the SBD, lookup by SBDH
// instance id, status with the receiver's Invoice Response). Bearer API key.
// The key is the SBDH InstanceIdentifier, a UUID v4 made once per
// submission: the access point answers the same id with the same
// transmission, never a second delivery (field-pitfalls #42). A receiver not
// in the SMP is a permanent refusal (field-pitfalls #41).
#pragma once

#include <boost/json/value.hpp>

#include "connectors/http/url.h"

#include "connectors/portals/portal.h"
#include "connectors/portals/portal_answers.h"
#include "connectors/portals/portal_auth.h"

namespace o2c::portals::peppol {

class PeppolPortal final : public Portal {
 public:
  PeppolPortal(PortalSettings settings, const Clock& clock);
  std::string_view kind() const override { return "peppol"; }
  std::string new_key(const std::string& invoice_number, Timestamp now) override;
  Payload render(const einvoice::Document& doc, const Route& route, const std::string& key,
                 Timestamp made) const override;
  Answer submit(const SubmissionRef& ref, const Payload& payload) override;
  Answer lookup(const SubmissionRef& ref) override;
  Answer status(const SubmissionRef& ref) override;

 private:
  std::optional<boost::json::value> get(const std::string& path, const http::QueryParams& query, std::string& problem,
                                        int& status);

  PortalSettings settings_;
  http::Client client_;
  HeaderAuth auth_;
};

void check_settings(const PortalSettings& s);
// A UUID v4 from OpenSSL's RAND_bytes ("5d1c3f2e-8f6b-4f7e-9a51-0b3f2c6d9e10").
std::string uuid_v4();
// Sorts a POST /documents answer.
AnswerClass submit_class(const http::Response& r, std::string& reason);
// The receiver's Invoice Response code → outcome (AB, IP, UQ, CA → submitted; AP; PD; RE).
Outcome response_outcome(std::string_view code);

}  // namespace o2c::portals::peppol
