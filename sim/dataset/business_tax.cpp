// VAT of the documents, and the tax identities and billing addresses of the
// accounts (DATA.md "VAT" and "Tax identities and addresses").
#include <array>
#include <cstdlib>
#include <string_view>

#include <fmt/format.h>

#include "sim/dataset/business.h"

namespace o2c::sim::dataset {

namespace {

constexpr unsigned kExemptPercent = 5;        // FR invoices for training
constexpr unsigned kVatMissingPercent = 4;    // EU accounts without a VAT id

// The Luhn check digit that makes `digits` + it valid.
char luhn_digit(std::string_view digits) {
  int sum = 0;
  bool twice = true;  // the digit left of the check digit is doubled
  for (auto it = digits.rbegin(); it != digits.rend(); ++it, twice = !twice) {
    int d = *it - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

// ISO 7064 MOD 11,10, the check digit of a German VAT number.
char mod11_10_digit(std::string_view digits) {
  int product = 10;
  for (char c : digits) {
    int sum = (c - '0' + product) % 10;
    if (sum == 0) sum = 10;
    product = (2 * sum) % 11;
  }
  const int check = (11 - product) % 10;
  return static_cast<char>('0' + check);
}

struct CityPool {
  std::array<std::string_view, 6> cities;
  std::array<std::string_view, 6> postal_prefixes;
  std::array<std::string_view, 5> streets;
};

const CityPool& city_pool(Country c) {
  static const CityPool fr{{"Paris", "Lyon", "Marseille", "Toulouse", "Lille", "Nantes"},
                           {"750", "690", "130", "310", "590", "440"},
                           {"rue de la République", "avenue Jean Jaurès", "boulevard Haussmann", "rue Nationale",
                            "quai des Chartrons"}};
  static const CityPool es{{"Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "Zaragoza"},
                           {"280", "080", "460", "410", "480", "500"},
                           {"Calle Mayor", "Avenida Diagonal", "Calle de Alcalá", "Paseo de Gracia", "Gran Vía"}};
  static const CityPool gb{{"London", "Manchester", "Birmingham", "Leeds", "Bristol", "Edinburgh"},
                           {"EC1A", "M1", "B1", "LS1", "BS1", "EH1"},
                           {"High Street", "Station Road", "Church Lane", "King Street", "Victoria Road"}};
  static const CityPool de{{"Berlin", "München", "Hamburg", "Köln", "Frankfurt am Main", "Stuttgart"},
                           {"101", "803", "203", "506", "603", "701"},
                           {"Hauptstraße", "Bahnhofstraße", "Schillerstraße", "Goethestraße", "Lindenallee"}};
  static const CityPool us{{"New York", "San Francisco", "Chicago", "Austin", "Boston", "Seattle"},
                           {"100", "941", "606", "787", "021", "981"},
                           {"Main Street", "Market Street", "Broadway", "Oak Avenue", "Pine Street"}};
  switch (c) {
    case Country::fr: return fr;
    case Country::es: return es;
    case Country::gb: return gb;
    case Country::de: return de;
    case Country::us: return us;
  }
  return fr;
}

}  // namespace

VatTreatment Business::doc_vat(const DocRef& d) const {
  if (d.role == DocRole::payment && !d.late && d.row > 0) return doc_vat(document(d.row - 1));
  switch (country(order_account(d.order))) {
    case Country::fr:
      return draws_.chance(Stream::doc_vat_exempt, d.order, kExemptPercent) ? VatTreatment::exempt
                                                                           : VatTreatment::standard;
    case Country::de:
    case Country::es: return VatTreatment::reverse_charge;
    case Country::gb:
    case Country::us: return VatTreatment::export_;
  }
  return VatTreatment::standard;
}

std::int64_t Business::doc_vat_rate_percent(const DocRef& d) const {
  return doc_vat(d) == VatTreatment::standard ? 20 : 0;
}

std::int64_t Business::doc_tax_cents(const DocRef& d) const {
  if (doc_type(d.role) == DocType::payment) return 0;
  const std::int64_t scaled = doc_net_cents(d) * doc_vat_rate_percent(d);
  const std::int64_t whole = scaled / 100, rest = scaled % 100;
  if (std::llabs(rest) >= 50) return whole + (scaled < 0 ? -1 : 1);  // half away from zero
  return whole;
}

std::int64_t Business::doc_total_cents(const DocRef& d) const {
  if (doc_type(d.role) == DocType::payment) return doc_net_cents(d);
  return doc_net_cents(d) + doc_tax_cents(d);
}

std::string Business::account_siren(std::size_t a) const {
  if (country(a) != Country::fr) return "";
  const std::string body = fmt::format("{:08}", 30'000'000 + (customer_number(a) * 7919) % 60'000'000);
  return body + luhn_digit(body);
}

// Account 2 (the fixed Spanish company) is planted at any size: it sends its
// invoices through a Peppol access point and nobody entered its VAT id.
bool Business::account_vat_missing(std::size_t a) const {
  const Country c = country(a);
  if (c != Country::de && c != Country::es) return false;
  return a == kVatMissingAccount || (a >= 3 && draws_.chance(Stream::account_vat_missing, a, kVatMissingPercent));
}

PortalKind Business::portal_kind(std::size_t a) const {
  if (a == kVatMissingAccount) return PortalKind::peppol;
  const std::uint64_t p = draws_.below(Stream::account_portal, a, 100);
  const bool suite_buyer = requires_po(a);
  switch (country(a)) {
    case Country::fr: return p < 20 ? PortalKind::chorus : p < 30 ? PortalKind::peppol : PortalKind::none;
    case Country::de:
      return p < 35 ? PortalKind::peppol : p < 45 && suite_buyer ? PortalKind::coupa : PortalKind::none;
    case Country::es: return p < 15 ? PortalKind::file : p < 25 ? PortalKind::peppol : PortalKind::none;
    case Country::gb:
      if (!suite_buyer) return p < 10 ? PortalKind::peppol : PortalKind::none;
      return p < 40 ? PortalKind::ariba : p < 60 ? PortalKind::coupa : PortalKind::none;
    case Country::us:
      if (!suite_buyer) return PortalKind::none;
      return p < 45 ? PortalKind::coupa : p < 70 ? PortalKind::ariba : PortalKind::none;
  }
  return PortalKind::none;
}

std::string Business::account_vat_id(std::size_t a) const {
  const std::uint64_t n = customer_number(a);
  switch (country(a)) {
    case Country::fr: {
      const std::string siren = account_siren(a);
      const long key = (12 + 3 * (std::stol(siren) % 97)) % 97;
      return fmt::format("FR{:02}{}", key, siren);
    }
    case Country::de: {
      if (account_vat_missing(a)) return "";
      const std::string body = fmt::format("{:08}", 10'000'000 + (n * 104'729) % 89'999'999);
      return "DE" + body + mod11_10_digit(body);
    }
    case Country::es:
      if (account_vat_missing(a)) return "";
      return fmt::format("ESB{:08}", 10'000'000 + (n * 15'485'863) % 89'999'999);
    case Country::gb: return fmt::format("GB{:09}", 100'000'000 + (n * 32'452'843) % 899'999'999);
    case Country::us: return "";
  }
  return "";
}

std::string Business::account_street(std::size_t a) const {
  const CityPool& pool = city_pool(country(a));
  const std::uint64_t draw = draws_(Stream::account_street, a);
  const auto number = 1 + draw % 180;
  const std::string_view street = pool.streets[(draw / 180) % pool.streets.size()];
  return country(a) == Country::de ? fmt::format("{} {}", street, number) : fmt::format("{} {}", number, street);
}

std::string_view Business::account_city(std::size_t a) const {
  const CityPool& pool = city_pool(country(a));
  return pool.cities[draws_(Stream::account_street, a) / 1000 % pool.cities.size()];
}

std::string Business::account_postal_code(std::size_t a) const {
  const CityPool& pool = city_pool(country(a));
  const std::uint64_t draw = draws_(Stream::account_street, a) / 1000;
  const std::string_view prefix = pool.postal_prefixes[draw % pool.cities.size()];
  const auto tail = draw / 7 % 100;
  switch (country(a)) {
    case Country::gb: return fmt::format("{} {}AB", prefix, tail % 10);
    case Country::us: return fmt::format("{}{:02}", prefix, tail);
    default: return fmt::format("{}{:02}", prefix, tail);
  }
}

}  // namespace o2c::sim::dataset
