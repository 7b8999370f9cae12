// einvoice/cii_parts.cpp — CII trade parties and line items, in the D16B
// element order (TradePartyType, SupplyChainTradeLineItemType).
#include "einvoice/cii.h"
#include "einvoice/vat.h"
#include "einvoice/xml_util.h"

namespace o2c::einvoice::detail {

namespace {

void add_contact(pugi::xml_node party, const Party& p) {
  if (p.contact_name.empty() && p.contact_phone.empty() && p.contact_email.empty()) return;
  pugi::xml_node contact = add(party, "ram:DefinedTradeContact");
  add_optional(contact, "ram:PersonName", p.contact_name);
  if (!p.contact_phone.empty())
    add_text(add(contact, "ram:TelephoneUniversalCommunication"), "ram:CompleteNumber", p.contact_phone);
  if (!p.contact_email.empty()) add_text(add(contact, "ram:EmailURIUniversalCommunication"), "ram:URIID", p.contact_email);
}

void add_address(pugi::xml_node party, const Address& a) {
  pugi::xml_node address = add(party, "ram:PostalTradeAddress");
  add_optional(address, "ram:PostcodeCode", a.postal_code);
  add_optional(address, "ram:LineOne", a.street);
  add_optional(address, "ram:LineTwo", a.additional_street);
  add_optional(address, "ram:CityName", a.city);
  add_text(address, "ram:CountryID", a.country);
  add_optional(address, "ram:CountrySubDivisionName", a.subdivision);
}

void add_legal(pugi::xml_node party, const Party& p) {
  if (p.legal_id.empty() && p.trading_name.empty()) return;
  pugi::xml_node legal = add(party, "ram:SpecifiedLegalOrganization");
  if (!p.legal_id.empty()) {
    pugi::xml_node id = add_text(legal, "ram:ID", p.legal_id.value);
    if (!p.legal_id.scheme.empty()) set_attr(id, "schemeID", p.legal_id.scheme);
  }
  add_optional(legal, "ram:TradingBusinessName", p.trading_name);
}

}  // namespace

void add_cii_date(pugi::xml_node parent, const char* name, Date date, const char* inner) {
  pugi::xml_node node = add_text(add(parent, name), inner, compact_date(date));
  set_attr(node, "format", "102");
}

void add_cii_party(pugi::xml_node parent, const char* name, const Party& p) {
  pugi::xml_node party = add(parent, name);
  add_text(party, "ram:Name", p.name);
  add_legal(party, p);
  add_contact(party, p);
  add_address(party, p.address);
  if (!p.endpoint.empty()) {
    pugi::xml_node uri = add_text(add(party, "ram:URIUniversalCommunication"), "ram:URIID", p.endpoint.value);
    if (!p.endpoint.scheme.empty()) set_attr(uri, "schemeID", p.endpoint.scheme);
  }
  if (!p.vat_id.empty()) set_attr(add_text(add(party, "ram:SpecifiedTaxRegistration"), "ram:ID", p.vat_id), "schemeID", "VA");
}

void add_cii_line(pugi::xml_node transaction, const Line& line) {
  pugi::xml_node item = add(transaction, "ram:IncludedSupplyChainTradeLineItem");
  add_text(add(item, "ram:AssociatedDocumentLineDocument"), "ram:LineID", line.id);
  pugi::xml_node product = add(item, "ram:SpecifiedTradeProduct");
  add_text(product, "ram:Name", line.name);
  add_optional(product, "ram:Description", line.description);
  pugi::xml_node agreement = add(item, "ram:SpecifiedLineTradeAgreement");
  if (!line.order_line_ref.empty())
    add_text(add(agreement, "ram:BuyerOrderReferencedDocument"), "ram:LineID", line.order_line_ref);
  add_text(add(agreement, "ram:NetPriceProductTradePrice"), "ram:ChargeAmount", line.unit_price);
  set_attr(add_text(add(item, "ram:SpecifiedLineTradeDelivery"), "ram:BilledQuantity", line.quantity), "unitCode",
           line.unit_code);
  pugi::xml_node settlement = add(item, "ram:SpecifiedLineTradeSettlement");
  pugi::xml_node tax = add(settlement, "ram:ApplicableTradeTax");
  add_text(tax, "ram:TypeCode", "VAT");
  add_text(tax, "ram:CategoryCode", code(line.category));
  if (line.category != VatCategory::outside_scope) add_text(tax, "ram:RateApplicablePercent", rate_text(line));
  if (line.period_start || line.period_end) {
    pugi::xml_node period = add(settlement, "ram:BillingSpecifiedPeriod");
    if (line.period_start) add_cii_date(period, "ram:StartDateTime", *line.period_start);
    if (line.period_end) add_cii_date(period, "ram:EndDateTime", *line.period_end);
  }
  add_text(add(settlement, "ram:SpecifiedTradeSettlementLineMonetarySummation"), "ram:LineTotalAmount",
           line.net_amount.to_decimal());
}

}  // namespace o2c::einvoice::detail
