// connectors/portals/chorus/chorus_portal.h — Chorus Pro through PISTE
// (api-contracts §8): a PISTE OAuth 2.0 token (client credentials, scope
// openid) AND the technical account header cpro-account on every call. The
// invoice is deposited as an E1 flux (UBL or CII, EN 16931, base64 in the
// JSON); the key is the invoice number. A deposit cannot be deduplicated by
// Chorus up front, so after an unknown outcome the invoice is searched by its
// number (rechercher/fournisseur) before anything is deposited again.
// Status: the flux report (consulterCRDetaille) until the flux is integrated,
// then the invoice's status (rechercher/fournisseur, consulter/historique).
#pragma once

#include <memory>

#include <boost/json/value.hpp>

#include "connectors/http/auth.h"
#include "connectors/portals/portal.h"
#include "connectors/portals/portal_answers.h"
#include "connectors/portals/portal_auth.h"

namespace o2c::portals::chorus {

class ChorusPortal final : public Portal {
 public:
  ChorusPortal(PortalSettings settings, const Clock& clock);
  std::string_view kind() const override { return "chorus"; }
  std::string new_key(const std::string& invoice_number, Timestamp now) override;
  Payload render(const einvoice::Document& doc, const Route& route, const std::string& key,
                 Timestamp made) const override;
  Answer submit(const SubmissionRef& ref, const Payload& payload) override;
  Answer lookup(const SubmissionRef& ref) override;
  Answer status(const SubmissionRef& ref) override;

 private:
  // POSTs a JSON body to a Chorus service; nullopt with `problem` set when the answer is unreadable.
  std::optional<boost::json::value> call(std::string_view path, const boost::json::object& body, std::string& problem);
  Answer flux_report(const SubmissionRef& ref);

  PortalSettings settings_;
  http::Client client_;
  std::unique_ptr<http::OAuth2Auth> token_;
  std::unique_ptr<WithHeaderAuth> auth_;
};

void check_settings(const PortalSettings& s);
// Chorus invoice statuses → outcome (DEPOSEE … MISE_EN_PAIEMENT, REJETEE).
Outcome invoice_outcome(std::string_view statut);
// Sorts a deposer/flux answer.
AnswerClass deposit_class(const http::Response& r, std::string& reason);

}  // namespace o2c::portals::chorus
