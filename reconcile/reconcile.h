// reconcile/reconcile.h
// reconcile — applies the order-to-cash rules of sim/DATA.md ("The rules a
// correct reconciliation applies") to canonical records: links invoices and
// credit notes to signed orders, checks exhaustivity and amounts per order,
// PO rules per invoice, the renewal PO horizon, and turns invalid records into
// DATA_INVALID. Every exception names its rule and carries its evidence.
// Pure: no store, no clock, no I/O; the same inputs give the same output, in
// the same order. Called by daemon/ (reconcile runs) with what the store read.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/time.h"
#include "schema/exception_item.h"
#include "schema/model.h"

namespace o2c::reconcile {

struct Inputs {
  std::vector<schema::Customer> customers;  // CRM accounts and ERP customers, both
  std::vector<schema::Order> orders;        // every order, drafts and deleted ones too
  std::vector<schema::Invoice> invoices;    // invoices and credit notes, voided ones too
  std::vector<schema::InvalidRecord> invalid_records;
  Date today{};  // UTC business date of the run
};

struct Settings {
  // Decimal text in major units ("0.01"), applied in each document's currency
  // after conversion to its minor units; finer than the currency's minor unit
  // rounds down (0.01 JPY is 0 yen: amounts must then be equal).
  std::string amount_tolerance = "0.01";
  int renewal_horizon_days = 30;
  // Customers that need a PO on every invoice besides those whose CRM account
  // has requires_po: CRM account or ERP customer id, number or name
  // (case-insensitive, surrounding spaces ignored).
  std::vector<std::string> require_po;
};

// Counters for the run's log line.
struct Stats {
  std::size_t orders = 0;         // valid orders read, any status
  std::size_t signed_orders = 0;  // Activated, not deleted
  std::size_t documents = 0;      // valid invoices + credit notes, not voided
  std::size_t voided_ignored = 0;
  std::size_t invalid_records = 0;  // distinct records reported as DATA_INVALID
  std::size_t linked_by_reference = 0;
  std::size_t linked_by_po_match = 0;
};

struct Outcome {
  std::vector<schema::ExceptionItem> items;  // sorted: kind, then keys
  Stats stats;
  // Things the admin should know that are not exceptions, e.g. a require_po
  // entry that names no known customer.
  std::vector<std::string> warnings;
};

// Throws Error(config) naming the setting when amount_tolerance is not a
// non-negative decimal ("0.01", "5", "0.005") or the horizon is negative.
void validate(const Settings& settings);

// Runs every rule. Throws Error(config) on invalid settings (see validate).
Outcome reconcile_with_summary(const Inputs& inputs, const Settings& settings);
// The exceptions only (what the store's sync_exceptions takes).
std::vector<schema::ExceptionItem> reconcile(const Inputs& inputs, const Settings& settings);

// "po-2026-004471", "PO 2026 004471 " → "PO2026004471": ASCII letters
// upper-cased, ASCII spaces and punctuation dropped, other bytes kept.
std::string normalise_po(std::string_view po);

// NetSuite internal ids are numeric strings: "9" < "10". Ids that are not
// both all digits compare as strings.
bool document_id_less(std::string_view a, std::string_view b);

}  // namespace o2c::reconcile
