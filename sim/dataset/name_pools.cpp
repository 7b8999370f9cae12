#include "sim/dataset/name_pools.h"

#include <array>
#include <vector>

namespace o2c::sim::dataset {

namespace {

struct CountryWords {
  std::vector<std::string_view> stems, trades, legal_forms;
};

CountryWords words_of(Country c) {
  switch (c) {
    case Country::fr:
      return {{"Société Générale", "Ateliers Bréguet", "Groupe Lumière", "Compagnie Picard", "Établissements Côté",
               "Maison Dufour", "Forges de l'Oise", "Crédit Rhône"},
              {"Équipements", "Logistique", "Énergie", "Systèmes", "Distribution", "Santé"},
              {"SA", "SAS", "SARL"}};
    case Country::es:
      return {{"Telefónica", "Construcciones Peña", "Núñez y Asociados", "Grupo Ibérico", "Logística Andaluza",
               "Hermanos García", "Talleres Muñoz", "Aceites del Sur"},
              {"Ibérica", "Servicios", "Ingeniería", "Tecnología", "Energía", "Alimentación"},
              {"S.A.", "S.L.", "S.L.U."}};
    case Country::gb:
      return {{"Thames", "Pennine", "Bramble", "Harbour", "Oakridge", "Kestrel", "Whitcombe", "Northgate"},
              {"Widgets", "Logistics", "Systems", "Foods", "Engineering", "Analytics"},
              {"Ltd", "PLC", "LLP"}};
    case Country::de:
      return {{"Müller & Söhne", "Schäfer", "Nordwind", "Köhler", "Weiß & Partner", "Bäckerei Groß", "Jäger",
               "Rheinstahl"},
              {"Logistik", "Maschinenbau", "Technik", "Systeme", "Handel", "Energie"},
              {"GmbH", "AG", "KG"}};
    case Country::us:
      break;
  }
  return {{"Acme", "Pioneer", "Summit", "Lakeside", "Redwood", "Bluegrass", "Cascade", "Liberty"},
          {"Widgets", "Software", "Industries", "Labs", "Health", "Holdings"},
          {"Inc.", "LLC", "Corp."}};
}

std::vector<std::string> build_pool(Country c) {
  const CountryWords w = words_of(c);
  std::vector<std::string> pool;
  for (const auto stem : w.stems)
    for (const auto trade : w.trades)
      for (const auto form : w.legal_forms) pool.push_back(std::string(stem) + " " + std::string(trade) + " " + std::string(form));
  return pool;
}

const std::array<std::vector<std::string>, 5>& pools() {
  static const std::array<std::vector<std::string>, 5> all{build_pool(Country::fr), build_pool(Country::es),
                                                           build_pool(Country::gb), build_pool(Country::de),
                                                           build_pool(Country::us)};
  return all;
}

}  // namespace

const std::string& fixed_company_name(std::size_t k) {
  static const std::array<std::string, kFixedCompanyNames> names{"Société Générale Équipements", "Müller & Söhne GmbH",
                                                                 "Telefónica Ibérica"};
  return names.at(k);
}

Country fixed_company_country(std::size_t k) {
  static constexpr std::array<Country, kFixedCompanyNames> countries{Country::fr, Country::de, Country::es};
  return countries.at(k);
}

const std::string& company_name(Country country, std::uint64_t draw) {
  const auto& pool = pools()[static_cast<std::size_t>(country)];
  return pool[draw % pool.size()];
}

std::string_view order_description(std::uint64_t draw) {
  static constexpr std::array<std::string_view, 8> texts{
      "Annual platform subscription",
      "Subscription – 50 named users",
      "Renouvellement annuel, support Premium",
      "Jahreslizenz inkl. Wartung",
      "Suscripción anual – módulo de facturación",
      "Implementation services, fixed fee",
      "Analytics add-on, 12 months",
      "Training package (3 days, on site)",
  };
  return texts[draw % texts.size()];
}

std::string_view invoice_memo(std::uint64_t draw) {
  static constexpr std::array<std::string_view, 5> texts{
      "Subscription invoice", "As per order confirmation", "Annual billing", "Facturation annuelle",
      "Rechnung gemäß Auftrag"};
  return texts[draw % texts.size()];
}

}  // namespace o2c::sim::dataset
