// einvoice/ubl_writer.cpp — UBL 2.1 Invoice-2 / CreditNote-2 per Peppol BIS
// Billing 3.0 (or plain EN 16931 for Chorus Pro UBL). Elements follow the
// UBL 2.1 XSD sequences; the CreditNote differs in its root, its type code,
// its line and quantity names and the place of BT-9 (see ubl_parts.cpp).
#include <fmt/format.h>

#include "core/error.h"
#include "einvoice/rules.h"
#include "einvoice/syntax_ids.h"
#include "einvoice/ubl.h"
#include "einvoice/vat.h"
#include "einvoice/xml_util.h"

namespace o2c::einvoice::detail {

namespace {

void add_period(pugi::xml_node root, const Document& doc) {
  if (!doc.period_start && !doc.period_end) return;
  pugi::xml_node period = add(root, "cac:InvoicePeriod");
  if (doc.period_start) add_text(period, "cbc:StartDate", iso_date(*doc.period_start));
  if (doc.period_end) add_text(period, "cbc:EndDate", iso_date(*doc.period_end));
}

void add_references(pugi::xml_node root, const Document& doc) {
  if (!doc.purchase_order.empty() || !doc.sales_order.empty()) {
    pugi::xml_node order = add(root, "cac:OrderReference");
    // cbc:ID is mandatory in UBL; "NA" is the Peppol convention for "no PO".
    add_text(order, "cbc:ID", doc.purchase_order.empty() ? "NA" : doc.purchase_order);
    add_optional(order, "cbc:SalesOrderID", doc.sales_order);
  }
  if (!doc.preceding_invoice.empty()) {
    pugi::xml_node ref = add(add(root, "cac:BillingReference"), "cac:InvoiceDocumentReference");
    add_text(ref, "cbc:ID", doc.preceding_invoice);
    if (doc.preceding_invoice_date) add_text(ref, "cbc:IssueDate", iso_date(*doc.preceding_invoice_date));
  }
  if (!doc.contract.empty()) add_text(add(root, "cac:ContractDocumentReference"), "cbc:ID", doc.contract);
  for (const Attachment& a : doc.attachments) {
    pugi::xml_node ref = add(root, "cac:AdditionalDocumentReference");
    add_text(ref, "cbc:ID", a.id);
    add_optional(ref, "cbc:DocumentDescription", a.description);
    pugi::xml_node object = add_text(add(ref, "cac:Attachment"), "cbc:EmbeddedDocumentBinaryObject", base64(a.bytes));
    set_attr(object, "mimeCode", a.mime_code);
    set_attr(object, "filename", a.file_name.empty() ? a.id : a.file_name);
  }
}

void add_delivery(pugi::xml_node root, const Document& doc) {
  if (!doc.delivery_date && doc.delivery_country.empty()) return;
  pugi::xml_node delivery = add(root, "cac:Delivery");
  if (doc.delivery_date) add_text(delivery, "cbc:ActualDeliveryDate", iso_date(*doc.delivery_date));
  if (!doc.delivery_country.empty())
    add_text(add(add(add(delivery, "cac:DeliveryLocation"), "cac:Address"), "cac:Country"), "cbc:IdentificationCode",
             doc.delivery_country);
}

void add_tax_total(pugi::xml_node root, const Totals& totals) {
  pugi::xml_node total = add(root, "cac:TaxTotal");
  add_amount(total, "cbc:TaxAmount", totals.tax);
  for (const VatBreakdown& b : totals.breakdown) {
    pugi::xml_node sub = add(total, "cac:TaxSubtotal");
    add_amount(sub, "cbc:TaxableAmount", b.taxable);
    add_amount(sub, "cbc:TaxAmount", b.tax);
    pugi::xml_node category = add(sub, "cac:TaxCategory");
    add_text(category, "cbc:ID", code(b.category));
    if (b.category != VatCategory::outside_scope) add_text(category, "cbc:Percent", b.rate);
    add_optional(category, "cbc:TaxExemptionReasonCode", b.exemption_code);
    add_optional(category, "cbc:TaxExemptionReason", b.exemption_reason);
    add_text(add(category, "cac:TaxScheme"), "cbc:ID", "VAT");
  }
}

void add_monetary_total(pugi::xml_node root, const Document& doc, const Totals& t) {
  pugi::xml_node total = add(root, "cac:LegalMonetaryTotal");
  add_amount(total, "cbc:LineExtensionAmount", t.line_net);
  add_amount(total, "cbc:TaxExclusiveAmount", t.tax_exclusive);
  add_amount(total, "cbc:TaxInclusiveAmount", t.tax_inclusive);
  if (doc.prepaid) add_amount(total, "cbc:PrepaidAmount", t.prepaid);
  if (doc.rounding) add_amount(total, "cbc:PayableRoundingAmount", t.rounding);
  add_amount(total, "cbc:PayableAmount", t.payable);
}

void add_head(pugi::xml_node root, const Document& doc, Profile profile) {
  const bool credit = doc.type == DocumentType::credit_note;
  const bool peppol = profile == Profile::peppol_bis3;
  add_text(root, "cbc:CustomizationID", peppol ? kPeppolCustomizationId : kEn16931Id);
  if (peppol) add_text(root, "cbc:ProfileID", kPeppolProfileId);
  add_text(root, "cbc:ID", doc.number);
  add_text(root, "cbc:IssueDate", iso_date(doc.issue_date));
  if (!credit && doc.due_date) add_text(root, "cbc:DueDate", iso_date(*doc.due_date));
  add_text(root, credit ? "cbc:CreditNoteTypeCode" : "cbc:InvoiceTypeCode", credit ? "381" : "380");
  add_optional(root, "cbc:Note", doc.note);
  add_text(root, "cbc:DocumentCurrencyCode", doc.currency.code());
  add_optional(root, "cbc:BuyerReference", doc.buyer_reference);
}

}  // namespace

pugi::xml_node build_ubl(pugi::xml_node parent, const Document& doc, const Totals& totals, Profile profile) {
  const bool credit = doc.type == DocumentType::credit_note;
  pugi::xml_node root = add(parent, credit ? "CreditNote" : "Invoice");
  set_attr(root, "xmlns", credit ? kUblCreditNoteNs : kUblInvoiceNs);
  set_attr(root, "xmlns:cac", kUblCacNs);
  set_attr(root, "xmlns:cbc", kUblCbcNs);
  add_head(root, doc, profile);
  add_period(root, doc);
  add_references(root, doc);
  add_ubl_party(root, "cac:AccountingSupplierParty", doc.seller);
  add_ubl_party(root, "cac:AccountingCustomerParty", doc.buyer);
  add_delivery(root, doc);
  add_ubl_payment(root, doc);
  if (!doc.payment_terms.empty()) add_text(add(root, "cac:PaymentTerms"), "cbc:Note", doc.payment_terms);
  add_tax_total(root, totals);
  add_monetary_total(root, doc, totals);
  for (const Line& line : doc.lines) add_ubl_line(root, doc, line);
  return root;
}

}  // namespace o2c::einvoice::detail

namespace o2c::einvoice {

std::string write_ubl(const Document& doc, Profile profile) {
  if (profile == Profile::en16931_cii)
    throw Error(Error::Kind::internal, "write_ubl: profile en16931-cii is CII, use write_cii or write_xml");
  detail::ensure_sendable(doc, profile);
  pugi::xml_document xml;
  detail::add_declaration(xml);
  detail::build_ubl(xml, doc, compute_totals(doc), profile);
  if (profile == Profile::peppol_bis3) {
    const auto broken = detail::check_peppol_syntax(xml);
    if (!broken.empty())
      throw Error(Error::Kind::internal,
                  fmt::format("UBL writer broke {}: {}", broken.front().rule, broken.front().message));
  }
  return detail::serialize(xml);
}

}  // namespace o2c::einvoice
