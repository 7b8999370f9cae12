// einvoice/vat.h — what the VAT categories require, shared by the arithmetic,
// the rules and the writers. Internal to einvoice/.
#pragma once

#include <optional>
#include <string_view>

#include "einvoice/decimal.h"
#include "einvoice/einvoice.h"

namespace o2c::einvoice::detail {

// Categories whose breakdown carries an exemption reason (BR-x-10): E, AE, K, G, O.
bool needs_exemption_reason(VatCategory c);
// The default reason text / VATEX code; empty for E (the caller must say why), S and Z.
std::string_view default_exemption_reason(VatCategory c);
std::string_view default_exemption_code(VatCategory c);

// A line's VAT rate (BT-152) as a decimal: nullopt when the text is not a
// non-negative decimal. Category O has no rate: always 0 there.
std::optional<Decimal> line_rate(const Line& line);
// The rate as written in the XML: canonical text, "" for category O.
std::string rate_text(const Line& line);

// UBL/CII/cXML date: "2024-05-01"; CII format 102: "20240501".
std::string iso_date(Date d);
std::string compact_date(Date d);

}  // namespace o2c::einvoice::detail
