// einvoice/ubl_parts.cpp — UBL 2.1 parties (BG-4, BG-7), payment means
// (BG-16) and lines (BG-25), each in the XSD's element order.
#include "einvoice/ubl.h"
#include "einvoice/vat.h"
#include "einvoice/xml_util.h"

namespace o2c::einvoice::detail {

namespace {

void add_address(pugi::xml_node party, const Address& a) {
  pugi::xml_node address = add(party, "cac:PostalAddress");
  add_optional(address, "cbc:StreetName", a.street);
  add_optional(address, "cbc:AdditionalStreetName", a.additional_street);
  add_optional(address, "cbc:CityName", a.city);
  add_optional(address, "cbc:PostalZone", a.postal_code);
  add_optional(address, "cbc:CountrySubentity", a.subdivision);
  add_text(add(address, "cac:Country"), "cbc:IdentificationCode", a.country);
}

void add_contact(pugi::xml_node party, const Party& p) {
  if (p.contact_name.empty() && p.contact_phone.empty() && p.contact_email.empty()) return;
  pugi::xml_node contact = add(party, "cac:Contact");
  add_optional(contact, "cbc:Name", p.contact_name);
  add_optional(contact, "cbc:Telephone", p.contact_phone);
  add_optional(contact, "cbc:ElectronicMail", p.contact_email);
}

void add_identifier(pugi::xml_node parent, const char* name, const Identifier& id) {
  pugi::xml_node node = add_text(parent, name, id.value);
  if (!id.scheme.empty()) set_attr(node, "schemeID", id.scheme);
}

void add_tax_category(pugi::xml_node item, const Line& line) {
  pugi::xml_node category = add(item, "cac:ClassifiedTaxCategory");
  add_text(category, "cbc:ID", code(line.category));
  if (line.category != VatCategory::outside_scope) add_text(category, "cbc:Percent", rate_text(line));  // BR-O-05
  add_text(add(category, "cac:TaxScheme"), "cbc:ID", "VAT");
}

}  // namespace

void add_ubl_party(pugi::xml_node parent, const char* role, const Party& p) {
  pugi::xml_node party = add(add(parent, role), "cac:Party");
  if (!p.endpoint.empty()) add_identifier(party, "cbc:EndpointID", p.endpoint);
  if (!p.trading_name.empty()) add_text(add(party, "cac:PartyName"), "cbc:Name", p.trading_name);
  add_address(party, p.address);
  if (!p.vat_id.empty()) {
    pugi::xml_node scheme = add(party, "cac:PartyTaxScheme");
    add_text(scheme, "cbc:CompanyID", p.vat_id);
    add_text(add(scheme, "cac:TaxScheme"), "cbc:ID", "VAT");
  }
  pugi::xml_node legal = add(party, "cac:PartyLegalEntity");
  add_text(legal, "cbc:RegistrationName", p.name);
  if (!p.legal_id.empty()) add_identifier(legal, "cbc:CompanyID", p.legal_id);
  add_contact(party, p);
}

void add_ubl_payment(pugi::xml_node root, const Document& doc) {
  if (!doc.payment) return;
  const PaymentMeans& pm = *doc.payment;
  pugi::xml_node means = add(root, "cac:PaymentMeans");
  add_text(means, "cbc:PaymentMeansCode", pm.code);
  // A CreditNote has no cbc:DueDate: BT-9 goes here (Peppol BIS 3 binding).
  if (doc.type == DocumentType::credit_note && doc.due_date) add_text(means, "cbc:PaymentDueDate", iso_date(*doc.due_date));
  add_text(means, "cbc:PaymentID", pm.remittance.empty() ? doc.number : pm.remittance);
  if (!pm.iban.empty()) {
    pugi::xml_node account = add(means, "cac:PayeeFinancialAccount");
    add_text(account, "cbc:ID", pm.iban);
    add_optional(account, "cbc:Name", pm.account_name);
    if (!pm.bic.empty()) add_text(add(account, "cac:FinancialInstitutionBranch"), "cbc:ID", pm.bic);
  }
  if (!pm.mandate.empty()) add_text(add(means, "cac:PaymentMandate"), "cbc:ID", pm.mandate);
}

void add_ubl_line(pugi::xml_node root, const Document& doc, const Line& line) {
  const bool credit = doc.type == DocumentType::credit_note;
  pugi::xml_node node = add(root, credit ? "cac:CreditNoteLine" : "cac:InvoiceLine");
  add_text(node, "cbc:ID", line.id);
  set_attr(add_text(node, credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity", line.quantity), "unitCode",
           line.unit_code);
  add_amount(node, "cbc:LineExtensionAmount", line.net_amount);
  if (line.period_start || line.period_end) {
    pugi::xml_node period = add(node, "cac:InvoicePeriod");
    if (line.period_start) add_text(period, "cbc:StartDate", iso_date(*line.period_start));
    if (line.period_end) add_text(period, "cbc:EndDate", iso_date(*line.period_end));
  }
  if (!line.order_line_ref.empty()) add_text(add(node, "cac:OrderLineReference"), "cbc:LineID", line.order_line_ref);
  pugi::xml_node item = add(node, "cac:Item");
  add_optional(item, "cbc:Description", line.description);
  add_text(item, "cbc:Name", line.name);
  add_tax_category(item, line);
  pugi::xml_node price = add_text(add(node, "cac:Price"), "cbc:PriceAmount", line.unit_price);
  set_attr(price, "currencyID", doc.currency.code());
}

}  // namespace o2c::einvoice::detail
