// tests/unit/einvoice/einvoice_fixtures.h — documents that pass every rule,
// for the unit tests to break one thing at a time and for the validation
// tests to send to the official validator.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "einvoice/einvoice.h"

namespace o2c::einvoice::fixtures {

inline Currency eur() { return Currency::parse("EUR"); }
inline Money eur(std::string_view amount) { return Money::parse(amount, eur()); }
inline Date day(std::string_view iso) { return parse_date(iso); }

inline Party seller() {
  Party p;
  p.name = "Acme Software SAS";
  p.trading_name = "Acme";
  p.vat_id = "FR40303265045";
  p.legal_id = {"303265045", "0002"};
  p.endpoint = {"30326504500013", "0009"};
  p.address = {"12 rue de la Paix", "Bâtiment B", "Paris", "75002", "Île-de-France", "FR"};
  p.contact_name = "Claire Martin";
  p.contact_email = "billing@acme.example";
  p.contact_phone = "+33 1 23 45 67 89";
  return p;
}

inline Party buyer() {
  Party p;
  p.name = "Kunde Handels GmbH";
  p.vat_id = "DE123456789";
  p.legal_id = {"HRB 12345", ""};
  p.endpoint = {"DE123456789", "9930"};
  p.address = {"Hauptstraße 5", "", "München", "80331", "Bayern", "DE"};
  p.contact_email = "ap@kunde.example";
  return p;
}

inline Line line(std::string id, std::string name, std::string quantity, std::string price, std::string_view net,
                 VatCategory category = VatCategory::standard, std::string rate = "20") {
  Line l;
  l.id = std::move(id);
  l.name = std::move(name);
  l.quantity = std::move(quantity);
  l.unit_price = std::move(price);
  l.net_amount = eur(net);
  l.category = category;
  l.rate = std::move(rate);
  return l;
}

// An invoice that passes every rule of every profile: S 20 % and S 5.5 %,
// a 3-decimal unit price. Totals: 1249.38 net, 242.72 VAT, 1492.10 due.
inline Document invoice() {
  Document d;
  d.type = DocumentType::invoice;
  d.number = "INV-2024-0042";
  d.issue_date = day("2024-05-02");
  d.due_date = day("2024-06-01");
  d.currency = eur();
  d.buyer_reference = "BR-77";
  d.purchase_order = "PO-4471";
  d.sales_order = "SO-00123";
  d.contract = "CTR-9";
  d.payment_terms = "Net 30 days";
  d.note = "Thank you for your business.";
  d.seller = seller();
  d.buyer = buyer();
  d.payment = PaymentMeans{"58", "FR7630006000011234567890189", "AGRIFRPP", "Acme Software SAS", "", ""};
  d.lines = {line("1", "Subscription Pro, May 2024", "1", "1000.00", "1000.00"),
             line("2", "Support hours", "2.5", "80", "200.00"),
             line("3", "Printed manual", "4", "12.345", "49.38", VatCategory::standard, "5.5")};
  d.lines[0].description = "Monthly plan, 25 seats";
  d.lines[0].order_line_ref = "10";
  d.lines[0].unit_code = "MON";
  d.lines[0].period_start = day("2024-05-01");
  d.lines[0].period_end = day("2024-05-31");
  d.lines[1].unit_code = "HUR";
  return d;
}

// S 20 %, S 5.5 %, E and AE in one invoice (field-pitfalls #36).
inline Document mixed_invoice() {
  Document d = invoice();
  d.number = "INV-2024-0043";
  d.lines.push_back(line("4", "Certified training day", "1", "300", "300.00", VatCategory::exempt, "0"));
  d.lines.push_back(line("5", "Consulting, reverse charge", "4", "125", "500.00", VatCategory::reverse_charge, "0"));
  d.exemption_reason = "Exempt vocational training";
  d.exemption_code = "VATEX-EU-132-1I";
  return d;
}

// A credit note (381): positive amounts, the credited invoice referenced.
inline Document credit_note() {
  Document d = invoice();
  d.type = DocumentType::credit_note;
  d.number = "CN-2024-0007";
  d.due_date.reset();
  d.preceding_invoice = "INV-2024-0042";
  d.preceding_invoice_date = day("2024-05-02");
  d.lines = {line("1", "Credit: subscription Pro, May 2024", "1", "1710.50", "1710.50", VatCategory::standard, "19")};
  return d;
}

inline bool has_rule(const std::vector<RuleViolation>& violations, std::string_view rule) {
  return std::any_of(violations.begin(), violations.end(), [&](const RuleViolation& v) { return v.rule == rule; });
}

inline std::string rules_of(const std::vector<RuleViolation>& violations) {
  std::string out;
  for (const auto& v : violations) out += v.rule + ": " + v.message + "\n";
  return out;
}

}  // namespace o2c::einvoice::fixtures
