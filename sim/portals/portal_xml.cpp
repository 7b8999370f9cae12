#include "sim/portals/portal_xml.h"

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"

namespace o2c::sim::portals {

std::string_view local_name(const pugi::xml_node& node) {
  const std::string_view name = node.name();
  const auto colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view local) {
  for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
    if (c.type() == pugi::node_element && local_name(c) == local) return c;
  return {};
}

pugi::xml_node path(pugi::xml_node node, std::initializer_list<std::string_view> locals) {
  for (std::string_view l : locals) node = child(node, l);
  return node;
}

std::string text(const pugi::xml_node& node) { return std::string(trim(node.child_value())); }

std::optional<pugi::xml_document> parse_xml(std::string_view xml, std::string& error) {
  pugi::xml_document doc;
  const auto result = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    std::size_t line = 1;
    for (std::ptrdiff_t i = 0; i < result.offset && static_cast<std::size_t>(i) < xml.size(); ++i)
      line += xml[static_cast<std::size_t>(i)] == '\n';
    error = fmt::format("line {}: {}", line, result.description());
    return std::nullopt;
  }
  if (!doc.document_element()) {
    error = "no root element";
    return std::nullopt;
  }
  return doc;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

bool PartyIds::has(std::string_view scheme, std::string_view value) const {
  return (endpoint == value && endpoint_scheme == scheme) || (legal == value && legal_scheme == scheme);
}

std::optional<Syntax> syntax_of(const pugi::xml_node& root) {
  const std::string_view name = local_name(root);
  if (name == "Invoice" || name == "CreditNote") return Syntax::ubl;
  if (name == "CrossIndustryInvoice") return Syntax::cii;
  return std::nullopt;
}

namespace {

PartyIds ubl_party(const pugi::xml_node& party) {
  PartyIds ids;
  const pugi::xml_node endpoint = child(party, "EndpointID");
  ids.endpoint = text(endpoint);
  ids.endpoint_scheme = endpoint.attribute("schemeID").value();
  const pugi::xml_node legal = path(party, {"PartyLegalEntity", "CompanyID"});
  ids.legal = text(legal);
  ids.legal_scheme = legal.attribute("schemeID").value();
  ids.vat = text(path(party, {"PartyTaxScheme", "CompanyID"}));
  return ids;
}

PartyIds cii_party(const pugi::xml_node& party) {
  PartyIds ids;
  const pugi::xml_node endpoint = path(party, {"URIUniversalCommunication", "URIID"});
  ids.endpoint = text(endpoint);
  ids.endpoint_scheme = endpoint.attribute("schemeID").value();
  const pugi::xml_node legal = path(party, {"SpecifiedLegalOrganization", "ID"});
  ids.legal = text(legal);
  ids.legal_scheme = legal.attribute("schemeID").value();
  ids.vat = text(path(party, {"SpecifiedTaxRegistration", "ID"}));
  return ids;
}

ReceivedInvoice read_ubl(const pugi::xml_node& root) {
  ReceivedInvoice inv;
  inv.syntax = Syntax::ubl;
  inv.credit_note = local_name(root) == "CreditNote";
  inv.number = text(child(root, "ID"));
  inv.issue_date = text(child(root, "IssueDate"));
  inv.currency = text(child(root, "DocumentCurrencyCode"));
  inv.buyer_reference = text(child(root, "BuyerReference"));
  inv.purchase_order = text(path(root, {"OrderReference", "ID"}));
  if (inv.purchase_order == "NA") inv.purchase_order.clear();  // Peppol's "no PO" beside a sales order reference
  inv.payable = text(path(root, {"LegalMonetaryTotal", "PayableAmount"}));
  inv.seller = ubl_party(path(root, {"AccountingSupplierParty", "Party"}));
  inv.buyer = ubl_party(path(root, {"AccountingCustomerParty", "Party"}));
  return inv;
}

// CII dates are written "20261124" (format 102).
std::string iso_of_102(const std::string& s) {
  if (s.size() != 8) return s;
  return fmt::format("{}-{}-{}", s.substr(0, 4), s.substr(4, 2), s.substr(6, 2));
}

ReceivedInvoice read_cii(const pugi::xml_node& root) {
  ReceivedInvoice inv;
  inv.syntax = Syntax::cii;
  const pugi::xml_node doc = child(root, "ExchangedDocument");
  inv.number = text(child(doc, "ID"));
  inv.credit_note = text(child(doc, "TypeCode")) == "381";
  inv.issue_date = iso_of_102(text(path(doc, {"IssueDateTime", "DateTimeString"})));
  const pugi::xml_node trade = child(root, "SupplyChainTradeTransaction");
  const pugi::xml_node agreement = child(trade, "ApplicableHeaderTradeAgreement");
  const pugi::xml_node settlement = child(trade, "ApplicableHeaderTradeSettlement");
  inv.buyer_reference = text(child(agreement, "BuyerReference"));
  inv.purchase_order = text(path(agreement, {"BuyerOrderReferencedDocument", "IssuerAssignedID"}));
  inv.currency = text(child(settlement, "InvoiceCurrencyCode"));
  inv.payable = text(path(settlement, {"SpecifiedTradeSettlementHeaderMonetarySummation", "DuePayableAmount"}));
  inv.seller = cii_party(child(agreement, "SellerTradeParty"));
  inv.buyer = cii_party(child(agreement, "BuyerTradeParty"));
  return inv;
}

}  // namespace

ReceivedInvoice read_invoice(const pugi::xml_node& root) {
  const auto syntax = syntax_of(root);
  if (!syntax)
    fail(Error::Kind::data, "the root element <{}> is not a UBL Invoice/CreditNote or a CII CrossIndustryInvoice",
         root.name());
  ReceivedInvoice inv = *syntax == Syntax::ubl ? read_ubl(root) : read_cii(root);
  if (inv.number.empty()) fail(Error::Kind::data, "the invoice has no number (BT-1)");
  return inv;
}

}  // namespace o2c::sim::portals
