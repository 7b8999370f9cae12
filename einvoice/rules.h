// einvoice/rules.h — the rule sets behind check(), one per concern. Each
// appends every violation it finds; none throws on bad data. Internal to
// einvoice/ (tests include it to prove each rule on its own).
#pragma once

#include <string>
#include <vector>

#include <pugixml.hpp>

#include "einvoice/einvoice.h"

namespace o2c::einvoice::detail {

using Violations = std::vector<RuleViolation>;

// BR-01..BR-16 essentials, parties, countries, payment, attachments, periods.
void check_header(const Document& doc, Violations& out);
// BR-21..BR-27, BR-30, decimals, currencies, negative quantities, line net = quantity × price.
void check_lines(const Document& doc, Profile profile, Violations& out);
// BR-S/Z/E/AE/IC(K)/G/O: rates, VAT identifiers, exemption reasons, K delivery data.
void check_vat(const Document& doc, Violations& out);
// Rules that need the totals (BR-CO-25 due date on an invoice with an amount due).
void check_totals(const Document& doc, const Totals& totals, Violations& out);
// Peppol BIS Billing 3.0 rules on the document: R003, R010, R020, R061, R110, R111.
void check_peppol(const Document& doc, Violations& out);
// Peppol rules on the written UBL: R001, R004, R007, R053, R008 (no empty
// element), R051 (every currencyID = BT-5). write_ubl runs it on its own output.
Violations check_peppol_syntax(const pugi::xml_document& ubl);

}  // namespace o2c::einvoice::detail
