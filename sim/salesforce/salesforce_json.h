// sim/salesforce/salesforce_json.h
// JSON output as Salesforce writes it, appended straight to a std::string (no
// DOM): strings escaped per JSON except that bytes >= 0x80 pass through as
// they are (so planted invalid UTF-8 reaches the connector unchanged), numbers
// from exact decimal text, datetimes `2026-05-01T10:00:00.000+0000`, dates
// `2026-05-01`.
#pragma once

#include <string>
#include <string_view>

#include "sim/sim_json.h"
#include "sim/sim_table.h"

namespace o2c::sim::salesforce {

using sim::append_json_string;   // sim/sim_json.h
// Appends a SimValue as its own JSON type (null, true/false, number, string).
void append_json_value(std::string& out, const SimValue& value);

std::string format_datetime(SimTime t);  // 2026-05-01T10:00:00.000+0000
std::string format_date(SimDate d);      // 2026-05-01
// True for JSON number syntax: -?(0|[1-9]d*)(.d+)?([eE][+-]?d+)?
bool is_json_number(std::string_view text);

}  // namespace o2c::sim::salesforce
