// reconcile/exception_builder.h — ExceptionItems with their keys, display
// fields and evidence filled the same way by every rule.
#pragma once

#include <string>
#include <string_view>

#include "reconcile/ledger.h"

namespace o2c::reconcile {

// Keyed by the order (Salesforce Order Id) and its CRM account. Display: the
// account name, order number and PO, the order amount, the signing date.
schema::ExceptionItem order_exception(schema::ExceptionKind kind, std::string_view rule, const schema::Order& order,
                                      const Ledger& ledger);

// Keyed by the invoice (ERP internal id), the order it is linked to (if any)
// and its CRM account. Display: names and numbers, the invoice PO and amount,
// the invoice date.
schema::ExceptionItem invoice_exception(schema::ExceptionKind kind, std::string_view rule,
                                        const schema::Invoice& invoice, const schema::Order* linked_order,
                                        const Ledger& ledger);

void add_evidence(schema::ExceptionItem& item, std::string name, std::string value);

// "INV100001 (id 100001, 2026-05-01, 1200.00 EUR)" / "credit note CM100001 (...)".
std::string describe_document(const schema::Invoice& doc);
std::string describe_date(const std::optional<Date>& date);  // "2026-05-01" or "none"

}  // namespace o2c::reconcile
