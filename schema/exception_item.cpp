#include "schema/exception_item.h"

#include <openssl/sha.h>

#include <fmt/format.h>

namespace o2c::schema {

namespace {
using K = ExceptionKind;
using S = Severity;
constexpr std::array<ExceptionKindInfo, kExceptionKindCount> kKinds = {{
    {K::order_not_invoiced, "ORDER_NOT_INVOICED", S::high, "Billing", "Signed order not invoiced",
     "Create the invoice in the ERP, or cancel the order in the CRM if it was lost."},
    {K::order_partially_invoiced, "ORDER_PARTIALLY_INVOICED", S::medium, "Billing", "Order partially invoiced",
     "Invoice the remaining amount, or confirm the billing schedule."},
    {K::order_over_invoiced, "ORDER_OVER_INVOICED", S::high, "Billing", "Order over-invoiced",
     "Issue a credit note for the excess, or amend the order if the price changed."},
    {K::invoice_without_order, "INVOICE_WITHOUT_ORDER", S::medium, "Billing", "Invoice without a signed order",
     "Link the invoice to its order (order reference or PO), or check it was meant to be issued."},
    {K::duplicate_invoice, "DUPLICATE_INVOICE", S::critical, "Billing", "Duplicate invoice",
     "Void or credit the duplicate before the customer pays it twice."},
    {K::amount_mismatch, "AMOUNT_MISMATCH", S::high, "Billing", "Invoice amount differs from the order",
     "Correct the invoice or credit the difference; check discounts and price changes."},
    {K::currency_mismatch, "CURRENCY_MISMATCH", S::high, "Billing", "Invoice currency differs from the order",
     "Re-issue the invoice in the contract currency."},
    {K::po_missing, "PO_MISSING", S::high, "AR", "PO number missing on the invoice",
     "Ask the customer for the PO and add it to the invoice before sending; their AP will reject it."},
    {K::po_mismatch, "PO_MISMATCH", S::high, "AR", "Invoice PO differs from the order PO",
     "Correct the PO on the invoice to the one on the signed order."},
    {K::po_needed_for_renewal, "PO_NEEDED_FOR_RENEWAL", S::medium, "Sales ops", "New PO needed before renewal",
     "Request the renewal PO from the customer's procurement now."},
    {K::payment_unapplied, "PAYMENT_UNAPPLIED", S::medium, "AR", "Payment not applied",
     "Identify the invoices it pays and apply it."},
    {K::payment_short, "PAYMENT_SHORT", S::medium, "AR", "Short payment (deduction)",
     "Investigate the deduction: fees, allowance or dispute."},
    {K::payment_over, "PAYMENT_OVER", S::medium, "AR", "Over-payment",
     "Refund or keep as credit, with the customer's consent."},
    {K::payment_duplicate, "PAYMENT_DUPLICATE", S::high, "AR", "Duplicate payment", "Refund the duplicate payment."},
    {K::invoice_overdue, "INVOICE_OVERDUE", S::medium, "AR", "Invoice overdue", "Send a reminder (dunning)."},
    {K::portal_not_submitted, "PORTAL_NOT_SUBMITTED", S::high, "AR", "Invoice not accepted by the customer portal",
     "Check the submission and resubmit through the portal."},
    {K::portal_rejected, "PORTAL_REJECTED", S::high, "AR", "Invoice rejected by the customer portal",
     "Fix what the portal rejected and resubmit."},
    {K::data_invalid, "DATA_INVALID", S::medium, "Admin", "Record could not be read",
     "Fix the record in the source system, or the mapping file if the field moved."},
}};
}  // namespace

const ExceptionKindInfo& info(ExceptionKind kind) { return kKinds[static_cast<std::size_t>(kind)]; }
const std::array<ExceptionKindInfo, kExceptionKindCount>& all_exception_kinds() { return kKinds; }

std::optional<ExceptionKind> parse_exception_kind(std::string_view name) {
  for (const auto& k : kKinds)
    if (k.name == name) return k.kind;
  return std::nullopt;
}

const char* to_string(Severity s) {
  switch (s) {
    case Severity::low: return "low";
    case Severity::medium: return "medium";
    case Severity::high: return "high";
    case Severity::critical: return "critical";
  }
  return "?";
}

const char* to_string(ExceptionState s) {
  switch (s) {
    case ExceptionState::open: return "open";
    case ExceptionState::acknowledged: return "acknowledged";
    case ExceptionState::resolved: return "resolved";
  }
  return "?";
}

std::optional<ExceptionState> parse_exception_state(std::string_view s) {
  for (auto st : {ExceptionState::open, ExceptionState::acknowledged, ExceptionState::resolved})
    if (s == to_string(st)) return st;
  return std::nullopt;
}

std::string ExceptionItem::stable_id() const {
  // Unit separators keep ("ab","c") and ("a","bc") apart.
  const std::string key = fmt::format("{}\x1f{}\x1f{}\x1f{}\x1f{}\x1f{}", info(kind).name, customer_id, order_id,
                                      invoice_id, payment_id, record_key);
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(key.data()), key.size(), digest);
  std::string out;
  for (int i = 0; i < 8; ++i) out += fmt::format("{:02x}", digest[i]);
  return out;
}

bool keyed_by_invoice(std::string_view kind) {
  return kind == "INVOICE_WITHOUT_ORDER" || kind == "DUPLICATE_INVOICE" || kind == "PO_MISSING" ||
         kind == "PO_MISMATCH" || kind == "PORTAL_REJECTED" || kind == "PORTAL_NOT_SUBMITTED";
}

}  // namespace o2c::schema
