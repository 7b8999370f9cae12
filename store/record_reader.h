// store/record_reader.h — reads the stored canonical records for reconcile/
// and reports/: deleted ones included, those with a current invalid_records
// entry left out, in (source, object, external_id) order.
#pragma once

#include <vector>

#include "schema/model.h"
#include "store/connection.h"

namespace o2c::store {

std::vector<schema::Customer> read_customers(Connection& connection);
std::vector<schema::Order> read_orders(Connection& connection);
std::vector<schema::OrderLine> read_order_lines(Connection& connection);
std::vector<schema::Invoice> read_invoices(Connection& connection);
std::vector<schema::Payment> read_payments(Connection& connection);
std::vector<schema::InvoiceLine> read_invoice_lines(Connection& connection);
std::vector<schema::InvalidRecord> read_invalid_records(Connection& connection);

}  // namespace o2c::store
