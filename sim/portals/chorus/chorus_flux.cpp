// deposer/flux, the processing of a flux's content, and consulterCR(Detaille).
#include <array>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "core/error.h"
#include "sim/portals/chorus/chorus_api.h"
#include "sim/portals/chorus/chorus_state.h"
#include "sim/portals/portal_codec.h"

namespace o2c::sim::portals::chorus {

namespace json = boost::json;

namespace {

// The syntaxeFlux values Chorus Pro knows; the first three are processed here.
constexpr std::array<std::string_view, 11> kSyntaxes{
    "IN_DP_E1_UBL_INVOICE", "IN_DP_E1_CII",          "IN_DP_E1_CII_16B",     "IN_DP_E1_PES_FACTURE",
    "IN_DP_E1_XCBL",        "IN_DP_E2_UBL_INVOICE_MIN", "IN_DP_E2_CII_MIN", "IN_DP_E2_PES_FACTURE_MIN",
    "IN_DP_E2_CPP_FACTURE_MIN", "IN_DP_E2_CII_FACTURX", "IN_DP_E2_CII_MIN_16B"};

std::string string_member(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::string flux_state(bool integrated, long earlier_polls, int polls) {
  if (earlier_polls < polls) return earlier_polls == 0 ? "IN_RECU" : "IN_EN_COURS_TRAITEMENT_CPP";
  return integrated ? "IN_INTEGRE" : "IN_REJETE";
}

}  // namespace

std::string ChorusState::refuse(const ReceivedInvoice& inv, std::string& code, std::string& buyer_siret) const {
  const SellerIdentity& seller = directory_->seller();
  if (!inv.seller.has("0009", seller.siret)) {
    code = "REJ_FOURNISSEUR";
    return fmt::format("Fournisseur inconnu : le SIRET émetteur ({}) ne correspond pas au compte technique {}",
                       inv.seller.legal.empty() ? inv.seller.endpoint : inv.seller.legal, seller.chorus_login);
  }
  buyer_siret = inv.buyer.legal_scheme == "0009" ? inv.buyer.legal : inv.buyer.endpoint;
  const auto buyer = directory_->find_buyer(PortalKind::chorus, buyer_siret);
  code = "REJ_DESTINATAIRE";
  if (!buyer) return fmt::format("Destinataire inconnu : aucune structure publique avec le SIRET '{}'", buyer_siret);
  code = "REJ_SERVICE";
  if (!buyer->service_code.empty() && inv.buyer_reference.empty())
    return fmt::format("Le code service est obligatoire pour la structure {}", buyer_siret);
  if (!buyer->service_code.empty() && inv.buyer_reference != buyer->service_code)
    return fmt::format("Code service inconnu pour la structure {} : '{}'", buyer_siret, inv.buyer_reference);
  code = "REJ_DEVISE";
  if (inv.currency.empty()) return "La devise de la facture est absente (BT-5)";
  code = "REJ_ENGAGEMENT";
  if (inv.purchase_order.empty() && buyer->po_required)
    return fmt::format("Le numéro d'engagement juridique est obligatoire pour la structure {}", buyer_siret);
  if (!inv.purchase_order.empty() && !directory_->issued_po(buyer->customer_id, inv.purchase_order))
    return fmt::format("Engagement juridique inconnu : {} n'a pas été émis par la structure {}", inv.purchase_order,
                       buyer_siret);
  code.clear();
  return {};
}

void ChorusState::process(Flux& flux, const std::string& file, Timestamp now) {
  std::string error;
  const auto doc = parse_xml(file, error);
  if (!doc) {
    flux.error_code = "REJ_FORMAT";
    flux.error = "Fichier XML mal formé : " + error;
    return;
  }
  const auto syntax = syntax_of(doc->document_element());
  const bool wants_ubl = flux.syntax == "IN_DP_E1_UBL_INVOICE";
  if (!syntax || (*syntax == Syntax::ubl) != wants_ubl) {
    flux.error_code = "REJ_SYNTAXE";
    flux.error = fmt::format("Le fichier ne respecte pas la syntaxe déclarée {}", flux.syntax);
    return;
  }
  ReceivedInvoice inv;
  try {
    inv = read_invoice(doc->document_element());
  } catch (const Error& e) {
    flux.error_code = "REJ_FORMAT";
    flux.error = e.what();
    return;
  }
  flux.invoice_number = inv.number;
  std::string buyer_siret;
  flux.error = refuse(inv, flux.error_code, buyer_siret);
  if (flux.error.empty() && by_number_.contains(inv.number)) {
    flux.error_code = "REJ_DOUBLON";
    flux.error = fmt::format("Doublon : la facture n° {} a déjà été déposée par ce fournisseur", inv.number);
    ledger_->refused_duplicate(PortalKind::chorus, inv.number);
    return;
  }
  if (!flux.error.empty()) {
    ledger_->set_status(PortalKind::chorus, inv.number, "IN_REJETE", flux.error);
    return;
  }
  flux.integrated = true;
  by_number_[inv.number] = invoices_.size();
  invoices_.push_back(Invoice{1'000'001 + static_cast<long>(invoices_.size()), std::move(inv), flux.number,
                              to_iso8601(to_date(now)), buyer_siret, 0});
  ledger_->delivered(PortalKind::chorus, invoices_.back().data.number, "DEPOSEE");
}

SimReply ChorusState::deposit(const json::object& body, Timestamp now) {
  const std::string syntax = string_member(body, "syntaxeFlux");
  const std::string file_b64 = string_member(body, "fichierFlux");
  const std::string name = string_member(body, "nomFichier");
  for (const auto& [field, value] : {std::pair{"fichierFlux", file_b64}, {"nomFichier", name}, {"syntaxeFlux", syntax}})
    if (value.empty())
      return chorus_error(400, 20002, fmt::format("GCU_MSG_01_002 Champ obligatoire absent : {}", field));
  if (std::find(kSyntaxes.begin(), kSyntaxes.end(), syntax) == kSyntaxes.end())
    return chorus_error(400, 20003, fmt::format("GCU_MSG_01_003 syntaxeFlux inconnue : {}", syntax.substr(0, 40)));
  if (syntax != "IN_DP_E1_UBL_INVOICE" && syntax != "IN_DP_E1_CII" && syntax != "IN_DP_E1_CII_16B")
    return chorus_error(400, 20004, fmt::format("syntaxeFlux {} : seuls les flux E1 UBL et CII sont simulés", syntax));
  const auto file = base64_decode(file_b64);
  if (!file) return chorus_error(400, 20005, "GCU_MSG_01_005 fichierFlux n'est pas encodé en base64");
  std::lock_guard lock(mutex_);
  Flux flux;
  flux.number = fmt::format("CPP{:022}", 11117000000000000ULL + fluxes_.size() + 1);
  flux.syntax = syntax;
  flux.file_name = name;
  flux.deposited = to_iso8601(to_date(now));
  process(flux, *file, now);
  flux_index_[flux.number] = fluxes_.size();
  fluxes_.push_back(flux);
  return json_reply(200, json::serialize(json::object{{"codeRetour", 0},
                                                      {"libelle", "GCU_MSG_01_000"},
                                                      {"numeroFluxDepot", flux.number},
                                                      {"dateDepot", flux.deposited},
                                                      {"syntaxeFlux", syntax}}));
}

SimReply ChorusState::report(const json::object& body, bool detailed, Timestamp now) {
  const std::string number = string_member(body, "numeroFluxDepot");
  if (number.empty()) return chorus_error(400, 20002, "GCU_MSG_01_002 Champ obligatoire absent : numeroFluxDepot");
  std::lock_guard lock(mutex_);
  const auto it = flux_index_.find(number);
  if (it == flux_index_.end())
    return chorus_error(404, 20101, fmt::format("TRA_MSG_01_101 Flux inconnu : {}", number.substr(0, 40)));
  Flux& flux = fluxes_[it->second];
  const std::string state = flux_state(flux.integrated, flux.polls++, portal_.polls);
  json::object out{{"codeRetour", 0},
                   {"libelle", "TRA_MSG_00.000"},
                   {"numeroFluxDepot", flux.number},
                   {"dateDepotFlux", flux.deposited},
                   {"dateHeureEtatCourantFlux", to_iso8601_seconds(now)},
                   {detailed ? "etatCourantDepotFlux" : "etatCourantFlux", state}};
  if (detailed) {
    json::array errors;
    if (state == "IN_REJETE")
      errors.push_back(json::object{{"numeroDP", flux.invoice_number},
                                    {"codeErreurDP", flux.error_code},
                                    {"libelleErreurDP", flux.error}});
    out["listeErreurDP"] = std::move(errors);
    out["listeErreurTechnique"] = json::array{};
  }
  return json_reply(200, json::serialize(out));
}

}  // namespace o2c::sim::portals::chorus
