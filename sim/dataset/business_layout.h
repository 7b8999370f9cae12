// sim/dataset/business_layout.h — where rows sit in time. Rows of a table are
// created at evenly spaced instants over a window that ends before `now`;
// their modstamp is shared by a *run* of consecutive rows (a bulk update) and
// equals the creation time of the run's last row plus one minute, so it never
// decreases with the row number and stays <= now - 2 minutes.
#pragma once

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>

#include "sim/dataset/seeded_draws.h"
#include "sim/sim_table.h"

namespace o2c::sim::dataset {

struct RunShape {
  std::size_t block;                        // runs never cross a block boundary
  std::array<std::size_t, 6> lengths;       // run length within a block, drawn per block
  unsigned bulk_percent;                    // chance that the whole block is one run
  std::size_t forced_bulk_block;            // this block is always one run (SIZE_MAX: none)
  std::uint64_t salt;                       // separates the draws of different tables
};

inline constexpr RunShape kOrderRuns{2500, {1, 1, 1, 3, 12, 400}, 20, 1, 0};
inline constexpr RunShape kDocumentRuns{500, {1, 1, 1, 2, 6, 40}, 15, SIZE_MAX, 1};
inline constexpr std::chrono::seconds kRunStampDelay{60};

// The last row of the run holding `row` (rows = table size).
std::size_t run_last_row(std::size_t row, std::size_t rows, const RunShape& shape, const Draws& draws);

// start + index * span / count, in whole seconds (count > 0).
inline SimTime spread(SimTime start, std::chrono::seconds span, std::size_t index, std::size_t count) {
  const auto offset = static_cast<std::uint64_t>(span.count()) * index / count;
  return start + std::chrono::seconds(static_cast<std::int64_t>(offset));
}

SimDate add_years(SimDate date, int years);   // Feb 29 → Feb 28

// Exact decimal text of an amount in cents: "1200.50" (fixed, NetSuite) or
// "1200.5" / "980" (trailing zeros dropped, as Salesforce sends numbers).
std::string cents_text(std::int64_t cents, bool drop_trailing_zeros);

}  // namespace o2c::sim::dataset
