// sim/netsuite/suiteql_value.h
// Runtime values of the SuiteQL engine and their semantics: exact decimal
// comparison on text (never through a double), dates and datetimes compared
// as UTC instants (a date is its local midnight in the account's zone),
// strings byte-wise, SQL three-valued logic, LIKE, the default output text of
// each kind, and the conversion from SimValue according to the column's
// SimType (numeric id/reference text is a number).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/netsuite/suiteql_zone.h"
#include "sim/sim_table.h"

namespace o2c::sim::netsuite {

struct Val {
  enum class Kind : std::uint8_t { null, boolean, number, text, date, time };
  Kind kind = Kind::null;
  bool flag = false;  // boolean
  std::string text;   // number (exact decimal text as stored) or text
  SimTime time{};     // date (its local midnight) or time, as a UTC instant

  static Val null() { return {}; }
  static Val boolean(bool b) { return {Kind::boolean, b, {}, {}}; }
  static Val number(std::string t) { return {Kind::number, false, std::move(t), {}}; }
  static Val string(std::string t) { return {Kind::text, false, std::move(t), {}}; }
  static Val date(SimTime t) { return {Kind::date, false, {}, t}; }
  static Val datetime(SimTime t) { return {Kind::time, false, {}, t}; }
  bool is_null() const { return kind == Kind::null; }
  bool is_temporal() const { return kind == Kind::date || kind == Kind::time; }
};

enum class Tri : std::uint8_t { no, yes, unknown };
Tri tri_not(Tri a);
Tri tri_and(Tri a, Tri b);
Tri tri_or(Tri a, Tri b);

// True when `text` is [+-]digits[.digits] (or [+-].digits / digits.).
bool is_decimal(std::string_view text);
// -1/0/1 comparing two decimal texts exactly; nullopt if either is not decimal.
std::optional<int> compare_decimal(std::string_view a, std::string_view b);

// SQL comparison: nullopt when either side is null or the kinds do not
// compare (a non-numeric text against a number, a date against text).
std::optional<int> compare_values(const Val& a, const Val& b);
// A total order for ORDER BY (nulls last); agrees with compare_values
// wherever that one answers for values of the same kind.
int order_values(const Val& a, const Val& b);
// Equal values (per compare_values) have equal keys: hash joins use it.
std::string join_key(const Val& v);

// Oracle LIKE: '%' any run, '_' one character; case-sensitive.
bool like_match(std::string_view text, std::string_view pattern);

// The text NetSuite sends for a value (numbers as their exact text, booleans
// T/F, dates and datetimes in the account's date format M/D/YYYY, the day in
// the account's zone); nullopt for null, which the item omits.
std::optional<std::string> output_text(const Val& v, const AccountZone& zone);
// The text a value stands for where text is needed (LIKE, TO_CHAR, UPPER).
std::string as_text(const Val& v, const AccountZone& zone);

// A SimDate becomes the instant of its local midnight in `zone`.
Val from_sim(const SimValue& value, SimType type, const AccountZone& zone);

}  // namespace o2c::sim::netsuite
