#include "sim/dataset/business_layout.h"

#include <algorithm>
#include <string>

namespace o2c::sim::dataset {

std::size_t run_last_row(std::size_t row, std::size_t rows, const RunShape& shape, const Draws& draws) {
  const std::size_t block = row / shape.block;
  const std::size_t start = block * shape.block;
  const std::size_t end = std::min(rows, start + shape.block);
  std::size_t length = shape.block;
  if (block != shape.forced_bulk_block) {
    const std::uint64_t draw = draws(Stream::modstamp_block, block * 2 + shape.salt);
    if (draw % 100 >= shape.bulk_percent) length = shape.lengths[(draw / 100) % shape.lengths.size()];
  }
  const std::size_t run_end = start + ((row - start) / length + 1) * length;
  return std::min(end, run_end) - 1;
}

SimDate add_years(SimDate date, int years) {
  const std::chrono::year_month_day ymd{date};
  std::chrono::year_month_day next{ymd.year() + std::chrono::years(years), ymd.month(), ymd.day()};
  if (!next.ok()) next = std::chrono::year_month_day{std::chrono::year_month_day_last{next.year(), std::chrono::month_day_last{next.month()}}};
  return std::chrono::sys_days{next};
}

std::string cents_text(std::int64_t cents, bool drop_trailing_zeros) {
  const bool negative = cents < 0;
  const std::uint64_t magnitude = negative ? static_cast<std::uint64_t>(-(cents + 1)) + 1 : static_cast<std::uint64_t>(cents);
  std::string text = negative ? "-" : "";
  text += std::to_string(magnitude / 100);
  const auto fraction = static_cast<unsigned>(magnitude % 100);
  if (drop_trailing_zeros && fraction == 0) return text;
  text.push_back('.');
  text.push_back(static_cast<char>('0' + fraction / 10));
  if (!drop_trailing_zeros || fraction % 10 != 0) text.push_back(static_cast<char>('0' + fraction % 10));
  return text;
}

}  // namespace o2c::sim::dataset
