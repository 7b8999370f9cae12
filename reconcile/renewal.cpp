// Rule 4 of sim/DATA.md: a subscription of a customer that needs a PO ends
// soon and no later order of that account exists yet.
#include <fmt/format.h>

#include <chrono>
#include <optional>
#include <unordered_map>

#include "reconcile/exception_builder.h"
#include "reconcile/rules.h"

namespace o2c::reconcile {

namespace {

using schema::Order;

// Latest EffectiveDate among the signed orders of each CRM account.
std::unordered_map<std::string_view, Date> latest_start_per_account(const Ledger& ledger) {
  std::unordered_map<std::string_view, Date> latest;
  for (const Order* o : ledger.orders) {
    if (!is_signed_order(*o) || !o->effective_date) continue;
    auto [it, inserted] = latest.emplace(o->customer_id, *o->effective_date);
    if (!inserted && it->second < *o->effective_date) it->second = *o->effective_date;
  }
  return latest;
}

}  // namespace

void check_renewals(const Ledger& ledger, std::vector<schema::ExceptionItem>& out) {
  using std::chrono::days;
  using std::chrono::sys_days;
  const Date horizon_end{sys_days{ledger.today} + days{ledger.renewal_horizon_days}};
  const auto latest = latest_start_per_account(ledger);
  for (const Order* o : ledger.orders) {
    if (!is_signed_order(*o) || !o->end_date) continue;
    const Date end = *o->end_date;
    if (end < ledger.today || horizon_end < end) continue;
    const std::string required_by = ledger.po_requirement(o->customer_id, nullptr);
    if (required_by.empty()) continue;
    const auto later = latest.find(o->customer_id);
    if (later != latest.end() && later->second >= end) continue;
    auto item = order_exception(schema::ExceptionKind::po_needed_for_renewal, "renewal.po_needed", *o, ledger);
    item.reference_date = end;
    add_evidence(item, "subscription_end", to_iso8601(end));
    add_evidence(item, "days_until_end", std::to_string(days_between(ledger.today, end)));
    add_evidence(item, "horizon",
                 fmt::format("{} .. {} ({} days)", to_iso8601(ledger.today), to_iso8601(horizon_end),
                             ledger.renewal_horizon_days));
    add_evidence(item, "po_required_by", required_by);
    add_evidence(item, "latest_signed_order_start",
                 later == latest.end() ? "none" : fmt::format("{} (before the end)", to_iso8601(later->second)));
    out.push_back(std::move(item));
  }
}

}  // namespace o2c::reconcile
