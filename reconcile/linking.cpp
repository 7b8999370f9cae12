#include "reconcile/linking.h"

#include "core/text.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>

namespace o2c::reconcile {

namespace {

using schema::Invoice;
using schema::Order;

// Earliest EffectiveDate first (orders without one last), then Id.
bool candidate_less(const Order* a, const Order* b) {
  if (a->effective_date != b->effective_date) {
    if (!a->effective_date) return false;
    if (!b->effective_date) return true;
    return *a->effective_date < *b->effective_date;
  }
  return a->meta.external_id < b->meta.external_id;
}

std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  std::int64_t out;
  if (!__builtin_add_overflow(a, b, &out)) return out;
  return b > 0 ? std::numeric_limits<std::int64_t>::max() : std::numeric_limits<std::int64_t>::min();
}

// The customer + PO match needs a PO on both sides (sim/DATA.md rule 1): two
// documents without a PO are not evidence that they belong together.
bool has_po(std::string_view po) { return !trim(po).empty(); }

std::string match_key(std::string_view account, std::string_view po_normalised, Currency currency) {
  std::string key;
  key.reserve(account.size() + po_normalised.size() + 5);
  key.append(account).append(1, '\x1f').append(po_normalised).append(1, '\x1f').append(currency.code());
  return key;
}

// Signed orders grouped by (account, normalised PO, currency), then by exact
// amount; each amount group in candidate order with a cursor past the orders
// that already have a document (documents are never unlinked, so the cursor
// only moves forward and every lookup stays cheap). Only the groups some
// unreferenced document can ask for are built.
class PoMatcher {
 public:
  PoMatcher(const Ledger& ledger, const Links& links) : ledger_(ledger), links_(links) {
    for (const Invoice* doc : ledger.documents)
      if (doc->order_ref.empty() && !ledger.crm_account_of(*doc).empty() && has_po(doc->po_number))
        buckets_.try_emplace(
            match_key(ledger.crm_account_of(*doc), normalise_po(doc->po_number), doc->amount.currency()));
    if (buckets_.empty()) return;
    for (std::size_t o = 0; o < ledger.orders.size(); ++o) {
      const Order& order = *ledger.orders[o];
      if (!is_signed_order(order) || order.customer_id.empty() || !has_po(order.po_number)) continue;
      const auto bucket =
          buckets_.find(match_key(order.customer_id, normalise_po(order.po_number), order.amount.currency()));
      if (bucket != buckets_.end()) bucket->second[order.amount.minor()].orders.push_back(o);
    }
    for (auto& [key, groups] : buckets_)
      for (auto& [amount, group] : groups)
        std::sort(group.orders.begin(), group.orders.end(),
                  [&](std::size_t a, std::size_t b) { return candidate_less(ledger.orders[a], ledger.orders[b]); });
  }

  // The first candidate without a document, or npos; then `already_invoiced`
  // names a candidate that matched but had a document.
  std::size_t take(const Invoice& doc, std::string_view account, const Order*& already_invoiced) {
    if (!has_po(doc.po_number)) return kNone;
    const auto bucket = buckets_.find(match_key(account, normalise_po(doc.po_number), doc.amount.currency()));
    if (bucket == buckets_.end()) return kNone;
    const std::int64_t tolerance = ledger_.tolerance.in(doc.amount.currency()).minor();
    const std::int64_t low = saturating_add(doc.net_amount().minor(), -tolerance);
    const std::int64_t high = saturating_add(doc.net_amount().minor(), tolerance);
    std::size_t best = kNone;
    for (auto g = bucket->second.lower_bound(low); g != bucket->second.end() && g->first <= high; ++g) {
      AmountGroup& group = g->second;
      while (group.next < group.orders.size() && !links_.documents_of[group.orders[group.next]].empty()) ++group.next;
      if (group.next == group.orders.size()) {
        if (!already_invoiced) already_invoiced = ledger_.orders[group.orders.front()];
        continue;
      }
      const std::size_t candidate = group.orders[group.next];
      if (best == kNone || candidate_less(ledger_.orders[candidate], ledger_.orders[best])) best = candidate;
    }
    if (best != kNone) already_invoiced = nullptr;
    return best;
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

 private:
  struct AmountGroup {
    std::vector<std::size_t> orders;  // indices into ledger.orders
    std::size_t next = 0;
  };
  const Ledger& ledger_;
  const Links& links_;
  std::unordered_map<std::string, std::map<std::int64_t, AmountGroup>> buckets_;
};

void add_link(Links& links, std::size_t doc, std::size_t order, const Ledger& ledger, LinkVia via) {
  links.of_document[doc].order = ledger.orders[order];
  links.of_document[doc].via = via;
  links.documents_of[order].push_back(doc);
}

void link_by_reference(Ledger& ledger, Links& links) {
  for (std::size_t i = 0; i < ledger.documents.size(); ++i) {
    const Invoice& doc = *ledger.documents[i];
    if (doc.order_ref.empty()) continue;
    const auto it = ledger.order_by_id.find(doc.order_ref);
    DeadReference& dead = links.of_document[i].dead_reference;
    if (it == ledger.order_by_id.end())
      dead = ledger.invalid_by_id.count(doc.order_ref) ? DeadReference::unreadable : DeadReference::unknown;
    else if (ledger.orders[it->second]->meta.deleted)
      dead = DeadReference::deleted;
    else if (!ledger.orders[it->second]->is_signed)
      dead = DeadReference::draft;
    if (dead != DeadReference::none) continue;
    add_link(links, i, it->second, ledger, LinkVia::reference);
    ++ledger.stats.linked_by_reference;
  }
}

void link_by_po_match(Ledger& ledger, Links& links) {
  PoMatcher matcher(ledger, links);
  for (std::size_t i = 0; i < ledger.documents.size(); ++i) {
    const Invoice& doc = *ledger.documents[i];
    if (!doc.order_ref.empty()) continue;  // a reference decides, even a dead one
    const std::string_view account = ledger.crm_account_of(doc);
    if (account.empty()) continue;
    const std::size_t order = matcher.take(doc, account, links.of_document[i].already_invoiced_match);
    if (order == PoMatcher::kNone) continue;
    add_link(links, i, order, ledger, LinkVia::po_match);
    ++ledger.stats.linked_by_po_match;
  }
}

}  // namespace

const char* to_string(DeadReference reason) {
  switch (reason) {
    case DeadReference::none:
      return "none";
    case DeadReference::draft:
      return "a draft (not signed) order";
    case DeadReference::deleted:
      return "a deleted order";
    case DeadReference::unreadable:
      return "an order that could not be read (DATA_INVALID)";
    case DeadReference::unknown:
      return "an order that does not exist";
  }
  return "?";
}

Links link_documents(Ledger& ledger) {
  Links links;
  links.of_document.resize(ledger.documents.size());
  links.documents_of.resize(ledger.orders.size());
  link_by_reference(ledger, links);
  link_by_po_match(ledger, links);
  return links;
}

}  // namespace o2c::reconcile
