// einvoice/cxml_writer.cpp — cXML InvoiceDetailRequest for SAP Ariba and
// Coupa (api-contracts.md §6.5, §7): envelope, header with partners, one
// InvoiceDetailItem per line with its tax, and the summary. A credit note is
// purpose="creditMemo" with negative quantities and amounts, as cXML credits are.
#include <fmt/format.h>

#include "core/time.h"
#include "core/error.h"
#include "einvoice/decimal.h"
#include "einvoice/vat.h"
#include "einvoice/xml_util.h"

namespace o2c::einvoice::detail {

namespace {

std::string cxml_time(Timestamp t) {
  std::string s = to_iso8601_seconds(t);  // "...Z"
  s.pop_back();
  return s + "+00:00";
}

std::string cxml_date(Date d) { return iso_date(d) + "T00:00:00+00:00"; }

void add_credential(pugi::xml_node parent, const char* name, std::string_view domain, std::string_view identity,
                    const std::string* secret = nullptr) {
  pugi::xml_node credential = add(add(parent, name), "Credential");
  set_attr(credential, "domain", domain);
  add_text(credential, "Identity", identity);
  if (secret) add_text(credential, "SharedSecret", *secret);
}

void add_header(pugi::xml_node cxml, const CxmlEnvelope& env) {
  pugi::xml_node header = add(cxml, "Header");
  add_credential(header, "From", env.from_domain, env.from_identity);
  add_credential(header, "To", env.to_domain, env.to_identity);
  add_credential(header, "Sender", env.sender_domain, env.sender_identity, &env.shared_secret);
  add_text(header.child("Sender"), "UserAgent", env.user_agent);
}

void add_money_value(pugi::xml_node parent, Money m) {
  set_attr(add_text(parent, "Money", m.to_decimal()), "currency", m.currency().code());
}

void add_money(pugi::xml_node parent, const char* name, Money m) { add_money_value(add(parent, name), m); }

void add_partner(pugi::xml_node header, const char* role, const Party& p) {
  pugi::xml_node partner = add(header, "InvoicePartner");
  pugi::xml_node contact = add(partner, "Contact");
  set_attr(contact, "role", role);
  set_attr(add_text(contact, "Name", p.name), "xml:lang", "en");
  if (!p.address.street.empty()) {
    pugi::xml_node address = add(contact, "PostalAddress");
    add_text(address, "Street", p.address.street);
    add_optional(address, "Street", p.address.additional_street);
    add_text(address, "City", p.address.city);
    add_optional(address, "State", p.address.subdivision);
    add_optional(address, "PostalCode", p.address.postal_code);
    set_attr(add_text(address, "Country", p.address.country), "isoCountryCode", p.address.country);
  }
  if (!p.contact_email.empty()) set_attr(add_text(contact, "Email", p.contact_email), "name", p.contact_name.empty() ? p.name : p.contact_name);
  if (p.vat_id.empty()) return;
  pugi::xml_node id = add(partner, "IdReference");
  set_attr(id, "identifier", p.vat_id);
  set_attr(id, "domain", "vatID");
}

void add_request_header(pugi::xml_node request, const Document& doc) {
  const bool credit = doc.type == DocumentType::credit_note;
  pugi::xml_node header = add(request, "InvoiceDetailRequestHeader");
  set_attr(header, "invoiceID", doc.number);
  set_attr(header, "purpose", credit ? "creditMemo" : "standard");
  set_attr(header, "operation", "new");
  set_attr(header, "invoiceDate", cxml_date(doc.issue_date));
  add(header, "InvoiceDetailHeaderIndicator");
  set_attr(add(header, "InvoiceDetailLineIndicator"), "isTaxInLine", "yes");
  add_partner(header, "remitTo", doc.seller);
  add_partner(header, "billTo", doc.buyer);
  add_partner(header, "soldTo", doc.buyer);
  if (credit && !doc.preceding_invoice.empty()) {
    pugi::xml_node info = add(header, "InvoiceIDInfo");
    set_attr(info, "invoiceID", doc.preceding_invoice);
    if (doc.preceding_invoice_date) set_attr(info, "invoiceDate", cxml_date(*doc.preceding_invoice_date));
  }
  if (doc.due_date) {
    const int days = days_between(doc.issue_date, *doc.due_date);
    set_attr(add(header, "PaymentTerm"), "payInNumberOfDays", std::to_string(days < 0 ? 0 : days));
  }
}

void add_tax(pugi::xml_node parent, Money taxable, Money tax, VatCategory category, const std::string& rate) {
  pugi::xml_node node = add(parent, "Tax");
  add_money_value(node, tax);
  set_attr(add_text(node, "Description", fmt::format("VAT {}", code(category))), "xml:lang", "en");
  pugi::xml_node detail = add(node, "TaxDetail");
  set_attr(detail, "purpose", "tax");
  set_attr(detail, "category", "vat");
  set_attr(detail, "percentageRate", rate.empty() ? "0" : rate);
  add_money(detail, "TaxableAmount", taxable);
  add_money(detail, "TaxAmount", tax);
}

// The line's own VAT: net × rate, half away from zero (the summary keeps the
// per-breakdown amounts of compute_totals, which is what the buyer owes).
Money line_tax(const Line& line) {
  const auto rate = line_rate(line).value_or(Decimal{});
  const Wide numerator = static_cast<Wide>(line.net_amount.minor()) * rate.units;
  return Money(divide_half_away_from_zero(numerator, 100 * pow10(rate.scale)), line.net_amount.currency());
}

std::string negated(const std::string& quantity) {
  if (quantity.empty() || quantity == "0") return quantity;
  return quantity[0] == '-' ? quantity.substr(1) : "-" + quantity;
}

void add_item(pugi::xml_node order, const Document& doc, const Line& line, int sign) {
  pugi::xml_node item = add(order, "InvoiceDetailItem");
  set_attr(item, "invoiceLineNumber", line.id);
  set_attr(item, "quantity", sign < 0 ? negated(line.quantity) : line.quantity);
  add_text(item, "UnitOfMeasure", line.unit_code);
  // The unit price keeps its own decimals ("12.345"): exact text, not Money.
  set_attr(add_text(add(item, "UnitPrice"), "Money", line.unit_price), "currency", doc.currency.code());
  pugi::xml_node ref = add(item, "InvoiceDetailItemReference");
  set_attr(ref, "lineNumber", line.order_line_ref.empty() ? line.id : line.order_line_ref);
  set_attr(add_text(ref, "Description", line.description.empty() ? line.name : line.description), "xml:lang", "en");
  const Money net = sign < 0 ? -line.net_amount : line.net_amount;
  add_money(item, "SubtotalAmount", net);
  const Money tax = line_tax(line);
  add_tax(item, net, sign < 0 ? -tax : tax, line.category, rate_text(line));
}

void add_order(pugi::xml_node request, const Document& doc, const CxmlEnvelope& env, int sign) {
  pugi::xml_node order = add(request, "InvoiceDetailOrder");
  pugi::xml_node info = add(order, "InvoiceDetailOrderInfo");
  if (!env.order_payload_id.empty()) {
    pugi::xml_node ref = add(info, "OrderReference");
    set_attr(ref, "orderID", doc.purchase_order);
    set_attr(add(ref, "DocumentReference"), "payloadID", env.order_payload_id);
  } else {
    set_attr(add(info, "OrderIDInfo"), "orderID", doc.purchase_order);
  }
  for (const Line& line : doc.lines) add_item(order, doc, line, sign);
}

void add_summary(pugi::xml_node request, const Totals& t, int sign) {
  auto s = [sign](Money m) { return sign < 0 ? -m : m; };
  pugi::xml_node summary = add(request, "InvoiceDetailSummary");
  add_money(summary, "SubtotalAmount", s(t.line_net));
  pugi::xml_node tax = add(summary, "Tax");
  add_money_value(tax, s(t.tax));
  set_attr(add_text(tax, "Description", "VAT"), "xml:lang", "en");
  for (const VatBreakdown& b : t.breakdown) {
    pugi::xml_node detail = add(tax, "TaxDetail");
    set_attr(detail, "purpose", "tax");
    set_attr(detail, "category", "vat");
    set_attr(detail, "percentageRate", b.rate.empty() ? "0" : b.rate);
    add_money(detail, "TaxableAmount", s(b.taxable));
    add_money(detail, "TaxAmount", s(b.tax));
    if (!b.exemption_reason.empty()) set_attr(add_text(detail, "Description", b.exemption_reason), "xml:lang", "en");
  }
  add_money(summary, "GrossAmount", s(t.tax_inclusive));
  add_money(summary, "NetAmount", s(t.tax_inclusive));
  if (!t.prepaid.is_zero()) add_money(summary, "DepositAmount", s(t.prepaid));
  add_money(summary, "DueAmount", s(t.payable));
}

}  // namespace

}  // namespace o2c::einvoice::detail

