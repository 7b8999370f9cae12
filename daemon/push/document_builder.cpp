// daemon/push/document_builder.cpp — a stored invoice, its lines, its customer
// and CRM account → the e-invoice document a portal gets; or the rule that
// stops it, in words an AR clerk can act on.
#include <set>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "daemon/push/push.h"
#include "reconcile/reconcile.h"

namespace o2c::push {

namespace {

using einvoice::Document;

Built refuse(std::string rule, std::string reason) { return {std::nullopt, std::move(rule), std::move(reason), ""}; }

// `a` when it holds text, else `b`.
const std::string& either(const std::string& a, const std::string& b) { return a.empty() ? b : a; }

einvoice::Party buyer_party(const schema::Invoice& invoice, const InvoiceBook& book, const portals::Route& route) {
  const schema::Customer* erp = book.erp_customer(invoice);
  const schema::Customer* crm = book.crm_account(invoice);
  static const schema::Customer kNone;
  const schema::Customer& e = erp ? *erp : kNone;
  const schema::Customer& c = crm ? *crm : kNone;
  einvoice::Party p;
  p.name = either(e.name, c.name);
  p.vat_id = either(e.vat_id, c.vat_id);
  const schema::Customer& address = e.street.empty() ? c : e;  // one address, not a mix of two
  p.address.street = address.street;
  p.address.city = address.city;
  p.address.postal_code = address.postal_code;
  p.address.country = either(e.country, c.country);
  if (!route.buyer_scheme.empty()) p.endpoint = {route.buyer_id, route.buyer_scheme};
  if (route.buyer_scheme.empty() && route.buyer_id.size() == 14 && route.portal.find("chorus") != std::string::npos)
    p.legal_id = {route.buyer_id, "0009"};  // a Chorus Pro structure is its SIRET
  return p;
}

std::string decimal_of(const Money& m) {
  std::string t = m.abs().to_decimal();
  return t;
}

// The lines of the document, positive on a credit note; or why they cannot be.
std::optional<Built> add_lines(Document& doc, const std::vector<const schema::InvoiceLine*>& lines, bool credit,
                               const Currency& currency) {
  std::set<std::string> ids;
  for (const schema::InvoiceLine* l : lines) {
    einvoice::Line out;
    out.id = l->line_number;
    if (!ids.insert(out.id).second)
      return refuse("O2C-LINE-ID", fmt::format("two lines are numbered {}; each line needs its own number", out.id));
    out.name = l->description;
    if (out.name.empty())
      return refuse("BR-25", fmt::format("line {} has no description (the item name the buyer reads)", out.id));
    if (!(l->amount.currency() == currency))
      return refuse("O2C-CURRENCY", fmt::format("line {} is in {}, the invoice in {}", out.id,
                                                l->amount.currency().code(), currency.code()));
    out.quantity = l->quantity.empty() ? "1" : l->quantity;
    if (out.quantity.starts_with('-')) out.quantity.erase(0, 1);
    out.unit_code = l->unit_code.empty() ? "C62" : l->unit_code;
    out.net_amount = credit ? -l->amount : l->amount;
    out.unit_price = l->unit_price.empty() && out.quantity == "1" ? decimal_of(l->amount) : l->unit_price;
    if (out.unit_price.starts_with('-')) out.unit_price.erase(0, 1);
    if (out.unit_price.empty())
      return refuse("BR-26", fmt::format("line {} has no unit price", out.id));
    const auto category = einvoice::parse_vat_category(l->tax_category);
    if (!category)
      return refuse("BR-CO-04", fmt::format("line {} has no VAT category (map the tax code to S, Z, E, AE, K, G or "
                                            "O in the invoice line mapping)", out.id));
    out.category = *category;
    out.rate = l->tax_rate.empty() && *category != einvoice::VatCategory::standard ? "0" : l->tax_rate;
    doc.lines.push_back(std::move(out));
  }
  return std::nullopt;
}

// The ERP's totals are the truth: the document must come to the same before
// VAT (a difference below one currency unit can be cash rounding) and the
// same VAT, when the ERP states them, and to the same total, the rounding in BT-114.
std::optional<Built> agree_with_erp(Document& doc, const schema::Invoice& invoice, bool credit) {
  const einvoice::Totals t = einvoice::compute_totals(doc);
  const auto sign = [credit](Money m) { return credit ? -m : m; };
  std::int64_t unit = 1;
  for (int i = 0; i < doc.currency.exponent(); ++i) unit *= 10;
  if (invoice.tax_amount) {  // the ERP says its VAT: the amount before VAT is known too
    const Money net = sign(invoice.net_amount());
    if ((t.line_net - net).abs().minor() >= unit)
      return refuse("O2C-LINES", fmt::format("the lines add up to {} before VAT, the invoice to {} (a line missing or "
                                             "unreadable?)", t.line_net, net));
    if (!(t.tax == sign(*invoice.tax_amount)))
      return refuse("O2C-TAX", fmt::format("the VAT of the lines comes to {}, the invoice says {}", t.tax,
                                           sign(*invoice.tax_amount)));
  }
  const Money rounding = sign(invoice.amount) - t.tax_inclusive;
  if (rounding.is_zero()) return std::nullopt;
  if (rounding.abs().minor() >= unit)
    return refuse("O2C-TOTAL", fmt::format("the document comes to {}, the invoice to {}", t.tax_inclusive,
                                           sign(invoice.amount)));
  doc.rounding = rounding;
  return std::nullopt;
}

}  // namespace

std::string po_to_send(const schema::Invoice& invoice, const InvoiceBook& book) {
  const std::string po(trim(invoice.po_number));
  if (po.empty()) return po;
  if (const schema::Order* o = book.order_with_po(invoice, po)) return o->po_number;
  return po;
}

Built build_document(const schema::Invoice& invoice, const InvoiceBook& book, const portals::Route& route,
                     const PushSettings& settings, einvoice::Profile profile, bool with_pdf) {
  const bool credit = invoice.kind == schema::InvoiceKind::credit_note;
  Document doc;
  doc.type = credit ? einvoice::DocumentType::credit_note : einvoice::DocumentType::invoice;
  doc.number = invoice.number;
  if (!invoice.issue_date) return refuse("BR-02", "the invoice has no issue date");
  doc.issue_date = *invoice.issue_date;
  doc.due_date = invoice.due_date;
  doc.currency = invoice.amount.currency();
  doc.purchase_order = po_to_send(invoice, book);
  if (route.po_required && doc.purchase_order.empty())
    return refuse("PO_REQUIRED", fmt::format("the buyer's portal ({}) requires its purchase order number and the "
                                             "invoice has none",
                                             route.portal));
  if (const schema::Order* order = book.referenced_order(invoice)) doc.sales_order = order->number;
  doc.buyer_reference = route.service_code;
  doc.seller = settings.seller;
  doc.buyer = buyer_party(invoice, book, route);
  if (settings.payment && !credit) {
    doc.payment = settings.payment;
    doc.payment->remittance = invoice.number;
  }
  if (!credit) doc.payment_terms = settings.payment_terms;
  const auto lines = book.lines_of(invoice);
  if (lines.empty())
    return refuse("O2C-NO-LINES", "no line of this invoice was synced (configure an invoice_line mapping for its "
                                  "source)");
  if (auto problem = add_lines(doc, lines, credit, doc.currency)) return *problem;
  for (const auto& l : doc.lines)
    if (l.category == einvoice::VatCategory::exempt) doc.exemption_reason = settings.exemption_reason;
  try {
    if (auto problem = agree_with_erp(doc, invoice, credit)) return *problem;
  } catch (const Error& e) {
    return refuse("O2C-TOTAL", e.what());
  }
  const auto violations = einvoice::check(doc, profile);
  if (!violations.empty()) {
    std::string reason;
    for (const auto& v : violations) reason += fmt::format("{}{}: {}", reason.empty() ? "" : "; ", v.rule, v.message);
    return refuse(violations.front().rule, reason);
  }
  if (with_pdf || route.attachment_required) {
    einvoice::Attachment pdf;
    pdf.id = doc.number + ".pdf";
    pdf.description = "Invoice " + doc.number;
    pdf.file_name = doc.number + ".pdf";
    pdf.bytes = einvoice::write_pdf(doc);
    doc.attachments.push_back(std::move(pdf));
  }
  std::string po = doc.purchase_order;
  return {std::move(doc), "", "", std::move(po)};
}

}  // namespace o2c::push
