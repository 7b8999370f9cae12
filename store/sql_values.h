// store/sql_values.h — how domain values are written to and read from
// columns (schema/*/0001_initial.sql "Conventions"): instants as epoch ms,
// dates as 'YYYY-MM-DD', currencies as 3-letter codes, enums as fixed words.
// Reading back something that is not a valid value throws Error(store).
#pragma once

#include <string>
#include <string_view>

#include "core/money.h"
#include "core/time.h"
#include "schema/exception_item.h"
#include "schema/model.h"

namespace o2c::store {

long long to_ms(Timestamp t);
Timestamp from_ms(long long ms);

std::string to_column(Date d);
Date date_from_column(const std::string& text);

// "" for an unset currency, which the CHECK constraints refuse.
std::string to_column(Currency c);
Currency currency_from_column(std::string_view code);   // PostgreSQL CHAR(3) may pad: trimmed

const char* to_column(schema::OrderKind kind);
schema::OrderKind order_kind_from_column(std::string_view text);
const char* to_column(schema::InvoiceKind kind);
schema::InvoiceKind invoice_kind_from_column(std::string_view text);
schema::ExceptionKind exception_kind_from_column(std::string_view text);
schema::ExceptionState exception_state_from_column(std::string_view text);

// Evidence as a JSON array of {"name": ..., "value": ...}.
std::string evidence_to_json(const std::vector<schema::EvidenceItem>& evidence);
std::vector<schema::EvidenceItem> evidence_from_json(std::string_view json);

// Text the databases cannot hold as is (NUL characters) made storable, for
// diagnostic text such as invalid-record excerpts: NUL → U+FFFD.
std::string storable_text(std::string_view text);

}  // namespace o2c::store
