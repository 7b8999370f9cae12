// tests/unit/sim/portals/portal_test_support.h — one seeded business (6,000 orders) shared
// by the portal tests, the documents of its customers (number, PO, currency,
// decision) to pick cases from, a fixed clock, and realistic documents
// written by hand: UBL (Peppol BIS 3 shape), CII (EN 16931), cXML, SBD.
// Header-only: the test CMake globs *_test.cpp.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "core/time.h"
#include "sim/dataset/dataset.h"
#include "sim/portals/portal_codec.h"
#include "sim/sim_http.h"

namespace o2c::sim::portals::testing {

inline Timestamp fixed_now() {
  using namespace std::chrono;
  return time_point_cast<milliseconds>(sys_days{year{2026} / November / 24} + hours{12});
}

struct Doc {
  std::string number, customer, po, currency, total;
  std::optional<BuyerDecision> decision;
};

struct Case {
  PortalBuyer buyer;
  Doc doc;
};

// The business (6,000 orders, seed 3: it has unregistered Peppol receivers, seed 42 has none), built once for the whole test binary.
class World {
 public:
  static World& get() {
    static World world;
    return world;
  }
  std::shared_ptr<const PortalDirectory> directory() const { return data_.portals(); }
  const std::vector<Doc>& docs() const { return docs_; }

  // The first invoice of a buyer of `kind` that `accept` takes; fails the test when none.
  Case find(PortalKind kind, const std::function<bool(const PortalBuyer&, const Doc&)>& accept) const {
    for (const Doc& d : docs_) {
      const auto route = directory()->route(d.customer);
      if (route && route->kind == kind && accept(*route, d)) return Case{*route, d};
    }
    ADD_FAILURE() << "no case of " << portal_name(kind) << " in the test business";
    return {};
  }
  // An invoice with its own issued PO, of a buyer that accepts it (not rejected, not paid unless asked).
  Case accepted(PortalKind kind, bool paid = false, bool po_required = false) const {
    return find(kind, [&](const PortalBuyer& b, const Doc& d) {
      return !d.po.empty() && directory()->issued_po(b.customer_id, d.po) && d.decision && !d.decision->rejected &&
             d.decision->paid == paid && (!po_required || b.po_required) && b.registered;
    });
  }
  // An invoice the buyer rejects, carrying a PO the buyer issued (another of its invoices') when it has one.
  Case rejected(PortalKind kind) const {
    Case c = find(kind, [&](const PortalBuyer& b, const Doc& d) {
      return d.decision && d.decision->rejected && b.registered && (!b.po_required || issued_po_of(b).size());
    });
    c.doc.po = issued_po_of(c.buyer);
    return c;
  }
  std::string issued_po_of(const PortalBuyer& b) const {
    for (const Doc& d : docs_)
      if (d.customer == b.customer_id && !d.po.empty() && directory()->issued_po(b.customer_id, d.po)) return d.po;
    return {};
  }

