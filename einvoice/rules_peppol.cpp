// einvoice/rules_peppol.cpp — Peppol BIS Billing 3.0 rules that the EN 16931
// Schematron lacks (PEPPOL-EN16931-R*), on the document and on the written
// UBL (the identifiers and structure that only the output shows).
#include <cstring>

#include <fmt/format.h>

#include "einvoice/rules.h"
#include "einvoice/syntax_ids.h"

namespace o2c::einvoice::detail {

namespace {

void add(Violations& out, std::string rule, std::string message) {
  out.push_back(RuleViolation{std::move(rule), std::move(message)});
}

void check_line_periods(const Document& doc, Violations& out) {
  for (const Line& l : doc.lines) {
    if (doc.period_start && l.period_start && *l.period_start < *doc.period_start)
      add(out, "PEPPOL-EN16931-R110",
          fmt::format("line {}: period start (BT-134) is before the invoicing period start (BT-73)", l.id));
    if (doc.period_end && l.period_end && *doc.period_end < *l.period_end)
      add(out, "PEPPOL-EN16931-R111",
          fmt::format("line {}: period end (BT-135) is after the invoicing period end (BT-74)", l.id));
  }
}

// PEPPOL-EN16931-R008: no element child and no text (attributes do not count).
bool is_empty_element(const pugi::xml_node& n) {
  for (auto child : n.children()) {
    if (child.type() == pugi::node_element) return false;
    if (child.type() != pugi::node_pcdata && child.type() != pugi::node_cdata) continue;
    for (const char* c = child.value(); *c; ++c)
      if (!std::strchr(" \t\r\n", *c)) return false;
  }
  return true;
}

void check_empty_elements(const pugi::xml_node& root, Violations& out) {
  for (auto n : root.select_nodes("//*")) {
    if (!is_empty_element(n.node())) continue;
    add(out, "PEPPOL-EN16931-R008", fmt::format("element {} is empty: leave it out instead", n.node().name()));
    return;
  }
}

void check_currency_ids(const pugi::xml_node& root, Violations& out) {
  const std::string currency = root.child("cbc:DocumentCurrencyCode").child_value();
  for (auto n : root.select_nodes("//*[@currencyID]")) {
    if (currency == n.node().attribute("currencyID").value()) continue;
    add(out, "PEPPOL-EN16931-R051",
        fmt::format("{} has currencyID '{}', the document currency (BT-5) is '{}'", n.node().name(),
                    n.node().attribute("currencyID").value(), currency));
    return;
  }
}

bool is_peppol_process(std::string_view id) {
  constexpr std::string_view prefix = "urn:fdc:peppol.eu:2017:poacc:billing:";
  constexpr std::string_view suffix = ":1.0";
  if (id.size() != prefix.size() + 2 + suffix.size() || id.substr(0, prefix.size()) != prefix) return false;
  const std::string_view nn = id.substr(prefix.size(), 2);
  return nn[0] >= '0' && nn[0] <= '9' && nn[1] >= '0' && nn[1] <= '9' && id.substr(prefix.size() + 2) == suffix;
}

}  // namespace

void check_peppol(const Document& doc, Violations& out) {
  if (doc.buyer_reference.empty() && doc.purchase_order.empty())
    add(out, "PEPPOL-EN16931-R003", "a buyer reference (BT-10) or a purchase order reference (BT-13) is required");
  if (doc.buyer.endpoint.empty())
    add(out, "PEPPOL-EN16931-R010",
        "buyer electronic address (BT-49) is required: the buyer's Peppol participant id (scheme + value)");
  if (doc.seller.endpoint.empty())
    add(out, "PEPPOL-EN16931-R020",
        "seller electronic address (BT-34) is required: our Peppol participant id (scheme + value)");
  if (doc.payment && (doc.payment->code == "49" || doc.payment->code == "59") && doc.payment->mandate.empty())
    add(out, "PEPPOL-EN16931-R061",
        fmt::format("direct debit (payment means {}) needs the mandate reference (BT-89)", doc.payment->code));
  check_line_periods(doc, out);
}

Violations check_peppol_syntax(const pugi::xml_document& ubl) {
  Violations out;
  const pugi::xml_node root = ubl.document_element();
  const pugi::xml_node profile = root.child("cbc:ProfileID");
  if (!profile)
    add(out, "PEPPOL-EN16931-R001", "business process (BT-23, cbc:ProfileID) is missing");
  else if (!is_peppol_process(profile.child_value()))
    add(out, "PEPPOL-EN16931-R007",
        fmt::format("business process (BT-23) '{}' is not urn:fdc:peppol.eu:2017:poacc:billing:NN:1.0",
                    profile.child_value()));
  if (std::string_view(root.child("cbc:CustomizationID").child_value()) != kPeppolCustomizationId)
    add(out, "PEPPOL-EN16931-R004",
        fmt::format("specification identifier (BT-24) '{}' is not exactly '{}'", root.child("cbc:CustomizationID").child_value(),
                    kPeppolCustomizationId));
  if (root.select_nodes("cac:TaxTotal[cac:TaxSubtotal]").size() != 1)
    add(out, "PEPPOL-EN16931-R053", "exactly one cac:TaxTotal with VAT breakdown subtotals (BG-23) is required");
  check_empty_elements(root, out);
  check_currency_ids(root, out);
  return out;
}

}  // namespace o2c::einvoice::detail
