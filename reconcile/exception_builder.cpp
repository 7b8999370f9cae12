#include "reconcile/exception_builder.h"

#include <fmt/format.h>

namespace o2c::reconcile {

schema::ExceptionItem order_exception(schema::ExceptionKind kind, std::string_view rule, const schema::Order& order,
                                      const Ledger& ledger) {
  schema::ExceptionItem item;
  item.kind = kind;
  item.rule = std::string(rule);
  item.customer_id = order.customer_id;
  item.order_id = order.meta.external_id;
  item.customer_name = ledger.customer_name(order.customer_id);
  item.order_number = order.number;
  item.po_number = order.po_number;
  item.amount = order.amount;
  if (order.signed_at)
    item.reference_date = to_date(*order.signed_at);
  else
    item.reference_date = order.effective_date;
  add_evidence(item, "rule", item.rule);
  add_evidence(item, "order",
               fmt::format("{} (id {}, {}, effective {})", order.number, order.meta.external_id, order.amount,
                           describe_date(order.effective_date)));
  return item;
}

schema::ExceptionItem invoice_exception(schema::ExceptionKind kind, std::string_view rule,
                                        const schema::Invoice& invoice, const schema::Order* linked_order,
                                        const Ledger& ledger) {
  const schema::Customer* erp = ledger.erp_customer_of(invoice);
  schema::ExceptionItem item;
  item.kind = kind;
  item.rule = std::string(rule);
  item.customer_id = std::string(ledger.crm_account_of(invoice));
  item.invoice_id = invoice.meta.external_id;
  item.customer_name = ledger.customer_name(item.customer_id, erp);
  item.invoice_number = invoice.number;
  item.po_number = invoice.po_number;
  item.amount = invoice.amount;
  item.reference_date = invoice.issue_date;
  if (linked_order) {
    item.order_id = linked_order->meta.external_id;
    item.order_number = linked_order->number;
  }
  add_evidence(item, "rule", item.rule);
  add_evidence(item, invoice.kind == schema::InvoiceKind::credit_note ? "credit_note" : "invoice",
               describe_document(invoice));
  if (erp)
    add_evidence(item, "erp_customer", fmt::format("{} (id {})", erp->number, erp->meta.external_id));
  else
    add_evidence(item, "erp_customer", fmt::format("id {} (not among the synced customers)", invoice.customer_id));
  return item;
}

void add_evidence(schema::ExceptionItem& item, std::string name, std::string value) {
  item.evidence.push_back({std::move(name), std::move(value)});
}

std::string describe_date(const std::optional<Date>& date) { return date ? to_iso8601(*date) : "none"; }

std::string describe_document(const schema::Invoice& doc) {
  const std::string amount = doc.tax_amount && !doc.tax_amount->is_zero()
                                 ? fmt::format("{} before VAT, {} with VAT", doc.net_amount(), doc.amount)
                                 : fmt::format("{}", doc.amount);
  return fmt::format("{}{} (id {}, {}, {})", doc.kind == schema::InvoiceKind::credit_note ? "credit note " : "",
                     doc.number, doc.meta.external_id, describe_date(doc.issue_date), amount);
}

}  // namespace o2c::reconcile