namespace o2c::einvoice {

std::string write_cxml(const Document& doc, const CxmlEnvelope& env) {
  using namespace detail;
  ensure_sendable(doc, Profile::en16931_ubl);
  if (doc.purchase_order.empty())
    throw Error(Error::Kind::data, fmt::format("cXML invoice {} needs the buyer's purchase order (BT-13)", doc.number));
  if (env.payload_id.empty()) throw Error(Error::Kind::internal, "cXML payloadID is empty");
  const Totals totals = compute_totals(doc);
  const int sign = doc.type == DocumentType::credit_note ? -1 : 1;
  pugi::xml_document xml;
  add_declaration(xml);
  xml.append_child(pugi::node_doctype)
      .set_value(fmt::format("cXML SYSTEM \"http://xml.cXML.org/schemas/cXML/{}/InvoiceDetail.dtd\"", env.version).c_str());
  pugi::xml_node cxml = add(xml, "cXML");
  set_attr(cxml, "payloadID", env.payload_id);
  set_attr(cxml, "timestamp", cxml_time(env.timestamp));
  set_attr(cxml, "version", env.version);
  set_attr(cxml, "xml:lang", "en-US");
  add_header(cxml, env);
  pugi::xml_node request = add(cxml, "Request");
  set_attr(request, "deploymentMode", env.test_mode ? "test" : "production");
  pugi::xml_node detail = add(request, "InvoiceDetailRequest");
  add_request_header(detail, doc);
  add_order(detail, doc, env, sign);
  add_summary(detail, totals, sign);
  return serialize(xml);
}

}  // namespace o2c::einvoice