 private:
  World() : data_(options()) {
    const auto table = data_.netsuite()->table("transaction");
    const auto col = [&](std::string_view name) { return table->column_index(name, false).value(); };
    const auto text = [&](std::size_t row, std::string_view name) {
      const SimValue v = table->value(row, col(name));
      if (const auto* s = std::get_if<std::string>(&v)) return *s;
      if (const auto* d = std::get_if<Decimal>(&v)) return d->text;
      return std::string();
    };
    static const std::map<std::string, std::string> kCurrency{{"1", "USD"}, {"2", "GBP"}, {"4", "EUR"}};
    for (std::size_t row = 0; row < table->size(); ++row) {
      if (text(row, "type") != "CustInvc") continue;
      Doc d{text(row, "tranid"), text(row, "entity"), text(row, "otherrefnum"), "", text(row, "foreigntotal"), {}};
      const auto c = kCurrency.find(text(row, "currency"));
      d.currency = c == kCurrency.end() ? "EUR" : c->second;
      d.decision = data_.portals()->decision(d.number);
      docs_.push_back(std::move(d));
    }
  }
  static DatasetOptions options() {
    DatasetOptions o;
    o.seed = 3;
    o.orders = 6000;
    o.now = fixed_now();
    return o;
  }
  Dataset data_;
  std::vector<Doc> docs_;
};

inline SimRequest request(std::string method, std::string target, std::string body = {},
                          std::vector<std::pair<std::string, std::string>> headers = {}) {
  SimRequest r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.host = "127.0.0.1:1";
  r.headers = std::move(headers);
  r.body = std::move(body);
  return r;
}

// What goes into a hand-written invoice; each field can be broken on purpose.
struct InvoiceSpec {
  std::string number, currency = "EUR", po, buyer_reference;
  std::string seller_scheme = "0009", seller_id = "55210055400013";
  std::string buyer_scheme, buyer_id;            // endpoint and legal id
  bool credit_note = false;
  std::string customization = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0";
};

// A UBL 2.1 invoice in the Peppol BIS Billing 3.0 shape (one line, 20 % VAT).
inline std::string ubl(const InvoiceSpec& s) {
  const std::string root = s.credit_note ? "CreditNote" : "Invoice";
  const std::string cur = s.currency.empty() ? "" : fmt::format(" currencyID=\"{}\"", s.currency);
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8"?>
<{0} xmlns="urn:oasis:names:specification:ubl:schema:xsd:{0}-2"
 xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
 xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
 <cbc:CustomizationID>{1}</cbc:CustomizationID>
 <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>
 <cbc:ID>{2}</cbc:ID>
 <cbc:IssueDate>2026-11-20</cbc:IssueDate>
 <cbc:DueDate>2026-12-20</cbc:DueDate>
 <cbc:{3}TypeCode>{4}</cbc:{3}TypeCode>
 {5}
 {6}
 {7}
 <cac:AccountingSupplierParty><cac:Party>
  <cbc:EndpointID schemeID="{8}">{9}</cbc:EndpointID>
  <cac:PostalAddress><cbc:StreetName>12 rue de la Paix</cbc:StreetName><cbc:CityName>Paris</cbc:CityName><cbc:PostalZone>75002</cbc:PostalZone><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
  <cac:PartyTaxScheme><cbc:CompanyID>FR96552100554</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>
  <cac:PartyLegalEntity><cbc:RegistrationName>Acme Cloud Software SAS</cbc:RegistrationName><cbc:CompanyID schemeID="{8}">{9}</cbc:CompanyID></cac:PartyLegalEntity>
 </cac:Party></cac:AccountingSupplierParty>
 <cac:AccountingCustomerParty><cac:Party>
  <cbc:EndpointID schemeID="{10}">{11}</cbc:EndpointID>
  <cac:PostalAddress><cbc:CityName>Lyon</cbc:CityName><cac:Country><cbc:IdentificationCode>FR</cbc:IdentificationCode></cac:Country></cac:PostalAddress>
  <cac:PartyLegalEntity><cbc:RegistrationName>Customer</cbc:RegistrationName><cbc:CompanyID schemeID="{10}">{11}</cbc:CompanyID></cac:PartyLegalEntity>
 </cac:Party></cac:AccountingCustomerParty>
 <cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode><cac:PayeeFinancialAccount><cbc:ID>FR7630006000011234567890189</cbc:ID></cac:PayeeFinancialAccount></cac:PaymentMeans>
 <cac:TaxTotal><cbc:TaxAmount{12}>200.00</cbc:TaxAmount>
  <cac:TaxSubtotal><cbc:TaxableAmount{12}>1000.00</cbc:TaxableAmount><cbc:TaxAmount{12}>200.00</cbc:TaxAmount>
   <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal></cac:TaxTotal>
 <cac:LegalMonetaryTotal><cbc:LineExtensionAmount{12}>1000.00</cbc:LineExtensionAmount><cbc:TaxExclusiveAmount{12}>1000.00</cbc:TaxExclusiveAmount><cbc:TaxInclusiveAmount{12}>1200.00</cbc:TaxInclusiveAmount><cbc:PayableAmount{12}>1200.00</cbc:PayableAmount></cac:LegalMonetaryTotal>
 <cac:{0}Line><cbc:ID>1</cbc:ID><cbc:{13}Quantity unitCode="C62">1</cbc:{13}Quantity><cbc:LineExtensionAmount{12}>1000.00</cbc:LineExtensionAmount>
  <cac:Item><cbc:Name>Subscription November</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item>
  <cac:Price><cbc:PriceAmount{12}>1000.00</cbc:PriceAmount></cac:Price></cac:{0}Line>
</{0}>
)",
      root, s.customization, s.number, s.credit_note ? "CreditNote" : "Invoice", s.credit_note ? "381" : "380",
      s.currency.empty() ? "" : fmt::format("<cbc:DocumentCurrencyCode>{}</cbc:DocumentCurrencyCode>", s.currency),
      s.buyer_reference.empty() ? "" : fmt::format("<cbc:BuyerReference>{}</cbc:BuyerReference>", s.buyer_reference),
      s.po.empty() ? "" : fmt::format("<cac:OrderReference><cbc:ID>{}</cbc:ID></cac:OrderReference>", s.po),
      s.seller_scheme, s.seller_id, s.buyer_scheme, s.buyer_id, cur, s.credit_note ? "Credited" : "Invoiced");
}

