// reports/report_text.h — text rules shared by the HTML and CSV renderers:
// escaping, quoting, and how amounts, ages, times and evidence read.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/money.h"
#include "core/time.h"
#include "schema/exception_item.h"

namespace o2c::reports {

// & < > " ' escaped; bytes that are not valid UTF-8 become U+FFFD.
std::string html_escape(std::string_view text);
// One RFC 4180 field: quoted when it holds a comma, quote, CR or LF, quotes doubled.
std::string csv_field(std::string_view text);
// A free-text cell Excel must not run as a formula: leading = + - @ TAB CR get a '.
std::string csv_text_field(std::string_view text);
// Bytes that are not valid UTF-8 become U+FFFD.
std::string valid_utf8(std::string_view text);

std::string format_age(int days);                   // "12 d", "0 d", "in 5 d"
std::string format_time(Timestamp t);               // "2026-11-24 07:00 UTC"
std::string format_day(Date d);                     // "Tue 24 Nov 2026"
std::string evidence_label(std::string_view name);  // "order_amount" → "order amount"
// "rule=po.mismatch; invoice_po=PO-1; ..." for the CSV.
std::string evidence_line(const std::vector<schema::EvidenceItem>& evidence);

}  // namespace o2c::reports
