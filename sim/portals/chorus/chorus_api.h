// sim/portals/chorus/chorus_api.h
// The simulated Chorus Pro behind PISTE (api-contracts §8), on one port:
// POST /api/oauth/token (PISTE: client credentials, scope openid); every
// /cpro/... call needs BOTH the PISTE bearer token (else 401) and the
// technical account header `cpro-account: base64(login:password)` (else 403).
// POST /cpro/factures/v1/deposer/flux (base64 file, syntaxeFlux
// IN_DP_E1_UBL_INVOICE | IN_DP_E1_CII | IN_DP_E1_CII_16B) → numeroFluxDepot
// "CPP…": a deposit always creates a flux; what is wrong with its content
// (syntax, supplier, buyer SIRET, service code, engagement (PO), currency, a
// number already integrated: "doublon") ends it IN_REJETE.
// POST /cpro/transverses/v1/consulterCR(Detaille) (IN_RECU →
// IN_EN_COURS_TRAITEMENT_CPP → IN_INTEGRE | IN_REJETE over polls);
// POST /cpro/factures/v1/rechercher/fournisseur (by numeroFacture →
// identifiantFactureCPP, statut); POST /cpro/factures/v1/consulter/historique
// (statutCourantCode DEPOSEE → MISE_A_DISPOSITION → SERVICE_FAIT →
// MISE_EN_PAIEMENT | REJETEE with its motif). Errors: {"codeRetour":N,"libelle":".."}.
// Parts: chorus_state (fluxes and invoices), chorus_flux (deposit and
// processing), chorus_invoices (search and history).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "core/time.h"
#include "sim/dataset/portal_directory.h"
#include "sim/portals/portal_ledger.h"
#include "sim/portals/portal_progress.h"
#include "sim/sim_http.h"

namespace o2c::sim::portals::chorus {

struct ChorusOptions {
  std::string client_id = "o2c-demo-piste-client";      // the PISTE application
  std::string client_secret = "o2c-demo-piste-secret";
  std::string password = "o2c-demo-cpro-password";      // of the technical account (login: seller().chorus_login)
  std::string token_path = "/api/oauth/token";
  int token_seconds = 3600;
};

class ChorusApi {
 public:
  ChorusApi(ChorusOptions options, std::shared_ptr<const PortalDirectory> directory,
            std::shared_ptr<PortalLedger> ledger, PortalOptions portal, std::shared_ptr<const Clock> clock);
  ~ChorusApi();
  ChorusApi(const ChorusApi&) = delete;
  ChorusApi& operator=(const ChorusApi&) = delete;

  SimReply handle(const SimRequest& request);   // thread-safe
  // "429": PISTE's quota answer with Retry-After; "5xx": 503 with an HTML page.
  SimReply fault_reply(std::string_view kind) const;
  void expire_tokens();
  const ChorusOptions& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// {"codeRetour":code,"libelle":text} with that HTTP status.
SimReply chorus_error(int status, int code, std::string_view libelle);

}  // namespace o2c::sim::portals::chorus
