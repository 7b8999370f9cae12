// reconcile/rules.h — the rules of DATA.md, one function per concern, each
// appending the exceptions it finds. Internal to reconcile/.
#pragma once

#include <vector>

#include "reconcile/ledger.h"
#include "reconcile/linking.h"

namespace o2c::reconcile {

// Rule 2: per signed order, ORDER_NOT_INVOICED, CURRENCY_MISMATCH,
// DUPLICATE_INVOICE, AMOUNT_MISMATCH, ORDER_PARTIALLY_INVOICED, ORDER_OVER_INVOICED.
void check_orders(const Ledger& ledger, const Links& links, std::vector<schema::ExceptionItem>& out);

// Rule 3: per invoice (not credit notes), INVOICE_WITHOUT_ORDER, PO_MISSING, PO_MISMATCH.
void check_invoices(const Ledger& ledger, const Links& links, std::vector<schema::ExceptionItem>& out);

// Rule 4: PO_NEEDED_FOR_RENEWAL.
void check_renewals(const Ledger& ledger, std::vector<schema::ExceptionItem>& out);

// DATA_INVALID: one per distinct source/object/id, every problem as evidence.
// Returns how many were reported.
std::size_t report_invalid_records(const std::vector<schema::InvalidRecord>& invalid,
                                   std::vector<schema::ExceptionItem>& out);

// "+12.00 EUR" / "-3.50 EUR": a difference with its sign always shown.
std::string signed_amount(Money m);

}  // namespace o2c::reconcile
