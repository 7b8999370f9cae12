// Salesforce orders: who buys what, when, for how much, under which PO.
#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "sim/dataset/business.h"
#include "sim/dataset/business_layout.h"
#include "sim/dataset/name_pools.h"
#include "sim/dataset/salesforce_id.h"

namespace o2c::sim::dataset {

namespace {
constexpr std::chrono::days kOrderHistory{400};
constexpr std::chrono::seconds kOrderWindow{400LL * 86400 - 3600};
constexpr std::chrono::seconds kLateDelay{90};
constexpr std::uint64_t kPhantomOffset = 1ULL << 40;
}  // namespace

bool is_invalid_order(OrderPlan p) {
  switch (p) {
    case OrderPlan::invalid_amount_text:
    case OrderPlan::invalid_amount_bool:
    case OrderPlan::invalid_currency:
    case OrderPlan::invalid_no_account:
    case OrderPlan::invalid_po_utf8: return true;
    default: return false;
  }
}

OrderPlan Business::plan(std::size_t i) const {
  return i < orders() ? static_cast<OrderPlan>(order_plan_[i] & kPlanMask) : OrderPlan::late;
}

std::size_t Business::order_account(std::size_t i) const {
  return i < orders() ? order_account_[i] : draws_.below(Stream::late_order, i, accounts());
}

std::string Business::order_id(std::size_t i) const { return salesforce_id("801", id_base_ + i); }

std::string Business::phantom_order_id(std::size_t k) const {
  return salesforce_id("801", id_base_ + kPhantomOffset + k);
}

std::optional<std::size_t> Business::order_row(std::string_view id) const {
  const auto number = salesforce_id_number("801", id);
  if (!number || *number < id_base_ || *number - id_base_ >= kPhantomOffset) return std::nullopt;
  return static_cast<std::size_t>(*number - id_base_);
}

SimTime Business::order_created(std::size_t i) const {
  if (i >= orders()) return now_ - kLateDelay;
  return spread(now_ - kOrderHistory, kOrderWindow, i, orders());
}

SimTime Business::order_modstamp(std::size_t i) const {
  if (i >= orders()) return now_ - kLateDelay;
  return order_created(run_last_row(i, orders(), kOrderRuns, draws_)) + kRunStampDelay;
}

std::optional<SimTime> Business::order_activated(std::size_t i) const {
  const OrderPlan p = plan(i);
  if (p == OrderPlan::draft) return std::nullopt;
  if (p == OrderPlan::late) return order_created(i);
  return order_created(i) + std::chrono::seconds(draws_.below(Stream::order_activation, i, 60));
}

bool Business::order_is_renewal(std::size_t i) const {
  const OrderPlan p = plan(i);
  if (p == OrderPlan::follow_up) return true;
  if (p == OrderPlan::late) return false;
  return draws_.chance(Stream::order_type, i, 30);
}

bool Business::subscription(std::size_t i) const {
  if (i < orders() && (order_plan_[i] & kForcedOneOff) != 0) return false;
  const OrderPlan p = plan(i);
  if (p == OrderPlan::follow_up || p == OrderPlan::po_needed_for_renewal || p == OrderPlan::late) return true;
  return draws_.chance(Stream::order_subscription, i, 80);
}

SimDate Business::effective_date(std::size_t i) const {
  const OrderPlan p = plan(i);
  if (p == OrderPlan::late) return today_;
  if (p == OrderPlan::follow_up) {
    const auto pred = predecessor(i);
    if (pred) return add_years(effective_date(*pred), 1);
  }
  const auto shift = std::chrono::days(static_cast<int>(draws_.below(Stream::order_effective_shift, i, 4)));
  return std::chrono::floor<std::chrono::days>(order_created(i)) - shift;
}

std::optional<SimDate> Business::end_date(std::size_t i) const {
  if (!subscription(i)) return std::nullopt;
  return add_years(effective_date(i), 1);
}

bool Business::has_po(std::size_t i) const {
  return requires_po(order_account(i)) || draws_.chance(Stream::order_has_po, i, 70);
}

std::optional<std::string> Business::po_number(std::size_t i) const {
  if (!has_po(i)) return std::nullopt;
  const std::size_t n = i + 1;
  if (draws_.chance(Stream::account_po_style, order_account(i), 70)) {
    const int year = static_cast<int>(std::chrono::year_month_day{effective_date(i)}.year());
    return fmt::format("PO-{}-{:06}", year, n);
  }
  return fmt::format("45{:08}", n);
}

std::int64_t Business::amount_cents(std::size_t i) const {
  const std::uint64_t draw = draws_(Stream::order_amount, i);
  auto units = static_cast<std::int64_t>(500 + draw % 59500);
  const auto rounding = draws_.below(Stream::order_amount_rounding, i, 10);
  if (rounding < 4) return (units - units % 10) * 100;
  if (rounding < 7) return units * 100;
  return units * 100 + static_cast<std::int64_t>((draw / 59500) % 100);
}

std::string_view Business::description(std::size_t i) const {
  return order_description(draws_(Stream::order_description, i));
}

std::optional<std::size_t> Business::predecessor(std::size_t i) const {
  if (i >= orders()) return std::nullopt;
  const auto it = std::lower_bound(follow_ups_.begin(), follow_ups_.end(), std::pair<std::uint32_t, std::uint32_t>(
                                                                              static_cast<std::uint32_t>(i), 0));
  if (it == follow_ups_.end() || it->first != i) return std::nullopt;
  return it->second;
}

}  // namespace o2c::sim::dataset
