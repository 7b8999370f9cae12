#include "daemon/reconcile_run.h"

#include <chrono>

#include "core/log.h"
#include "daemon/push_setup.h"
#include "reconcile/reconcile.h"

namespace o2c::daemon {

ReconcileOutcome run_reconcile(const config::Config& cfg, store::Store& store, const Clock& clock) {
  const auto t0 = std::chrono::steady_clock::now();
  const Timestamp now = clock.now();
  reconcile::Inputs inputs;
  inputs.customers = store.customers();
  inputs.orders = store.orders();
  inputs.invoices = store.invoices();
  inputs.invalid_records = store.invalid_records();
  inputs.today = to_date(now);
  reconcile::Settings settings;
  settings.amount_tolerance = cfg.reconcile.amount_tolerance;
  settings.renewal_horizon_days =
      static_cast<int>(std::chrono::duration_cast<std::chrono::days>(cfg.reconcile.renewal_po_horizon).count());
  settings.require_po = cfg.reconcile.require_po;
  for (const auto& route : cfg.push.routes)  // a portal that refuses invoices without a PO
    if (route.po_required) settings.require_po.push_back(route.customer_id);
  auto result = reconcile::reconcile_with_summary(inputs, settings);
  if (!cfg.portals.empty()) {
    auto portal_items = push::portal_exceptions(store.submissions({}), inputs.customers, cfg.push.accept_within, now);
    result.items.insert(result.items.end(), portal_items.begin(), portal_items.end());
  }
  const auto& items = result.items;
  for (const auto& warning : result.warnings) logger("reconcile")->warn("{}", warning);
  ReconcileOutcome out;
  out.changes = store.sync_exceptions(items, now);
  out.exceptions = items.size();
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  logger("reconcile")->info(
      "reconcile done orders={} signed={} documents={} linked_by_reference={} linked_by_po={} invalid={} "
      "exceptions={} new={} still_open={} resolved={} ms={:.0f}",
      inputs.orders.size(), result.stats.signed_orders, result.stats.documents, result.stats.linked_by_reference,
      result.stats.linked_by_po_match, result.stats.invalid_records, items.size(), out.changes.opened,
      out.changes.still_open, out.changes.resolved, out.seconds * 1000);
  return out;
}

}  // namespace o2c::daemon
