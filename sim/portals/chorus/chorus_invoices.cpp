// rechercher/fournisseur and consulter/historique: the invoices integrated.
#include <boost/json.hpp>
#include <fmt/format.h>

#include "sim/portals/chorus/chorus_api.h"
#include "sim/portals/chorus/chorus_state.h"
#include "sim/portals/portal_codec.h"

namespace o2c::sim::portals::chorus {

namespace json = boost::json;

std::string invoice_status(Stage stage, long earlier_polls) {
  switch (stage) {
    case Stage::pending: return earlier_polls == 0 ? "DEPOSEE" : "MISE_A_DISPOSITION";
    case Stage::accepted: return "SERVICE_FAIT";
    case Stage::paid: return "MISE_EN_PAIEMENT";
    case Stage::rejected: return "REJETEE";
  }
  return "DEPOSEE";
}

json::object ChorusState::invoice_json(Invoice& inv) {
  const auto decision = directory_->decision(inv.data.number);
  const long earlier = inv.polls++;
  const Stage stage = stage_at(decision, earlier, portal_.polls);
  const std::string status = invoice_status(stage, earlier);
  const std::string motif = stage == Stage::rejected && decision ? decision->reason : "";
  ledger_->set_status(PortalKind::chorus, inv.data.number, status, motif);
  json::object out{{"identifiantFactureCPP", inv.id},
                   {"numeroFacture", inv.data.number},
                   {"typeFacture", inv.data.credit_note ? "AVOIR" : "FACTURE"},
                   {"dateFacture", inv.data.issue_date},
                   {"dateDepot", inv.deposited},
                   {"numeroFluxDepot", inv.flux},
                   {"identifiantDestinataire", inv.buyer_siret},
                   {"devise", inv.data.currency},
                   {"montantAPayer", inv.data.payable},
                   {"statut", status}};
  if (!motif.empty()) out["motifRejet"] = motif;
  return out;
}

SimReply ChorusState::search(const json::object& body) {
  const json::value* wanted = body.if_contains("numeroFacture");
  if (wanted && !wanted->is_string()) return chorus_error(400, 20006, "numeroFacture doit être une chaîne");
  std::lock_guard lock(mutex_);
  json::array found;
  for (Invoice& inv : invoices_)
    if (!wanted || inv.data.number == wanted->get_string()) found.push_back(invoice_json(inv));
  const auto total = static_cast<std::int64_t>(found.size());
  return json_reply(200, json::serialize(json::object{
                             {"codeRetour", 0},
                             {"libelle", "TRA_MSG_00.000"},
                             {"listeFactures", std::move(found)},
                             {"parametresRetour", json::object{{"total", total}, {"pageCourante", 1}, {"pages", 1}}}}));
}

SimReply ChorusState::history(const json::object& body) {
  const json::value* id = body.if_contains("idFacture");
  if (!id || !id->is_int64()) return chorus_error(400, 20002, "GCU_MSG_01_002 Champ obligatoire absent : idFacture");
  std::lock_guard lock(mutex_);
  const std::int64_t index = id->get_int64() - 1'000'001;
  if (index < 0 || index >= static_cast<std::int64_t>(invoices_.size()))
    return chorus_error(404, 20102, fmt::format("TRA_MSG_01_102 Facture inconnue : {}", id->get_int64()));
  Invoice& inv = invoices_[static_cast<std::size_t>(index)];
  const long earlier = inv.polls;
  json::object shown = invoice_json(inv);
  json::array statuses;
  for (long k = 0; k <= earlier; ++k) {   // each status the invoice went through, once
    const std::string s = invoice_status(stage_at(directory_->decision(inv.data.number), k, portal_.polls), k);
    if (statuses.empty() || statuses.back().at("statutCode").get_string() != s)
      statuses.push_back(json::object{{"statutCode", s}});
  }
  json::object out{{"codeRetour", 0},
                   {"libelle", "TRA_MSG_00.000"},
                   {"idFacture", inv.id},
                   {"numeroFacture", inv.data.number},
                   {"statutCourantCode", shown.at("statut")},
                   {"historiquesDesStatuts", json::object{{"listeStatuts", std::move(statuses)}}}};
  if (const json::value* motif = shown.if_contains("motifRejet")) out["motifRejet"] = *motif;
  return json_reply(200, json::serialize(out));
}

}  // namespace o2c::sim::portals::chorus
