#include "reconcile/ledger.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "core/error.h"
#include "core/text.h"

namespace o2c::reconcile {

namespace {

using schema::Customer;
using schema::Invoice;
using schema::Order;

std::string record_key(std::string_view source, std::string_view object, std::string_view id) {
  return fmt::format("{}\x1f{}\x1f{}", source, object, id);
}

// Records that failed mapping do not exist for the rules (DATA.md rule 1),
// even when the store still holds an older, valid version of them.
class InvalidKeys {
 public:
  explicit InvalidKeys(const std::vector<schema::InvalidRecord>& invalid) {
    for (const auto& r : invalid) keys_.insert(record_key(r.source, r.object, r.external_id));
  }
  bool contains(const schema::RecordMeta& m) const {
    return !keys_.empty() && keys_.count(record_key(m.source, m.object, m.external_id)) > 0;
  }

 private:
  std::unordered_set<std::string> keys_;
};

bool is_crm_account(const Customer& c) { return !c.crm_account_id.empty() && c.crm_account_id == c.meta.external_id; }

void index_customers(const Inputs& in, const InvalidKeys& invalid, Ledger& ledger) {
  for (const auto& c : in.customers) {
    if (invalid.contains(c.meta)) continue;
    auto& index = is_crm_account(c) ? ledger.crm_accounts : ledger.erp_customers;
    index.emplace(c.meta.external_id, &c);
  }
}

// Admin-named customers (settings.require_po), matched on id, number or name.
void add_named_po_requirements(const Inputs& in, const Settings& settings, Ledger& ledger) {
  std::unordered_map<std::string, std::string> wanted;  // folded → as written
  for (const auto& entry : settings.require_po) {
    const std::string folded = fold_case(trim(entry));
    if (!folded.empty()) wanted.emplace(folded, std::string(trim(entry)));
  }
  if (wanted.empty()) return;
  std::unordered_set<std::string> matched;
  for (const auto& c : in.customers) {
    const bool crm = is_crm_account(c);
    if (!(crm ? ledger.crm_accounts : ledger.erp_customers).count(c.meta.external_id)) continue;
    for (const std::string* field : {&c.meta.external_id, &c.number, &c.name}) {
      const auto it = field->empty() ? wanted.end() : wanted.find(fold_case(trim(*field)));
      if (it == wanted.end()) continue;
      matched.insert(it->first);
      const std::string reason = fmt::format("reconcile.require_po entry '{}'", it->second);
      if (crm) {
        ledger.crm_po_reason.emplace(c.meta.external_id, reason);
      } else {
        ledger.erp_po_reason.emplace(c.meta.external_id, reason);
        if (!c.crm_account_id.empty()) ledger.crm_po_reason.emplace(c.crm_account_id, reason);
      }
    }
  }
  for (const auto& [folded, written] : wanted)
    if (!matched.count(folded))
      ledger.warnings.push_back(
          fmt::format("reconcile.require_po: '{}' names no known customer (id, number or name)", written));
  std::sort(ledger.warnings.begin(), ledger.warnings.end());
}

void index_orders(const Inputs& in, const InvalidKeys& invalid, Ledger& ledger) {
  ledger.orders.reserve(in.orders.size());
  ledger.order_by_id.reserve(in.orders.size());
  for (const auto& o : in.orders) {
    if (invalid.contains(o.meta)) continue;
    if (!ledger.order_by_id.emplace(o.meta.external_id, ledger.orders.size()).second) continue;  // first copy wins
    ledger.orders.push_back(&o);
    if (is_signed_order(o)) ++ledger.stats.signed_orders;
  }
  ledger.stats.orders = ledger.orders.size();
}

void index_documents(const Inputs& in, const InvalidKeys& invalid, Ledger& ledger) {
  ledger.documents.reserve(in.invoices.size());
  for (const auto& d : in.invoices) {
    if (invalid.contains(d.meta)) continue;
    if (d.meta.deleted) {
      ++ledger.stats.voided_ignored;
      continue;
    }
    ledger.documents.push_back(&d);
  }
  std::sort(ledger.documents.begin(), ledger.documents.end(), [](const Invoice* a, const Invoice* b) {
    if (a->issue_date != b->issue_date) return a->issue_date < b->issue_date;  // no date sorts first
    return document_id_less(a->meta.external_id, b->meta.external_id);
  });
  ledger.stats.documents = ledger.documents.size();
}

}  // namespace

std::string fold_case(std::string_view text) {
  std::string out(text);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'A' && c <= 'Z') {
      out[i] = static_cast<char>(c + ('a' - 'A'));
    } else if (c == 0xC3 && i + 1 < out.size()) {  // U+00C0..U+00DE except U+00D7 (×)
      const auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

Ledger build_ledger(const Inputs& in, const Settings& settings) {
  validate(settings);
  Ledger ledger;
  ledger.today = in.today;
  ledger.renewal_horizon_days = settings.renewal_horizon_days;
  ledger.tolerance = Tolerance(settings.amount_tolerance);
  const InvalidKeys invalid(in.invalid_records);
  for (const auto& r : in.invalid_records) ledger.invalid_by_id.emplace(r.external_id, &r);
  index_customers(in, invalid, ledger);
  for (const auto& [id, account] : ledger.crm_accounts)
    if (account->requires_po) ledger.crm_po_reason.emplace(id, "CRM account flag requires_po");
  add_named_po_requirements(in, settings, ledger);
  index_orders(in, invalid, ledger);
  index_documents(in, invalid, ledger);
  return ledger;
}

const Customer* Ledger::erp_customer_of(const Invoice& doc) const {
  const auto it = erp_customers.find(doc.customer_id);
  return it == erp_customers.end() ? nullptr : it->second;
}

std::string_view Ledger::crm_account_of(const Invoice& doc) const {
  if (!doc.crm_account_id.empty()) return doc.crm_account_id;
  const Customer* erp = erp_customer_of(doc);
  return erp ? std::string_view(erp->crm_account_id) : std::string_view{};
}

std::string Ledger::po_requirement(std::string_view crm_account_id, const Customer* erp_customer) const {
  if (!crm_account_id.empty())
    if (auto it = crm_po_reason.find(crm_account_id); it != crm_po_reason.end()) return it->second;
  if (erp_customer)
    if (auto it = erp_po_reason.find(erp_customer->meta.external_id); it != erp_po_reason.end()) return it->second;
  return {};
}

std::string Ledger::customer_name(std::string_view crm_account_id, const Customer* erp_customer) const {
  if (auto it = crm_accounts.find(crm_account_id); !crm_account_id.empty() && it != crm_accounts.end())
    return it->second->name;
  return erp_customer ? erp_customer->name : std::string{};
}

}  // namespace o2c::reconcile
