// tests/unit/sim/dataset/dataset_test_support.h — helpers shared by the
// dataset tests: a fixed clock, cell access by column name, and the answer
// key parsed into (kind → keys).
#pragma once

#include <chrono>
#include <map>
#include <set>
#include <string>

#include <boost/json.hpp>
#include <gtest/gtest.h>

#include "sim/dataset/dataset.h"

namespace o2c::sim::testing_support {

// 2026-11-24T12:00:00Z, DATA.md's example `now`.
inline SimTime fixed_now() {
  using namespace std::chrono;
  return time_point_cast<milliseconds>(sys_days{year{2026} / November / 24} + hours{12});
}

inline DatasetOptions options(std::size_t orders, std::uint64_t seed = 42) {
  DatasetOptions o;
  o.seed = seed;
  o.orders = orders;
  o.now = fixed_now();
  return o;
}

inline std::shared_ptr<const SimCatalog> catalog(const Dataset& ds, std::string_view system) {
  if (system == "salesforce") return ds.salesforce();
  if (system == "sap") return ds.sap();
  if (system == "oracle") return ds.oracle();
  if (system == "ebs") return ds.ebs();
  return ds.netsuite();
}

inline SimTablePtr table(const Dataset& ds, std::string_view system, std::string_view name) {
  auto t = catalog(ds, system)->table(name);
  EXPECT_NE(t, nullptr) << system << " " << name;
  return t;
}

inline SimValue cell(const SimTable& t, std::size_t row, std::string_view column) {
  const auto col = t.column_index(column, false);
  EXPECT_TRUE(col.has_value()) << t.name() << "." << column;
  return t.value(row, col.value_or(0));
}

inline std::string text(const SimTable& t, std::size_t row, std::string_view column) {
  const SimValue v = cell(t, row, column);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* d = std::get_if<Decimal>(&v)) return d->text;
  return "";
}

inline SimTime time_of(const SimTable& t, std::size_t row, std::string_view column) {
  const SimValue v = cell(t, row, column);
  EXPECT_TRUE(std::holds_alternative<SimTime>(v)) << t.name() << "." << column << " row " << row;
  return std::holds_alternative<SimTime>(v) ? std::get<SimTime>(v) : SimTime{};
}

using KindKeys = std::map<std::string, std::set<std::string>>;

// kind → keys (order id, invoice id, or source/object/record_id), as a scorer reads them.
inline KindKeys answer_key_sets(const std::string& json, boost::json::object* root_out = nullptr) {
  const auto root = boost::json::parse(json).as_object();
  KindKeys out;
  for (const auto& e : root.at("exceptions").as_array()) {
    const auto& o = e.as_object();
    const std::string kind(o.at("kind").as_string());
    std::string key;
    if (kind == "DATA_INVALID") {
      key = std::string(o.at("source").as_string()) + "/" + std::string(o.at("object").as_string()) + "/" +
            std::string(o.at("record_id").as_string());
    } else if (o.contains("invoice_id")) {
      key = std::string(o.at("invoice_id").as_string());
    } else {
      key = std::string(o.at("order_id").as_string());
    }
    EXPECT_TRUE(out[kind].insert(key).second) << "duplicate answer-key entry " << kind << " " << key;
  }
  if (root_out) *root_out = root;
  return out;
}

inline KindKeys planted_sets(const Dataset& ds, bool with_consequences) {
  KindKeys out;
  for (const auto& p : ds.planted())
    if (with_consequences || !p.consequence) out[p.kind].insert(p.key);
  return out;
}

}  // namespace o2c::sim::testing_support
