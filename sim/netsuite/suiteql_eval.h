// sim/netsuite/suiteql_eval.h
// Evaluates bound expressions over one joined row: a position per FROM slot
// (kNoRow where a LEFT JOIN found nothing, so its columns read as null).
// Values come from SimTable::value converted per the column's SimType;
// conditions follow SQL three-valued logic. TO_DATE reads and TO_CHAR writes
// wall time in the account's zone (suiteql_zone.h). Never throws on data: a
// TO_DATE over a value that does not match its format yields null.
#pragma once

#include <cstddef>
#include <limits>
#include <vector>

#include "sim/netsuite/suiteql_ast.h"

namespace o2c::sim::netsuite {

struct Slot;

inline constexpr std::size_t kNoRow = std::numeric_limits<std::size_t>::max();

struct RowView {
  const std::vector<Slot>& slots;
  const std::size_t* positions;  // one per slot
  const AccountZone& zone;       // of TO_DATE, TO_CHAR, date columns and date text
};

Val eval_value(const Expr& e, const RowView& row);
Tri eval_condition(const Expr& e, const RowView& row);

}  // namespace o2c::sim::netsuite
