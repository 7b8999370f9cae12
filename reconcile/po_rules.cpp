// Rule 3 of sim/DATA.md: per document (credit notes included: a credit note
// the customer's AP cannot match to an order or a PO is as stuck as an
// invoice), a signed order behind it and the PO the customer's AP needs.
#include <fmt/format.h>

#include "core/text.h"
#include "reconcile/exception_builder.h"
#include "reconcile/rules.h"

namespace o2c::reconcile {

namespace {

using schema::ExceptionItem;
using schema::ExceptionKind;
using schema::Invoice;

ExceptionItem without_order(const Invoice& doc, const DocumentLink& link, const Ledger& ledger) {
  ExceptionItem item =
      invoice_exception(ExceptionKind::invoice_without_order, "linking.invoice_without_order", doc, nullptr, ledger);
  if (link.dead_reference != DeadReference::none) {
    add_evidence(item, "order_reference", fmt::format("{} is {}", doc.order_ref, to_string(link.dead_reference)));
    add_evidence(item, "po_match", "not tried: the invoice names its order");
    return item;
  }
  add_evidence(item, "order_reference", "none");
  const std::string_view account = ledger.crm_account_of(doc);
  if (account.empty()) {
    add_evidence(item, "po_match", "not possible: the ERP customer is linked to no CRM account");
    return item;
  }
  add_evidence(item, "po_match",
               fmt::format("no signed order without an invoice matches account {} + PO '{}' + {} within {}", account,
                           normalise_po(doc.po_number), doc.net_amount(), ledger.tolerance.in(doc.amount.currency())));
  if (const schema::Order* o = link.already_invoiced_match)
    add_evidence(item, "matching_order_already_invoiced", fmt::format("{} (id {})", o->number, o->meta.external_id));
  return item;
}

ExceptionItem po_missing(const Invoice& doc, const DocumentLink& link, const std::string& required_by,
                         const Ledger& ledger) {
  ExceptionItem item = invoice_exception(ExceptionKind::po_missing, "po.missing", doc, link.order, ledger);
  add_evidence(item, "po_required_by", required_by);
  add_evidence(item, "invoice_po", "none");
  if (link.order && !link.order->po_number.empty()) add_evidence(item, "order_po", link.order->po_number);
  return item;
}

ExceptionItem po_mismatch(const Invoice& doc, const DocumentLink& link, const std::string& invoice_po,
                          const std::string& order_po, const Ledger& ledger) {
  ExceptionItem item = invoice_exception(ExceptionKind::po_mismatch, "po.mismatch", doc, link.order, ledger);
  add_evidence(item, "invoice_po", doc.po_number);
  add_evidence(item, "order_po", link.order->po_number);
  add_evidence(item, "invoice_po_normalised", invoice_po);
  add_evidence(item, "order_po_normalised", order_po);
  add_evidence(item, "normalisation", "upper-case, spaces and punctuation dropped");
  return item;
}

}  // namespace

void check_invoices(const Ledger& ledger, const Links& links, std::vector<ExceptionItem>& out) {
  for (std::size_t i = 0; i < ledger.documents.size(); ++i) {
    const Invoice& doc = *ledger.documents[i];
    const DocumentLink& link = links.of_document[i];
    if (!link.order) out.push_back(without_order(doc, link, ledger));
    if (trim(doc.po_number).empty()) {
      const std::string required_by = ledger.po_requirement(ledger.crm_account_of(doc), ledger.erp_customer_of(doc));
      if (!required_by.empty()) out.push_back(po_missing(doc, link, required_by, ledger));
      continue;
    }
    if (!link.order || trim(link.order->po_number).empty()) continue;
    const std::string invoice_po = normalise_po(doc.po_number);
    const std::string order_po = normalise_po(link.order->po_number);
    if (order_po != invoice_po)
      out.push_back(po_mismatch(doc, link, invoice_po, order_po, ledger));
  }
}

}  // namespace o2c::reconcile
