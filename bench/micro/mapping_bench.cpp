// Mapping raw Salesforce Order records to canonical orders: the per-record
// cost on the sync hot path (one simdjson pass + one expression per field).
#include <fstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "mapping/mapper.h"

namespace {

std::vector<o2c::connectors::RawRecord> sample_page(std::size_t size) {
  std::ifstream in(std::string(O2C_SOURCE_DIR) + "/tests/data/mapping/salesforce-order.jsonl");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) lines.push_back(line);
  std::vector<o2c::connectors::RawRecord> page;
  for (std::size_t i = 0; i < size; ++i) page.push_back({"", lines.at(i % lines.size()), {}, ""});
  return page;
}

void BM_MapSalesforceOrders(benchmark::State& state) {
  const auto mapper = o2c::mapping::load_mapping(std::string(O2C_SOURCE_DIR) + "/examples/mappings/salesforce-order.yaml");
  const auto page = sample_page(2000);
  for (auto _ : state) benchmark::DoNotOptimize(mapper->map_all(page, "salesforce"));
  state.SetItemsProcessed(state.iterations() * static_cast<long>(page.size()));
}
BENCHMARK(BM_MapSalesforceOrders)->Unit(benchmark::kMillisecond);

}  // namespace