// A CII CrossIndustryInvoice (Factur-X EN 16931 shape).
inline std::string cii(const InvoiceSpec& s) {
  return fmt::format(
      R"(<?xml version="1.0" encoding="UTF-8"?>
<rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"
 xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100"
 xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
 <rsm:ExchangedDocumentContext><ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter></rsm:ExchangedDocumentContext>
 <rsm:ExchangedDocument><ram:ID>{0}</ram:ID><ram:TypeCode>{1}</ram:TypeCode><ram:IssueDateTime><udt:DateTimeString format="102">20261120</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument>
 <rsm:SupplyChainTradeTransaction>
  <ram:IncludedSupplyChainTradeLineItem><ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
   <ram:SpecifiedTradeProduct><ram:Name>Subscription November</ram:Name></ram:SpecifiedTradeProduct>
   <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>1000.00</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
   <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">1</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
   <ram:SpecifiedLineTradeSettlement><ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>
    <ram:SpecifiedTradeSettlementLineMonetarySummation><ram:LineTotalAmount>1000.00</ram:LineTotalAmount></ram:SpecifiedTradeSettlementLineMonetarySummation></ram:SpecifiedLineTradeSettlement>
  </ram:IncludedSupplyChainTradeLineItem>
  <ram:ApplicableHeaderTradeAgreement>
   {2}
   <ram:SellerTradeParty><ram:Name>Acme Cloud Software SAS</ram:Name><ram:SpecifiedLegalOrganization><ram:ID schemeID="{3}">{4}</ram:ID></ram:SpecifiedLegalOrganization>
    <ram:PostalTradeAddress><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress><ram:SpecifiedTaxRegistration><ram:ID schemeID="VA">FR96552100554</ram:ID></ram:SpecifiedTaxRegistration></ram:SellerTradeParty>
   <ram:BuyerTradeParty><ram:Name>Customer</ram:Name><ram:SpecifiedLegalOrganization><ram:ID schemeID="{5}">{6}</ram:ID></ram:SpecifiedLegalOrganization>
    <ram:PostalTradeAddress><ram:CountryID>FR</ram:CountryID></ram:PostalTradeAddress></ram:BuyerTradeParty>
   {7}
  </ram:ApplicableHeaderTradeAgreement>
  <ram:ApplicableHeaderTradeDelivery/>
  <ram:ApplicableHeaderTradeSettlement>
   {8}
   <ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>58</ram:TypeCode></ram:SpecifiedTradeSettlementPaymentMeans>
   <ram:ApplicableTradeTax><ram:CalculatedAmount>200.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode><ram:BasisAmount>1000.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>20</ram:RateApplicablePercent></ram:ApplicableTradeTax>
   <ram:SpecifiedTradeSettlementHeaderMonetarySummation><ram:LineTotalAmount>1000.00</ram:LineTotalAmount><ram:TaxBasisTotalAmount>1000.00</ram:TaxBasisTotalAmount>
    <ram:TaxTotalAmount currencyID="EUR">200.00</ram:TaxTotalAmount><ram:GrandTotalAmount>1200.00</ram:GrandTotalAmount><ram:DuePayableAmount>1200.00</ram:DuePayableAmount></ram:SpecifiedTradeSettlementHeaderMonetarySummation>
  </ram:ApplicableHeaderTradeSettlement>
 </rsm:SupplyChainTradeTransaction>
</rsm:CrossIndustryInvoice>
)",
      s.number, s.credit_note ? "381" : "380",
      s.buyer_reference.empty() ? "" : fmt::format("<ram:BuyerReference>{}</ram:BuyerReference>", s.buyer_reference),
      s.seller_scheme, s.seller_id, s.buyer_scheme, s.buyer_id,
      s.po.empty() ? "" : fmt::format("<ram:BuyerOrderReferencedDocument><ram:IssuerAssignedID>{}</ram:IssuerAssignedID></ram:BuyerOrderReferencedDocument>", s.po),
      s.currency.empty() ? "" : fmt::format("<ram:InvoiceCurrencyCode>{}</ram:InvoiceCurrencyCode>", s.currency));
}

// What goes into a hand-written cXML InvoiceDetailRequest.
struct CxmlSpec {
  std::string payload_id, number, buyer, po, currency = "USD", secret = "o2c-demo-ariba-secret";
  std::string sender = "AN01000012345";
};

