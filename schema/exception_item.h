// schema/exception_item.h — a reconciliation exception (named ExceptionItem so
// it is never confused with a C++ exception), its kinds with severity, owner
// hint and suggested action, and the stored form with its lifecycle.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/money.h"
#include "core/time.h"

namespace o2c::schema {

enum class ExceptionKind {
  order_not_invoiced, order_partially_invoiced, order_over_invoiced, invoice_without_order,
  duplicate_invoice, amount_mismatch, currency_mismatch, po_missing, po_mismatch,
  po_needed_for_renewal, payment_unapplied, payment_short, payment_over, payment_duplicate,
  invoice_overdue, portal_not_submitted, portal_rejected, data_invalid,
};
inline constexpr std::size_t kExceptionKindCount = 18;

enum class Severity { low, medium, high, critical };

struct ExceptionKindInfo {
  ExceptionKind kind;
  std::string_view name;         // "ORDER_NOT_INVOICED"
  Severity severity;
  std::string_view owner;        // who usually acts: "Billing", "AR", "Sales ops", "Admin"
  std::string_view title;        // "Signed order not invoiced"
  std::string_view action;       // suggested action shown in the report
};

const ExceptionKindInfo& info(ExceptionKind kind);
const std::array<ExceptionKindInfo, kExceptionKindCount>& all_exception_kinds();
std::optional<ExceptionKind> parse_exception_kind(std::string_view name);  // "PO_MISSING" → kind
// What an exception of the kind is about (sim/DATA.md "Keys"): an invoice
// (INVOICE_WITHOUT_ORDER, DUPLICATE_INVOICE, PO_*, PORTAL_*, payment kinds
// aside), else its order; DATA_INVALID is about a record.
bool keyed_by_invoice(std::string_view kind_name);
const char* to_string(Severity s);                                          // "high"

// One fact behind an exception: what was compared and what was found.
struct EvidenceItem {
  std::string name;    // "order_amount", "invoice_po_normalised", "rule"
  std::string value;
  bool operator==(const EvidenceItem&) const = default;
};

struct ExceptionItem {
  ExceptionKind kind = ExceptionKind::data_invalid;
  std::string rule;                  // rule that produced it, e.g. "exhaustivity.single_invoice_amount"
  // Keys (what the exception is about). The stable id hashes kind + keys.
  std::string customer_id;
  std::string order_id;
  std::string invoice_id;
  std::string payment_id;
  std::string record_key;            // DATA_INVALID: "source/object/id"
  // Display fields.
  std::string customer_name;
  std::string order_number;
  std::string invoice_number;
  std::string po_number;
  std::optional<Money> amount;       // the amount at stake (difference, open amount, ...)
  std::optional<Date> reference_date;  // for age: order signed / invoice date / renewal date
  std::vector<EvidenceItem> evidence;

  // 16 hex chars: SHA-256 of kind and keys, so re-runs find the same exception.
  std::string stable_id() const;
};

enum class ExceptionState { open, acknowledged, resolved };
const char* to_string(ExceptionState s);                       // "open"
std::optional<ExceptionState> parse_exception_state(std::string_view s);

// An exception as the store keeps it across runs.
struct StoredException {
  std::string id;
  ExceptionItem item;
  ExceptionState state = ExceptionState::open;
  Timestamp first_seen{};
  Timestamp last_seen{};
  std::optional<Timestamp> resolved_at;
  std::string note;                  // acknowledgement note
};

}  // namespace o2c::schema
