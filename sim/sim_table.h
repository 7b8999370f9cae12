// sim/sim_table.h
// A read-only, typed, row-addressable table: what the simulated query engines
// (SOQL in salesforce/, SuiteQL in netsuite/) evaluate against. The dataset
// (sim/dataset/) exposes each object as a SimTable generated on the fly from
// the seed, so even millions of rows never need to be held in memory.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace o2c::sim {

struct Decimal {                 // exact decimal as text, e.g. "1200.50", "-3"; never a double
  std::string text;
  bool operator==(const Decimal&) const = default;
};
using SimDate = std::chrono::sys_days;                                    // calendar date
using SimTime = std::chrono::sys_time<std::chrono::milliseconds>;        // UTC instant

// null, boolean, decimal number, text, date, datetime
using SimValue = std::variant<std::monostate, bool, Decimal, std::string, SimDate, SimTime>;

enum class SimType { boolean, decimal, text, date, datetime, id, reference };

struct SimColumn {
  std::string name;              // as the remote system spells it: "SystemModstamp", "foreigntotal"
  SimType type;
  std::string references;        // for reference columns: the table they point to ("Account"), else ""
  std::string label;             // human label for describe/metadata
};

// Rows are addressed by position 0..size()-1. Position order is the table's
// natural order: ascending primary key, which for the generated data is also
// ascending modification time (mutations aside, see Dataset).
class SimTable {
 public:
  virtual ~SimTable() = default;
  virtual const std::string& name() const = 0;                 // "Order", "transaction"
  virtual const std::vector<SimColumn>& columns() const = 0;
  virtual std::size_t size() const = 0;
  // Value of column `col` (index into columns()) in row `row`.
  virtual SimValue value(std::size_t row, std::size_t col) const = 0;
  // Position of the row whose primary key (column 0) equals `key`, if any.
  virtual std::optional<std::size_t> find(std::string_view key) const = 0;
  // True when positions are in ascending order of `column` (ties broken by the
  // primary key), so a query ordered that way can stream instead of sorting,
  // and a range predicate on it can seek. The generated tables say so for their
  // primary key and modstamp column until a mutation reorders them.
  virtual bool naturally_ordered_by(std::string_view column) const { (void)column; return false; }

  std::optional<std::size_t> column_index(std::string_view name, bool case_insensitive) const;
};

using SimTablePtr = std::shared_ptr<const SimTable>;

// Looks tables up by name; what a query's FROM / JOIN resolves against.
class SimCatalog {
 public:
  virtual ~SimCatalog() = default;
  virtual SimTablePtr table(std::string_view name) const = 0;  // nullptr if unknown
};

}  // namespace o2c::sim

namespace o2c::sim {

// A small in-memory table: for unit tests of the query engines and for tiny
// fixed tables (NetSuite `currency`). Primary key = column 0, found by scan.
class VectorTable final : public SimTable {
 public:
  VectorTable(std::string name, std::vector<SimColumn> columns, std::vector<std::vector<SimValue>> rows)
      : name_(std::move(name)), columns_(std::move(columns)), rows_(std::move(rows)) {}
  const std::string& name() const override { return name_; }
  const std::vector<SimColumn>& columns() const override { return columns_; }
  std::size_t size() const override { return rows_.size(); }
  SimValue value(std::size_t row, std::size_t col) const override { return rows_.at(row).at(col); }
  std::optional<std::size_t> find(std::string_view key) const override;

 private:
  std::string name_;
  std::vector<SimColumn> columns_;
  std::vector<std::vector<SimValue>> rows_;
};

}  // namespace o2c::sim
