// sim/sap/sap_values.h
// Values as OData sees them: $filter literals, comparisons of table cells
// with literals and with each other (exact decimals, SAP's ALPHA ordering of
// numeric document numbers, dates against datetimes), and the JSON form of a
// cell in V2 (/Date(ms)/, /Date(ms+0000)/, decimals as strings) and in V4
// (ISO 8601, Edm.Date, decimals as strings under IEEE754Compatible=true).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "sim/sim_table.h"

namespace o2c::sim::sap {

struct Literal {
  enum class Kind { null, string, number, boolean, datetime, datetimeoffset, date };
  Kind kind = Kind::null;
  std::string text;        // string: the unescaped content; number: the digits without suffix
  char suffix = 0;         // number: 'M' (decimal), 'L', 'D', 'F' upper-cased; 0 = none
  bool flag = false;       // boolean
  SimTime time{};          // datetime / datetimeoffset (UTC)
  SimDate date{};          // date (V4 Edm.Date)
  std::string raw;         // as written, for messages
  std::size_t position = 0;  // 0-based offset in the option's text
};

const char* literal_kind_name(Literal::Kind kind);

// Numeric text as OData writes it: [-+]digits[.digits][e[-+]digits]; nullopt when not.
bool is_number_text(std::string_view text);
// Exact comparison of two decimal texts; nullopt when either is not a plain decimal.
std::optional<int> compare_decimal_text(std::string_view a, std::string_view b);
// SAP's ALPHA conversion orders numeric keys by value ("99999" < "100001"), others byte-wise.
int alpha_compare(std::string_view a, std::string_view b);

// cell <=> literal for a column of `type`; nullopt when they cannot be compared
// (null cell, a planted value of another type, a literal of another type).
std::optional<int> compare_to_literal(const SimValue& cell, const Literal& literal, SimType type);
// For $orderby: nulls first, then by value; values of different kinds by kind.
int compare_cells(const SimValue& a, const SimValue& b, SimType type);

struct JsonStyle {
  bool v4 = false;
  bool ieee754_compatible = false;   // V4: decimals as strings
  int offset_minutes = 0;            // Edm.DateTimeOffset written with this offset (the instant is the same)
};
// Appends the JSON value of `cell` (whose column is of `type`).
void append_json_value(std::string& out, const SimValue& cell, SimType type, const JsonStyle& style);
// Key predicate text of a value: '100001' (strings, quoted with '' escapes) or the plain value.
std::string key_literal(const SimValue& value);

// "2026-11-24T12:00:00.0000000Z" (V4 Edm.DateTimeOffset, precision 7) with an offset when nonzero.
std::string iso_datetime(SimTime t, int offset_minutes);

}  // namespace o2c::sim::sap
