#include "sim/sim_table.h"

#include <algorithm>
#include <cctype>

namespace o2c::sim {

namespace {
bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}
}  // namespace

std::optional<std::size_t> SimTable::column_index(std::string_view name, bool case_insensitive) const {
  const auto& cols = columns();
  for (std::size_t i = 0; i < cols.size(); ++i)
    if (case_insensitive ? iequals(cols[i].name, name) : cols[i].name == name) return i;
  return std::nullopt;
}

std::optional<std::size_t> VectorTable::find(std::string_view key) const {
  for (std::size_t i = 0; i < rows_.size(); ++i)
    if (const auto* s = std::get_if<std::string>(&rows_[i].at(0)); s && *s == key) return i;
  return std::nullopt;
}

}  // namespace o2c::sim
