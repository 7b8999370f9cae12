// einvoice/cii_writer.cpp — UN/CEFACT CrossIndustryInvoice (D16B) per the
// Factur-X / ZUGFeRD EN 16931 profile (guideline urn:cen.eu:en16931:2017).
// Only ram:TaxTotalAmount carries currencyID (BT-110 is recognised by it,
// pitfall #35; CII-DT-031 forbids it elsewhere). BT-114 is ram:RoundingAmount,
// never folded into ram:GrandTotalAmount.
#include "einvoice/cii.h"
#include "einvoice/syntax_ids.h"
#include "einvoice/vat.h"
#include "einvoice/xml_util.h"

namespace o2c::einvoice::detail {

namespace {

void add_referenced(pugi::xml_node parent, const char* name, std::string_view id) {
  if (!id.empty()) add_text(add(parent, name), "ram:IssuerAssignedID", id);
}

void add_agreement(pugi::xml_node transaction, const Document& doc) {
  pugi::xml_node agreement = add(transaction, "ram:ApplicableHeaderTradeAgreement");
  add_optional(agreement, "ram:BuyerReference", doc.buyer_reference);
  add_cii_party(agreement, "ram:SellerTradeParty", doc.seller);
  add_cii_party(agreement, "ram:BuyerTradeParty", doc.buyer);
  add_referenced(agreement, "ram:SellerOrderReferencedDocument", doc.sales_order);
  add_referenced(agreement, "ram:BuyerOrderReferencedDocument", doc.purchase_order);
  add_referenced(agreement, "ram:ContractReferencedDocument", doc.contract);
  for (const Attachment& a : doc.attachments) {
    pugi::xml_node ref = add(agreement, "ram:AdditionalReferencedDocument");
    add_text(ref, "ram:IssuerAssignedID", a.id);
    add_text(ref, "ram:TypeCode", "916");  // UNCL 1001: related document (BG-24)
    add_optional(ref, "ram:Name", a.description);
    pugi::xml_node object = add_text(ref, "ram:AttachmentBinaryObject", base64(a.bytes));
    set_attr(object, "mimeCode", a.mime_code);
    set_attr(object, "filename", a.file_name.empty() ? a.id : a.file_name);
  }
}

void add_delivery(pugi::xml_node transaction, const Document& doc) {
  pugi::xml_node delivery = add(transaction, "ram:ApplicableHeaderTradeDelivery");  // mandatory, may stay empty
  if (!doc.delivery_country.empty())
    add_text(add(add(delivery, "ram:ShipToTradeParty"), "ram:PostalTradeAddress"), "ram:CountryID", doc.delivery_country);
  if (doc.delivery_date)
    add_cii_date(add(delivery, "ram:ActualDeliverySupplyChainEvent"), "ram:OccurrenceDateTime", *doc.delivery_date);
}

void add_payment_means(pugi::xml_node settlement, const PaymentMeans& pm) {
  pugi::xml_node means = add(settlement, "ram:SpecifiedTradeSettlementPaymentMeans");
  add_text(means, "ram:TypeCode", pm.code);
  if (!pm.iban.empty()) {
    pugi::xml_node account = add(means, "ram:PayeePartyCreditorFinancialAccount");
    add_text(account, "ram:IBANID", pm.iban);
    add_optional(account, "ram:AccountName", pm.account_name);
  }
  if (!pm.bic.empty()) add_text(add(means, "ram:PayeeSpecifiedCreditorFinancialInstitution"), "ram:BICID", pm.bic);
}

void add_breakdown(pugi::xml_node settlement, const VatBreakdown& b) {
  pugi::xml_node tax = add(settlement, "ram:ApplicableTradeTax");
  add_text(tax, "ram:CalculatedAmount", b.tax.to_decimal());
  add_text(tax, "ram:TypeCode", "VAT");
  add_optional(tax, "ram:ExemptionReason", b.exemption_reason);
  add_text(tax, "ram:BasisAmount", b.taxable.to_decimal());
  add_text(tax, "ram:CategoryCode", code(b.category));
  add_optional(tax, "ram:ExemptionReasonCode", b.exemption_code);
  if (b.category != VatCategory::outside_scope) add_text(tax, "ram:RateApplicablePercent", b.rate);
}

void add_terms(pugi::xml_node settlement, const Document& doc) {
  const bool mandate = doc.payment && !doc.payment->mandate.empty();
  if (doc.payment_terms.empty() && !doc.due_date && !mandate) return;
  pugi::xml_node terms = add(settlement, "ram:SpecifiedTradePaymentTerms");
  add_optional(terms, "ram:Description", doc.payment_terms);
  if (doc.due_date) add_cii_date(terms, "ram:DueDateDateTime", *doc.due_date);
  if (mandate) add_text(terms, "ram:DirectDebitMandateID", doc.payment->mandate);
}

void add_summation(pugi::xml_node settlement, const Document& doc, const Totals& t) {
  pugi::xml_node sum = add(settlement, "ram:SpecifiedTradeSettlementHeaderMonetarySummation");
  add_text(sum, "ram:LineTotalAmount", t.line_net.to_decimal());
  add_text(sum, "ram:TaxBasisTotalAmount", t.tax_exclusive.to_decimal());
  set_attr(add_text(sum, "ram:TaxTotalAmount", t.tax.to_decimal()), "currencyID", doc.currency.code());
  if (doc.rounding) add_text(sum, "ram:RoundingAmount", t.rounding.to_decimal());
  add_text(sum, "ram:GrandTotalAmount", t.tax_inclusive.to_decimal());
  if (doc.prepaid) add_text(sum, "ram:TotalPrepaidAmount", t.prepaid.to_decimal());
  add_text(sum, "ram:DuePayableAmount", t.payable.to_decimal());
}

void add_settlement(pugi::xml_node transaction, const Document& doc, const Totals& totals) {
  pugi::xml_node settlement = add(transaction, "ram:ApplicableHeaderTradeSettlement");
  if (doc.payment) add_text(settlement, "ram:PaymentReference", doc.payment->remittance.empty() ? doc.number : doc.payment->remittance);
  add_text(settlement, "ram:InvoiceCurrencyCode", doc.currency.code());
  if (doc.payment) add_payment_means(settlement, *doc.payment);
  for (const VatBreakdown& b : totals.breakdown) add_breakdown(settlement, b);
  if (doc.period_start || doc.period_end) {
    pugi::xml_node period = add(settlement, "ram:BillingSpecifiedPeriod");
    if (doc.period_start) add_cii_date(period, "ram:StartDateTime", *doc.period_start);
    if (doc.period_end) add_cii_date(period, "ram:EndDateTime", *doc.period_end);
  }
  add_terms(settlement, doc);
  add_summation(settlement, doc, totals);
  if (!doc.preceding_invoice.empty()) {
    pugi::xml_node ref = add(settlement, "ram:InvoiceReferencedDocument");
    add_text(ref, "ram:IssuerAssignedID", doc.preceding_invoice);
    if (doc.preceding_invoice_date)
      add_cii_date(ref, "ram:FormattedIssueDateTime", *doc.preceding_invoice_date, "qdt:DateTimeString");
  }
}

void add_exchanged_document(pugi::xml_node root, const Document& doc) {
  pugi::xml_node context = add(root, "rsm:ExchangedDocumentContext");
  add_text(add(context, "ram:GuidelineSpecifiedDocumentContextParameter"), "ram:ID", kEn16931Id);
  pugi::xml_node header = add(root, "rsm:ExchangedDocument");
  add_text(header, "ram:ID", doc.number);
  add_text(header, "ram:TypeCode", doc.type == DocumentType::credit_note ? "381" : "380");
  add_cii_date(header, "ram:IssueDateTime", doc.issue_date);
  if (!doc.note.empty()) add_text(add(header, "ram:IncludedNote"), "ram:Content", doc.note);
}

}  // namespace

}  // namespace o2c::einvoice::detail

namespace o2c::einvoice {

std::string write_cii(const Document& doc) {
  using namespace detail;
  ensure_sendable(doc, Profile::en16931_cii);
  const Totals totals = compute_totals(doc);
  pugi::xml_document xml;
  add_declaration(xml);
  pugi::xml_node root = add(xml, "rsm:CrossIndustryInvoice");
  set_attr(root, "xmlns:rsm", kCiiRsmNs);
  set_attr(root, "xmlns:ram", kCiiRamNs);
  set_attr(root, "xmlns:udt", kCiiUdtNs);
  set_attr(root, "xmlns:qdt", kCiiQdtNs);
  add_exchanged_document(root, doc);
  pugi::xml_node transaction = add(root, "rsm:SupplyChainTradeTransaction");
  for (const Line& line : doc.lines) add_cii_line(transaction, line);
  add_agreement(transaction, doc);
  add_delivery(transaction, doc);
  add_settlement(transaction, doc, totals);
  return serialize(xml);
}

}  // namespace o2c::einvoice
