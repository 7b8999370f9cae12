#include "reconcile/reconcile.h"

#include <fmt/format.h>

#include <algorithm>
#include <tuple>

#include "core/error.h"
#include "reconcile/ledger.h"
#include "reconcile/linking.h"
#include "reconcile/rules.h"
#include "reconcile/tolerance.h"

namespace o2c::reconcile {

namespace {

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string_view without_leading_zeros(std::string_view s) {
  while (s.size() > 1 && s.front() == '0') s.remove_prefix(1);
  return s;
}

void sort_for_output(std::vector<schema::ExceptionItem>& items) {
  std::sort(items.begin(), items.end(), [](const schema::ExceptionItem& a, const schema::ExceptionItem& b) {
    return std::tie(a.kind, a.order_id, a.invoice_id, a.record_key, a.customer_id) <
           std::tie(b.kind, b.order_id, b.invoice_id, b.record_key, b.customer_id);
  });
}

}  // namespace

void validate(const Settings& settings) {
  Tolerance{settings.amount_tolerance};
  if (settings.renewal_horizon_days < 0)
    throw Error(Error::Kind::config, fmt::format("reconcile.renewal_po_horizon: must not be negative (got {} days)",
                                                 settings.renewal_horizon_days));
}

Outcome reconcile_with_summary(const Inputs& inputs, const Settings& settings) {
  Ledger ledger = build_ledger(inputs, settings);
  const Links links = link_documents(ledger);
  Outcome outcome;
  check_orders(ledger, links, outcome.items);
  check_invoices(ledger, links, outcome.items);
  check_renewals(ledger, outcome.items);
  ledger.stats.invalid_records = report_invalid_records(inputs.invalid_records, outcome.items);
  sort_for_output(outcome.items);
  outcome.stats = ledger.stats;
  outcome.warnings = std::move(ledger.warnings);
  return outcome;
}

std::vector<schema::ExceptionItem> reconcile(const Inputs& inputs, const Settings& settings) {
  return reconcile_with_summary(inputs, settings).items;
}

std::string normalise_po(std::string_view po) {
  std::string out;
  out.reserve(po.size());
  for (char ch : po) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 'a' && c <= 'z')
      out.push_back(static_cast<char>(c - ('a' - 'A')));
    else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80)
      out.push_back(ch);
  }
  return out;
}

bool document_id_less(std::string_view a, std::string_view b) {
  if (all_digits(a) && all_digits(b)) {
    const std::string_view x = without_leading_zeros(a), y = without_leading_zeros(b);
    if (x.size() != y.size()) return x.size() < y.size();
    if (x != y) return x < y;
  }
  return a < b;
}

}  // namespace o2c::reconcile
