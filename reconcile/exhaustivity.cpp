// Rule 2 of sim/DATA.md: every signed order invoiced, once, for its amount.
#include <fmt/format.h>

#include "reconcile/exception_builder.h"
#include "reconcile/rules.h"

namespace o2c::reconcile {

namespace {

using schema::ExceptionItem;
using schema::ExceptionKind;
using schema::Invoice;
using schema::Order;

using Documents = std::vector<const Invoice*>;

ExceptionItem not_invoiced(const Order& order, const Ledger& ledger) {
  ExceptionItem item =
      order_exception(ExceptionKind::order_not_invoiced, "exhaustivity.order_not_invoiced", order, ledger);
  add_evidence(item, "linked_documents", "none");
  add_evidence(item, "searched",
               fmt::format("no invoice or credit note references order {}, and no invoice without a reference "
                           "matches account {} + PO '{}' + {} within {}",
                           order.meta.external_id, order.customer_id, normalise_po(order.po_number), order.amount,
                           ledger.tolerance.in(order.amount.currency())));
  return item;
}

void add_documents(ExceptionItem& item, const Documents& docs) {
  for (const Invoice* d : docs) add_evidence(item, "linked_document", describe_document(*d));
}

ExceptionItem currency_mismatch(const Order& order, const Documents& docs, const Ledger& ledger) {
  ExceptionItem item =
      order_exception(ExceptionKind::currency_mismatch, "exhaustivity.currency_mismatch", order, ledger);
  add_evidence(item, "order_currency", std::string(order.amount.currency().code()));
  for (const Invoice* d : docs)
    if (!(d->amount.currency() == order.amount.currency()))
      add_evidence(item, "document_in_other_currency", describe_document(*d));
  add_documents(item, docs);
  add_evidence(item, "amount_check", "skipped: the currencies differ");
  return item;
}

void duplicates(const Order& order, const Documents& full, const Ledger& ledger, std::vector<ExceptionItem>& out) {
  for (std::size_t i = 1; i < full.size(); ++i) {
    ExceptionItem item =
        invoice_exception(ExceptionKind::duplicate_invoice, "exhaustivity.duplicate_invoice", *full[i], &order, ledger);
    add_evidence(item, "order_amount", fmt::format("{}", order.amount));
    add_evidence(item, "original_invoice", describe_document(*full[0]));
    add_evidence(item, "invoices_for_the_full_amount", std::to_string(full.size()));
    add_evidence(item, "comparison",
                 "invoice amount before VAT exactly equal to the order amount; later by (trandate, id)");
    out.push_back(std::move(item));
  }
}

ExceptionItem amount_item(ExceptionKind kind, std::string_view rule, const Order& order, const Documents& docs,
                          Money invoiced, const Ledger& ledger) {
  const Money difference = invoiced - order.amount;
  ExceptionItem item = order_exception(kind, rule, order, ledger);
  item.amount = difference.abs();
  add_evidence(item, "order_amount", fmt::format("{}", order.amount));
  add_documents(item, docs);
  add_evidence(item, "invoiced_net", fmt::format("{}", invoiced));
  add_evidence(item, "difference", signed_amount(difference));
  add_evidence(item, "tolerance", fmt::format("{}", ledger.tolerance.in(order.amount.currency())));
  return item;
}

void check_amounts(const Order& order, const Documents& docs, const Ledger& ledger, std::vector<ExceptionItem>& out) {
  const Money tolerance = ledger.tolerance.in(order.amount.currency());
  Money invoiced = Money::zero(order.amount.currency());
  for (const Invoice* d : docs) invoiced += d->net_amount();
  if (invoiced.within(order.amount, tolerance)) return;
  if (docs.size() == 1) {
    out.push_back(amount_item(ExceptionKind::amount_mismatch, "exhaustivity.single_document_amount", order, docs,
                              invoiced, ledger));
  } else if (invoiced.compare(order.amount) == std::strong_ordering::less) {
    out.push_back(amount_item(ExceptionKind::order_partially_invoiced, "exhaustivity.net_below_order", order, docs,
                              invoiced, ledger));
  } else {
    out.push_back(
        amount_item(ExceptionKind::order_over_invoiced, "exhaustivity.net_above_order", order, docs, invoiced, ledger));
  }
}

void check_linked(const Order& order, const Documents& docs, const Ledger& ledger, std::vector<ExceptionItem>& out) {
  for (const Invoice* d : docs)
    if (!(d->amount.currency() == order.amount.currency())) {
      out.push_back(currency_mismatch(order, docs, ledger));
      return;
    }
  Documents full;
  for (const Invoice* d : docs)
    if (d->kind == schema::InvoiceKind::invoice && d->net_amount() == order.amount) full.push_back(d);
  if (full.size() >= 2) return duplicates(order, full, ledger, out);
  check_amounts(order, docs, ledger, out);
}

}  // namespace

std::string signed_amount(Money m) { return fmt::format("{}{}", m.is_negative() ? "" : "+", m); }

void check_orders(const Ledger& ledger, const Links& links, std::vector<ExceptionItem>& out) {
  Documents docs;
  for (std::size_t o = 0; o < ledger.orders.size(); ++o) {
    const Order* order = ledger.orders[o];
    if (!is_signed_order(*order)) continue;
    if (links.documents_of[o].empty()) {
      out.push_back(not_invoiced(*order, ledger));
      continue;
    }
    docs.clear();
    for (std::size_t i : links.documents_of[o]) docs.push_back(ledger.documents[i]);
    check_linked(*order, docs, ledger, out);
  }
}

}  // namespace o2c::reconcile
