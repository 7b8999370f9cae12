// einvoice/rules_core.cpp — EN 16931 core rules on the document header:
// identity, dates, currency, parties, countries, payment means, attachments.
#include <fmt/format.h>

#include "einvoice/countries.h"
#include "einvoice/rules.h"

namespace o2c::einvoice::detail {

namespace {

void add(Violations& out, std::string rule, std::string message) {
  out.push_back(RuleViolation{std::move(rule), std::move(message)});
}

void check_party(const Party& p, std::string_view role, std::string_view bt_name, std::string_view bt_country,
                 Violations& out) {
  const bool seller = role == "seller";
  if (p.name.empty())
    add(out, seller ? "BR-06" : "BR-07", fmt::format("{} name ({}) is empty: set the {}'s legal name", role, bt_name, role));
  if (p.address.country.empty())
    add(out, seller ? "BR-09" : "BR-11",
        fmt::format("{} country code ({}) is empty: set the {}'s ISO 3166-1 country", role, bt_country, role));
  else if (!is_country_code(p.address.country))
    add(out, "BR-CL-14",
        fmt::format("{} country code ({}) '{}' is not an ISO 3166-1 alpha-2 code", role, bt_country, p.address.country));
  if (!p.vat_id.empty() && !has_vat_prefix(p.vat_id))
    add(out, "BR-CO-09",
        fmt::format("{} VAT identifier ({}) '{}' must start with its ISO 3166-1 country prefix (e.g. FR, DE, EL)", role,
                    seller ? "BT-31" : "BT-48", p.vat_id));
  if (!p.endpoint.empty() && p.endpoint.scheme.empty())
    add(out, seller ? "BR-62" : "BR-63",
        fmt::format("{} electronic address ({}) '{}' has no scheme: set its EAS code (e.g. 0009, 0088, 9957)", role,
                    seller ? "BT-34" : "BT-49", p.endpoint.value));
}

void check_payment(const Document& doc, Violations& out) {
  if (!doc.payment) return;
  const PaymentMeans& pm = *doc.payment;
  if (pm.code.empty()) {
    add(out, "BR-49", "payment means type code (BT-81) is empty: use 30 (credit transfer) or 58 (SEPA credit transfer)");
    return;
  }
  if ((pm.code == "30" || pm.code == "58") && pm.iban.empty())
    add(out, "BR-61",
        fmt::format("payment account identifier (BT-84, IBAN) is required with payment means {} (credit transfer)", pm.code));
}

bool allowed_mime(std::string_view mime) {
  return mime == "application/pdf" || mime == "image/png" || mime == "image/jpeg" || mime == "text/csv" ||
         mime == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" ||
         mime == "application/vnd.oasis.opendocument.spreadsheet";
}

void check_attachments(const Document& doc, Violations& out) {
  for (const Attachment& a : doc.attachments) {
    if (a.id.empty()) add(out, "BR-52", "an attachment has no supporting document reference (BT-122): give it an id");
    if (!allowed_mime(a.mime_code))
      add(out, "BR-CL-24",
          fmt::format("attachment '{}' has MIME code '{}': only PDF, PNG, JPEG, CSV, XLSX and ODS may be embedded", a.id,
                      a.mime_code));
  }
}

void check_dates(const Document& doc, Violations& out) {
  if (!doc.issue_date.ok()) add(out, "BR-03", "invoice issue date (BT-2) is missing or not a valid date");
  if (doc.due_date && !doc.due_date->ok()) add(out, "BR-03", "payment due date (BT-9) is not a valid date");
  if (doc.period_start && doc.period_end && *doc.period_end < *doc.period_start)
    add(out, "BR-29", "invoicing period end date (BT-74) is before its start date (BT-73)");
  if (!doc.preceding_invoice.empty() || !doc.preceding_invoice_date) return;
  add(out, "BR-55", "preceding invoice date (BT-26) is set without the preceding invoice number (BT-25)");
}

}  // namespace

void check_header(const Document& doc, Violations& out) {
  if (doc.number.empty()) add(out, "BR-02", "invoice number (BT-1) is empty");
  check_dates(doc, out);
  if (!doc.currency.is_set()) add(out, "BR-05", "invoice currency code (BT-5) is not set");
  else if (doc.currency.exponent() > 2)
    add(out, "BR-DEC-09",
        fmt::format("currency {} has {} decimals; EN 16931 amounts allow at most 2", doc.currency.code(),
                    doc.currency.exponent()));
  check_party(doc.seller, "seller", "BT-27", "BT-40", out);
  check_party(doc.buyer, "buyer", "BT-44", "BT-55", out);
  if (doc.seller.vat_id.empty() && doc.seller.legal_id.empty())
    add(out, "BR-CO-26", "seller needs a VAT identifier (BT-31) or a legal registration identifier (BT-30)");
  if (!doc.delivery_country.empty() && !is_country_code(doc.delivery_country))
    add(out, "BR-CL-14",
        fmt::format("deliver-to country code (BT-80) '{}' is not an ISO 3166-1 alpha-2 code", doc.delivery_country));
  if (doc.lines.empty()) add(out, "BR-16", "the document has no line (BG-25): add at least one");
  check_payment(doc, out);
  check_attachments(doc, out);
}

void check_totals(const Document& doc, const Totals& totals, Violations& out) {
  if (doc.type != DocumentType::invoice || totals.payable.minor() <= 0) return;  // credit notes: pitfall #38
  // Stricter than BR-CO-25, which also accepts payment terms (BT-20) alone:
  // dunning, the PDF and the portals need a date.
  if (!doc.due_date)
    add(out, "BR-CO-25",
        fmt::format("payment due date (BT-9) is required on an invoice with an amount due ({})", totals.payable));
  if (!doc.payment)
    add(out, "O2C-PAYMENT",
        fmt::format("payment instructions (BG-16: means code, IBAN) are required with an amount due ({})", totals.payable));
}

}  // namespace o2c::einvoice::detail
