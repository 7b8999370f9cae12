// The Salesforce tables Account and Order, generated row by row from Business.
#include <fmt/format.h>

#include "sim/dataset/business_layout.h"
#include "sim/dataset/dataset_core.h"
#include "sim/dataset/generated_table.h"

namespace o2c::sim::dataset {

namespace {

std::string_view country_code(Country c) {
  switch (c) {
    case Country::fr: return "FR";
    case Country::es: return "ES";
    case Country::gb: return "GB";
    case Country::de: return "DE";
    case Country::us: return "US";
  }
  return "US";
}

SimValue text_or_null(const std::optional<std::string>& s) {
  if (!s) return std::monostate{};
  return *s;
}

class AccountTable final : public GeneratedTable {
 public:
  explicit AccountTable(CorePtr core)
      : GeneratedTable(std::move(core), "Account", "SystemModstamp",
                       {{"Id", SimType::id, "", "Account ID"},
                        {"Name", SimType::text, "", "Account Name"},
                        {"AccountNumber", SimType::text, "", "Account Number"},
                        {"ParentId", SimType::reference, "Account", "Parent Account ID"},
                        {"BillingCountryCode", SimType::text, "", "Billing Country Code"},
                        {"CurrencyIsoCode", SimType::text, "", "Account Currency"},
                        {"Requires_PO__c", SimType::boolean, "", "Requires PO"},
                        {"CreatedDate", SimType::datetime, "", "Created Date"},
                        {"SystemModstamp", SimType::datetime, "", "System Modstamp"},
                        {"IsDeleted", SimType::boolean, "", "Deleted"},
                        {"BillingStreet", SimType::text, "", "Billing Street"},
                        {"BillingCity", SimType::text, "", "Billing City"},
                        {"BillingPostalCode", SimType::text, "", "Billing Zip/Postal Code"}}) {}

  std::size_t size() const override { return core_->accounts.size(); }
  const TableState& state() const override { return core_->accounts; }

  SimValue value(std::size_t a, std::size_t col) const override {
    check(a, col);
    const Business& b = core_->business;
    switch (col) {
      case kAccId: return b.account_id(a);
      case kAccName: return b.account_name(a);
      case kAccNumber: return fmt::format("ACC-{:06}", a + 1);
      case kAccParent: {
        const auto parent = b.parent(a);
        return parent ? SimValue(b.account_id(*parent)) : SimValue(std::monostate{});
      }
      case kAccCountry: return std::string(country_code(b.country(a)));
      case kAccCurrency: return std::string(iso_code(b.account_currency(a)));
      case kAccRequiresPo: return b.requires_po(a);
      case kAccCreated: return b.account_created(a);
      case kAccModstamp:
        return (core_->accounts.flags(a) & TableState::kTouched) != 0 ? b.now() : b.account_modstamp(a);
      case kAccDeleted: return false;
      case kAccStreet: return b.account_street(a);
      case kAccCity: return std::string(b.account_city(a));
      default: return b.account_postal_code(a);
    }
  }

  std::optional<std::size_t> find(std::string_view key) const override {
    const auto row = core_->business.account_row(key);
    if (!row || *row >= size()) return std::nullopt;
    return row;
  }
};

class OrderTable final : public GeneratedTable {
 public:
  explicit OrderTable(CorePtr core)
      : GeneratedTable(std::move(core), "Order", "SystemModstamp",
                       {{"Id", SimType::id, "", "Order ID"},
                        {"OrderNumber", SimType::text, "", "Order Number"},
                        {"AccountId", SimType::reference, "Account", "Account ID"},
                        {"Status", SimType::text, "", "Status"},
                        {"StatusCode", SimType::text, "", "Status Category"},
                        {"Type", SimType::text, "", "Order Type"},
                        {"EffectiveDate", SimType::date, "", "Order Start Date"},
                        {"EndDate", SimType::date, "", "Order End Date"},
                        {"ActivatedDate", SimType::datetime, "", "Activated Date"},
                        {"PoNumber", SimType::text, "", "PO Number"},
                        {"TotalAmount", SimType::decimal, "", "Order Amount"},
                        {"CurrencyIsoCode", SimType::text, "", "Order Currency"},
                        {"Description", SimType::text, "", "Description"},
                        {"CreatedDate", SimType::datetime, "", "Created Date"},
                        {"SystemModstamp", SimType::datetime, "", "System Modstamp"},
                        {"IsDeleted", SimType::boolean, "", "Deleted"}}) {}

  std::size_t size() const override { return core_->orders.size(); }
  const TableState& state() const override { return core_->orders; }

  SimValue value(std::size_t i, std::size_t col) const override {
    check(i, col);
    const Business& b = core_->business;
    const OrderPlan plan = b.plan(i);
    switch (col) {
      case kOrdId: return b.order_id(i);
      case kOrdNumber: return fmt::format("{:08}", i + 1);
      case kOrdAccount:
        return plan == OrderPlan::invalid_no_account ? SimValue(std::monostate{}) : SimValue(b.account_id(b.order_account(i)));
      case kOrdStatus:
      case kOrdStatusCode: return std::string(b.order_activated_status(i) ? "Activated" : "Draft");
      case kOrdType: return std::string(b.order_is_renewal(i) ? "Renewal" : "New Business");
      case kOrdEffective: return b.effective_date(i);
      case kOrdEnd: {
        const auto end = b.end_date(i);
        return end ? SimValue(*end) : SimValue(std::monostate{});
      }
      case kOrdActivated: {
        const auto at = b.order_activated(i);
        return at ? SimValue(*at) : SimValue(std::monostate{});
      }
      case kOrdPo:
        if (plan == OrderPlan::invalid_po_utf8) return std::string("PO-\xC3\x28\xFF-") + std::to_string(i + 1);
        return text_or_null(b.po_number(i));
      case kOrdAmount: return amount(i, plan);
      case kOrdCurrency:
        return std::string(plan == OrderPlan::invalid_currency ? "EUX" : iso_code(b.order_currency(i)));
      case kOrdDescription: return std::string(b.description(i));
      case kOrdCreated: return b.order_created(i);
      case kOrdModstamp: return (core_->orders.flags(i) & TableState::kTouched) != 0 ? b.now() : b.order_modstamp(i);
      default: {  // IsDeleted
        const std::uint8_t flags = core_->orders.flags(i);
        if ((flags & TableState::kDeletedSet) != 0) return (flags & TableState::kDeletedValue) != 0;
        return b.order_deleted(i);
      }
    }
  }

  std::optional<std::size_t> find(std::string_view key) const override {
    const auto row = core_->business.order_row(key);
    if (!row || *row >= size()) return std::nullopt;
    return row;
  }

 private:
  SimValue amount(std::size_t i, OrderPlan plan) const {
    const std::int64_t cents = core_->business.amount_cents(i);
    if (plan == OrderPlan::invalid_amount_bool) return true;
    if (plan == OrderPlan::invalid_amount_text)  // a European clerk's text in a number field
      return fmt::format("{},{:02} {}", cents / 100, cents % 100, iso_code(core_->business.order_currency(i)));
    return Decimal{cents_text(cents, true)};
  }
};

}  // namespace

SimTablePtr make_account_table(CorePtr core) { return std::make_shared<AccountTable>(std::move(core)); }
SimTablePtr make_order_table(CorePtr core) { return std::make_shared<OrderTable>(std::move(core)); }

}  // namespace o2c::sim::dataset
