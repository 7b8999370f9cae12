// daemon/push/invoice_book.cpp — the stored records an e-invoice is built
// from, indexed once per run: an invoice's ERP customer and CRM account, its
// order, the orders of its account by normalised PO, and its lines.
#include <algorithm>

#include <fmt/format.h>

#include "daemon/push/push.h"
#include "reconcile/reconcile.h"

namespace o2c::push {

namespace {
bool is_signed(const schema::Order& o) { return o.is_signed && !o.meta.deleted; }
}  // namespace

std::string InvoiceBook::key(std::string_view source, std::string_view id) {
  return fmt::format("{}\x1f{}", source, id);
}

InvoiceBook::InvoiceBook(std::vector<schema::Customer> customers, std::vector<schema::Order> orders,
                         std::vector<schema::Invoice> invoices, std::vector<schema::InvoiceLine> lines)
    : customers_(std::move(customers)),
      orders_(std::move(orders)),
      invoices_(std::move(invoices)),
      lines_(std::move(lines)) {
  for (std::size_t i = 0; i < customers_.size(); ++i) {
    const schema::Customer& c = customers_[i];
    customer_by_key_.emplace(key(c.meta.source, c.meta.external_id), i);
    if (c.crm_account_id == c.meta.external_id) crm_by_id_.emplace(c.meta.external_id, i);  // a CRM account
  }
  for (std::size_t i = 0; i < orders_.size(); ++i) {
    const schema::Order& o = orders_[i];
    if (!is_signed(o)) continue;
    order_by_id_.emplace(o.meta.external_id, i);
    if (!o.po_number.empty()) order_by_account_po_.emplace(key(o.customer_id, reconcile::normalise_po(o.po_number)), i);
  }
  for (std::size_t i = 0; i < lines_.size(); ++i)
    if (!lines_[i].meta.deleted) lines_by_invoice_.emplace(key(lines_[i].meta.source, lines_[i].invoice_id), i);
}

const schema::Customer* InvoiceBook::erp_customer(const schema::Invoice& invoice) const {
  const auto it = customer_by_key_.find(key(invoice.meta.source, invoice.customer_id));
  return it == customer_by_key_.end() ? nullptr : &customers_[it->second];
}

const schema::Customer* InvoiceBook::crm_account(const schema::Invoice& invoice) const {
  std::string id = invoice.crm_account_id;
  if (id.empty())
    if (const schema::Customer* c = erp_customer(invoice)) id = c->crm_account_id;
  if (id.empty()) return nullptr;
  const auto it = crm_by_id_.find(id);
  return it == crm_by_id_.end() ? nullptr : &customers_[it->second];
}

const schema::Order* InvoiceBook::referenced_order(const schema::Invoice& invoice) const {
  if (invoice.order_ref.empty()) return nullptr;
  const auto it = order_by_id_.find(invoice.order_ref);
  return it == order_by_id_.end() ? nullptr : &orders_[it->second];
}

const schema::Order* InvoiceBook::order_with_po(const schema::Invoice& invoice, std::string_view po) const {
  std::string account = invoice.crm_account_id;
  if (account.empty())
    if (const schema::Customer* c = erp_customer(invoice)) account = c->crm_account_id;
  if (account.empty() || po.empty()) return nullptr;
  const auto it = order_by_account_po_.find(key(account, reconcile::normalise_po(po)));
  return it == order_by_account_po_.end() ? nullptr : &orders_[it->second];
}

std::vector<const schema::InvoiceLine*> InvoiceBook::lines_of(const schema::Invoice& invoice) const {
  std::vector<const schema::InvoiceLine*> out;
  const auto [begin, end] = lines_by_invoice_.equal_range(key(invoice.meta.source, invoice.meta.external_id));
  for (auto it = begin; it != end; ++it) out.push_back(&lines_[it->second]);
  std::sort(out.begin(), out.end(), [](const schema::InvoiceLine* a, const schema::InvoiceLine* b) {
    return reconcile::document_id_less(a->line_number, b->line_number);
  });
  return out;
}

}  // namespace o2c::push
