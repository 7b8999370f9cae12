// sim/dataset/generated_table.h — what every generated table has in common:
// its name and columns, bounds checks, and the natural-order promise (primary
// key always; the modstamp column until a mutation touches a row).
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

#include "sim/dataset/dataset_core.h"

namespace o2c::sim::dataset {

bool iequals_ascii(std::string_view a, std::string_view b);

class GeneratedTable : public SimTable {
 public:
  GeneratedTable(CorePtr core, std::string name, std::string modstamp_column, std::vector<SimColumn> columns)
      : core_(std::move(core)),
        name_(std::move(name)),
        modstamp_column_(std::move(modstamp_column)),
        columns_(std::move(columns)) {}

  const std::string& name() const override { return name_; }
  const std::vector<SimColumn>& columns() const override { return columns_; }

  bool naturally_ordered_by(std::string_view column) const override {
    if (iequals_ascii(column, columns_.front().name)) return true;
    return iequals_ascii(column, modstamp_column_) && state().modstamp_ordered();
  }

 protected:
  virtual const TableState& state() const = 0;
  void check(std::size_t row, std::size_t col) const {
    if (row >= size() || col >= columns_.size())
      throw std::out_of_range(name_ + ": no cell (" + std::to_string(row) + ", " + std::to_string(col) + ")");
  }

  CorePtr core_;

 private:
  std::string name_;
  std::string modstamp_column_;
  std::vector<SimColumn> columns_;
};

}  // namespace o2c::sim::dataset
