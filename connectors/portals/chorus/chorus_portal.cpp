#include "connectors/portals/chorus/chorus_portal.h"

#include <boost/json.hpp>
#include <fmt/format.h>

#include "connectors/http/url.h"
#include "core/error.h"

namespace o2c::portals::chorus {

namespace json = boost::json;

namespace {

std::string str(const json::value& v, std::string_view key) {
  const json::value* x = v.is_object() ? v.as_object().if_contains(key) : nullptr;
  if (!x) return {};
  if (x->is_string()) return std::string(x->get_string());
  if (x->is_int64()) return std::to_string(x->get_int64());
  return {};
}

}  // namespace

void check_settings(const PortalSettings& s) {
  for (const auto& [present, setting] :
       {std::pair{!s.url.empty(), "url (the API base, e.g. https://api.piste.gouv.fr)"},
        {!s.token_url.empty(), "token_url (PISTE, e.g. https://oauth.piste.gouv.fr/api/oauth/token)"},
        {!s.client_id.empty(), "client_id (the PISTE application)"},
        {!s.client_secret.empty(), "client_secret"},
        {!s.user.empty(), "user (the technical account login, TECH_1_…@cpro.fr)"},
        {!s.password.empty(), "password (of the technical account)"}})
    if (!present)
      throw Error(Error::Kind::config, fmt::format("portals.{}: kind chorus needs {}", s.name, setting),
                  ErrorContext::of_source(s.name));
  if (!s.format.empty() && s.format != "ubl" && s.format != "cii")
    throw Error(Error::Kind::config, fmt::format("portals.{}: format '{}' is not ubl or cii", s.name, s.format),
                ErrorContext::of_source(s.name));
}

ChorusPortal::ChorusPortal(PortalSettings settings, const Clock& clock)
    : settings_(std::move(settings)), client_([&] {
        http::ClientSettings c = settings_.http;
        if (c.source.empty()) c.source = settings_.name;
        return c;
      }()) {
  check_settings(settings_);
  http::OAuth2Settings o;
  o.token_url = settings_.token_url;
  o.grant = "client_credentials";
  o.client_id = settings_.client_id;
  o.client_secret = settings_.client_secret;
  o.scope = settings_.scope.empty() ? "openid" : settings_.scope;
  token_ = std::make_unique<http::OAuth2Auth>(std::move(o), client_, clock);
  auth_ = std::make_unique<WithHeaderAuth>(*token_, "cpro-account",
                                           Secret(base64(settings_.user + ":" + settings_.password.reveal())));
}

std::string ChorusPortal::new_key(const std::string& invoice_number, Timestamp) { return invoice_number; }

Payload ChorusPortal::render(const einvoice::Document& source, const Route& route, const std::string&,
                             Timestamp) const {
  einvoice::Document doc = source;
  if (doc.buyer_reference.empty()) doc.buyer_reference = route.service_code;
  if (doc.buyer.legal_id.empty()) doc.buyer.legal_id = {route.buyer_id, "0009"};
  const bool cii = settings_.format == "cii";
  const std::string xml = cii ? einvoice::write_cii(doc) : einvoice::write_ubl(doc, einvoice::Profile::en16931_ubl);
  const json::object deposit{{"idUtilisateurCourant", 0},
                             {"fichierFlux", base64(xml)},
                             {"nomFichier", doc.number + ".xml"},
                             {"syntaxeFlux", cii ? "IN_DP_E1_CII_16B" : "IN_DP_E1_UBL_INVOICE"},
                             {"avecSignature", false}};
  return Payload{cii ? "cii" : "ubl", "application/json", doc.number + ".xml", json::serialize(deposit)};
}

std::optional<json::value> ChorusPortal::call(std::string_view path, const json::object& body, std::string& problem) {
  http::Request request;
  request.method = "POST";
  request.url = http::make_url(settings_.url, std::string(path));
  request.headers = {{"Content-Type", "application/json;charset=utf-8"}, {"Accept", "application/json;charset=utf-8"}};
  request.body = json::serialize(body);
  const http::Response r = client_.send(request, auth_.get(), read_verdict);
  if (r.status == 401 || r.status == 403)
    answer_for(AnswerClass::auth_failure, fmt::format("HTTP {}: {}", r.status, r.excerpt()), settings_.name,
               "check client_id, client_secret, user and password");
  json::error_code ec;
  json::value v = json::parse(r.body, ec);
  if (ec || !v.is_object()) {
    problem = fmt::format("HTTP {}: unreadable answer: {}", r.status, r.excerpt());
    return std::nullopt;
  }
  if (r.status != 200) {
    problem = fmt::format("HTTP {}: {}", r.status, str(v, "libelle"));
    if (r.status != 404) return std::nullopt;
  }
  return v;
}

Answer ChorusPortal::submit(const SubmissionRef&, const Payload& payload) {
  http::Request request;
  request.method = "POST";
  request.url = http::make_url(settings_.url, "/cpro/factures/v1/deposer/flux");
  request.headers = {{"Content-Type", "application/json;charset=utf-8"}, {"Accept", "application/json;charset=utf-8"}};
  request.body = payload.body;
  request.idempotent = false;
  http::Response r;
  try {
    r = client_.send(request, auth_.get(), submit_verdict);
  } catch (const Error& e) {
    if (e.kind() != Error::Kind::transient) throw;
    return answer_for(AnswerClass::timeout, e.what(), settings_.name);
  }
  std::string reason;
  const AnswerClass c = deposit_class(r, reason);
  Answer a = answer_for(c, reason, settings_.name, "check client_id, client_secret, user and password");
  if (c == AnswerClass::received) {
    const json::value v = json::parse(r.body);
    a.portal_ref = str(v, "numeroFluxDepot");
    a.status = "IN_RECU";
    a.reason.clear();
  }
  if (c == AnswerClass::quota || c == AnswerClass::unavailable) a.retry_after = retry_after_of(r);
  return a;
}

Answer ChorusPortal::lookup(const SubmissionRef& ref) {
  std::string problem;
  const auto found = call("/cpro/factures/v1/rechercher/fournisseur", {{"numeroFacture", ref.invoice_number}}, problem);
  if (!found) return Answer{Outcome::unknown, "", "", problem, std::nullopt};
  const json::value* list = found->as_object().if_contains("listeFactures");
  if (!list || !list->is_array()) return Answer{Outcome::unknown, "", "", "no listeFactures in the answer", std::nullopt};
  for (const json::value& f : list->get_array()) {
    if (str(f, "numeroFacture") != ref.invoice_number) continue;
    const std::string statut = str(f, "statut");
    Answer a{invoice_outcome(statut), str(f, "numeroFluxDepot"), statut, "", std::nullopt};
    if (a.outcome == Outcome::rejected) {
      const auto history = call("/cpro/factures/v1/consulter/historique",
                                {{"idFacture", std::stoll(str(f, "identifiantFactureCPP"))}}, problem);
      a.reason = history ? str(*history, "motifRejet") : "";
      if (a.reason.empty()) a.reason = "REJETEE by the buyer";
    }
    if (a.outcome == Outcome::unknown) a.reason = "unknown Chorus Pro statut '" + statut + "'";
    return a;
  }
  return Answer{Outcome::not_found, "", "", "", std::nullopt};
}

Answer ChorusPortal::flux_report(const SubmissionRef& ref) {
  std::string problem;
  const auto report = call("/cpro/transverses/v1/consulterCRDetaille", {{"numeroFluxDepot", ref.portal_ref}}, problem);
  if (!report) return Answer{Outcome::unknown, ref.portal_ref, "", problem, std::nullopt};
  const std::string state = str(*report, "etatCourantDepotFlux");
  if (state == "IN_INTEGRE" || state == "IN_INTEGRE_PARTIEL") return lookup(ref);
  if (state != "IN_REJETE") return Answer{Outcome::submitted, ref.portal_ref, state, "", std::nullopt};
  std::string error;
  if (const json::value* errors = report->as_object().if_contains("listeErreurDP"); errors && errors->is_array())
    for (const json::value& e : errors->get_array()) error += (error.empty() ? "" : "; ") + str(e, "libelleErreurDP");
  if (error.find("Doublon") != std::string::npos || error.find("doublon") != std::string::npos) {
    Answer integrated = lookup(ref);   // the number was integrated before: that is this submission
    if (integrated.outcome != Outcome::not_found) return integrated;
  }
  return Answer{Outcome::rejected, ref.portal_ref, state, error.empty() ? "IN_REJETE" : error, std::nullopt};
}

Answer ChorusPortal::status(const SubmissionRef& ref) {
  if (ref.portal_ref.starts_with("CPP")) return flux_report(ref);
  return lookup(ref);
}

}  // namespace o2c::portals::chorus
