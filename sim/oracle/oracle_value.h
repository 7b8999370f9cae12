// sim/oracle/oracle_value.h — comparing and writing the cells of a SimTable as
// the simulated Fusion REST API sees them: decimals compared exactly as text
// (never through a double), a numeric id stored as text compared as a
// number, dates against timestamps at midnight UTC, and Oracle's LIKE
// patterns (% or * for any run of characters, _ for one).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "sim/sim_table.h"

namespace o2c::sim::oracle {

// True for "-12", "3.50", "0.1" (optional '-', digits, optional '.' and digits).
bool is_decimal_text(std::string_view text);
// Exact order of two decimal texts; nullopt when either is not one.
std::optional<int> compare_decimal(std::string_view a, std::string_view b);
// Order of two cells (<0, 0, >0), nullopt when they do not compare (a null,
// text that is no number against a number, different kinds).
std::optional<int> compare_cells(const SimValue& a, const SimValue& b);
// A total order for sorting (orderBy): nulls last, then compare_cells, then
// by kind and text so that values that do not compare still sort stably.
int sort_order(const SimValue& a, const SimValue& b);
bool like_match(std::string_view text, std::string_view pattern);

// The cell as text: strings as they are, decimals as written, dates
// "2026-11-24", datetimes "2026-11-24T10:00:00.000+00:00", "true"/"false", "" for null.
std::string cell_text(const SimValue& value);
std::string format_datetime(SimTime t);

}  // namespace o2c::sim::oracle
