// What Chorus Pro's answers mean.
#include <array>

#include <boost/json.hpp>
#include <fmt/format.h>

#include "connectors/portals/chorus/chorus_portal.h"

namespace o2c::portals::chorus {

namespace json = boost::json;

Outcome invoice_outcome(std::string_view statut) {
  static constexpr std::array<std::pair<std::string_view, Outcome>, 12> kStatuts{{
      {"DEPOSEE", Outcome::submitted},        {"EN_COURS_ACHEMINEMENT", Outcome::submitted},
      {"MISE_A_DISPOSITION", Outcome::submitted}, {"A_RECYCLER", Outcome::submitted},
      {"SUSPENDUE", Outcome::submitted},      {"SERVICE_FAIT", Outcome::accepted},
      {"MANDATEE", Outcome::accepted},        {"COMPLETEE", Outcome::accepted},
      {"MISE_EN_PAIEMENT", Outcome::paid},    {"REJETEE", Outcome::rejected},
      {"MISE_A_DISPOSITION_COMPTABLE", Outcome::accepted}, {"COMPTABILISEE", Outcome::accepted},
  }};
  for (const auto& [word, outcome] : kStatuts)
    if (word == statut) return outcome;
  return Outcome::unknown;
}

AnswerClass deposit_class(const http::Response& r, std::string& reason) {
  reason = r.excerpt();
  if (const auto generic = generic_class(r)) return *generic;
  if (r.status == 401 || r.status == 403) return AnswerClass::auth_failure;
  json::error_code ec;
  const json::value body = json::parse(r.body, ec);
  if (ec || !body.is_object()) return AnswerClass::unparseable;
  const json::value* code = body.as_object().if_contains("codeRetour");
  const json::value* libelle = body.as_object().if_contains("libelle");
  if (libelle && libelle->is_string()) reason = std::string(libelle->get_string());
  if (r.status == 200 && code && code->is_int64() && code->get_int64() == 0) {
    const json::value* flux = body.as_object().if_contains("numeroFluxDepot");
    return flux && flux->is_string() ? AnswerClass::received : AnswerClass::unparseable;
  }
  if (r.status == 400 || (r.status == 200 && code)) return AnswerClass::validation_reject;
  return AnswerClass::unparseable;
}

}  // namespace o2c::portals::chorus
