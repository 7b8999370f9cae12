// Accounts (Salesforce) and their customers (NetSuite): one row each, same order.
#include <chrono>

#include "sim/dataset/business.h"
#include "sim/dataset/business_layout.h"
#include "sim/dataset/name_pools.h"
#include "sim/dataset/salesforce_id.h"

namespace o2c::sim::dataset {

namespace {
constexpr std::chrono::days kAccountHistory{800};
constexpr std::chrono::seconds kAccountWindow{399LL * 86400};
}  // namespace

std::string_view iso_code(BusinessCurrency c) {
  switch (c) {
    case BusinessCurrency::usd: return "USD";
    case BusinessCurrency::gbp: return "GBP";
    case BusinessCurrency::eur: return "EUR";
  }
  return "EUR";
}

std::string_view netsuite_currency_id(BusinessCurrency c) {
  switch (c) {
    case BusinessCurrency::usd: return "1";
    case BusinessCurrency::gbp: return "2";
    case BusinessCurrency::eur: return "4";
  }
  return "4";
}

Country Business::country(std::size_t a) const {
  if (a < kFixedCompanyNames) return fixed_company_country(a);
  const auto p = draws_.below(Stream::account_country, a, 100);  // FR 25, ES 10, GB 20, DE 20, US 25
  return p < 25 ? Country::fr : p < 35 ? Country::es : p < 55 ? Country::gb : p < 75 ? Country::de : Country::us;
}

BusinessCurrency Business::account_currency(std::size_t a) const {
  switch (country(a)) {
    case Country::gb: return BusinessCurrency::gbp;
    case Country::us: return BusinessCurrency::usd;
    default: return BusinessCurrency::eur;
  }
}

bool Business::requires_po(std::size_t a) const { return draws_.chance(Stream::account_requires_po, a, 40); }

std::optional<std::size_t> Business::parent(std::size_t a) const {
  const std::uint32_t p = account_parent_[a];
  if (p == kNoParent) return std::nullopt;
  return p;
}

const std::string& Business::account_name(std::size_t a) const {
  if (a < kFixedCompanyNames) return fixed_company_name(a);
  return company_name(country(a), draws_(Stream::account_name, a));
}

std::string Business::account_id(std::size_t a) const { return salesforce_id("001", id_base_ + a); }

std::optional<std::size_t> Business::account_row(std::string_view id) const {
  const auto number = salesforce_id_number("001", id);
  if (!number || *number < id_base_) return std::nullopt;
  return static_cast<std::size_t>(*number - id_base_);
}

SimTime Business::account_created(std::size_t a) const {
  return spread(now_ - kAccountHistory, kAccountWindow, a, accounts());
}

SimTime Business::account_modstamp(std::size_t a) const { return account_created(a) + std::chrono::hours(1); }

SimTime Business::customer_modstamp(std::size_t a) const { return account_created(a) + std::chrono::hours(2); }

}  // namespace o2c::sim::dataset
