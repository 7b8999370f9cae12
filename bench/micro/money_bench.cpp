// Money parsing/formatting: on the hot path of every mapped amount.
#include <benchmark/benchmark.h>

#include "core/money.h"

namespace {

void BM_MoneyParse(benchmark::State& state) {
  const o2c::Currency eur = o2c::Currency::parse("EUR");
  const char* samples[] = {"1200.50", "980", "-15.3", "123456789.01", "0.07"};
  std::size_t i = 0;
  for (auto _ : state) benchmark::DoNotOptimize(o2c::Money::parse(samples[i++ % 5], eur));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MoneyParse);

void BM_MoneyFormat(benchmark::State& state) {
  const o2c::Money m(123456789, o2c::Currency::parse("EUR"));
  for (auto _ : state) benchmark::DoNotOptimize(m.to_decimal());
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MoneyFormat);

void BM_CurrencyLookup(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(o2c::Currency::parse("GBP"));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CurrencyLookup);

}  // namespace