inline std::string invoice_cxml(const CxmlSpec& s) {
  const std::string money_cur = s.currency.empty() ? "" : fmt::format(" currency=\"{}\"", s.currency);
  const std::string order =
      s.po.empty() ? "<InvoiceDetailOrderInfo/>"
                   : fmt::format("<InvoiceDetailOrderInfo><OrderReference orderID=\"{}\"><DocumentReference "
                                 "payloadID=\"po-{}@buyer\"/></OrderReference></InvoiceDetailOrderInfo>",
                                 s.po, s.po);
  return fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE cXML SYSTEM "http://xml.cXML.org/schemas/cXML/1.2.050/InvoiceDetail.dtd">
<cXML payloadID="{0}" timestamp="2026-11-24T12:00:00+00:00" xml:lang="en-US">
 <Header>
  <From><Credential domain="NetworkID"><Identity>AN01000012345</Identity></Credential></From>
  <To><Credential domain="NetworkID"><Identity>{1}</Identity></Credential></To>
  <Sender><Credential domain="NetworkID"><Identity>{6}</Identity><SharedSecret>{5}</SharedSecret></Credential>
   <UserAgent>o2csync test</UserAgent></Sender>
 </Header>
 <Request deploymentMode="production"><InvoiceDetailRequest>
  <InvoiceDetailRequestHeader invoiceID="{2}" purpose="standard" operation="new" invoiceDate="2026-11-20T00:00:00+00:00">
   <InvoiceDetailHeaderIndicator/><InvoiceDetailLineIndicator/>
   <InvoicePartner><Contact role="remitTo"><Name xml:lang="en">Acme Cloud Software SAS</Name></Contact></InvoicePartner>
  </InvoiceDetailRequestHeader>
  <InvoiceDetailOrder>{3}
   <InvoiceDetailItem invoiceLineNumber="1" quantity="1"><UnitOfMeasure>EA</UnitOfMeasure>
    <UnitPrice><Money{4}>1000.00</Money></UnitPrice>
    <InvoiceDetailItemReference lineNumber="1"><Description xml:lang="en">Subscription</Description></InvoiceDetailItemReference>
    <SubtotalAmount><Money{4}>1000.00</Money></SubtotalAmount></InvoiceDetailItem>
  </InvoiceDetailOrder>
  <InvoiceDetailSummary><SubtotalAmount><Money{4}>1000.00</Money></SubtotalAmount>
   <Tax><Money{4}>0.00</Money><Description xml:lang="en">VAT</Description></Tax>
   <GrossAmount><Money{4}>1000.00</Money></GrossAmount><NetAmount><Money{4}>1000.00</Money></NetAmount>
   <DueAmount><Money{4}>1000.00</Money></DueAmount></InvoiceDetailSummary>
 </InvoiceDetailRequest></Request>
</cXML>
)",
                     s.payload_id, s.buyer, s.number, order, money_cur, s.secret, s.sender);
}


inline constexpr std::string_view kSbdInvoiceDocType =
    "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#"
    "urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1";

// A full SBD (SBDH + the UBL of `s`) as a Peppol access point takes it.
inline std::string sbd(const InvoiceSpec& s, const std::string& instance, std::string sender = "0009:55210055400013",
                std::string doc_type = std::string(kSbdInvoiceDocType)) {
  std::string ubl = testing::ubl(s);
  ubl.erase(0, ubl.find("?>") + 2);   // the UBL goes in without its XML declaration
  return fmt::format(R"(<?xml version="1.0" encoding="UTF-8"?>
<StandardBusinessDocument xmlns="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader">
 <StandardBusinessDocumentHeader>
  <HeaderVersion>1.0</HeaderVersion>
  <Sender><Identifier Authority="iso6523-actorid-upis">{0}</Identifier></Sender>
  <Receiver><Identifier Authority="iso6523-actorid-upis">{1}:{2}</Identifier></Receiver>
  <DocumentIdentification><Standard>urn:oasis:names:specification:ubl:schema:xsd:Invoice-2</Standard>
   <TypeVersion>2.1</TypeVersion><InstanceIdentifier>{3}</InstanceIdentifier><Type>Invoice</Type>
   <CreationDateAndTime>2026-11-24T12:00:00Z</CreationDateAndTime></DocumentIdentification>
  <BusinessScope>
   <Scope><Type>DOCUMENTID</Type><InstanceIdentifier>{4}</InstanceIdentifier><Identifier>busdox-docid-qns</Identifier></Scope>
   <Scope><Type>PROCESSID</Type><InstanceIdentifier>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</InstanceIdentifier><Identifier>cenbii-procid-ubl</Identifier></Scope>
   <Scope><Type>COUNTRY_C1</Type><InstanceIdentifier>FR</InstanceIdentifier></Scope>
  </BusinessScope>
 </StandardBusinessDocumentHeader>{5}
</StandardBusinessDocument>
)",
                     sender, s.buyer_scheme, s.buyer_id, instance, doc_type, ubl);
}

}  // namespace o2c::sim::portals::testing
