// Hostile inputs at the JSON boundary: how long a refusal takes. The tests only check the
// error codes (tests/native/json_test.cpp); the "well under a second" claim is measured here.
#include "metalock/json.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace metalock::bench {
namespace {

void expect_refusal(benchmark::State& state, const std::string& text, const std::string& code) {
  for (auto _ : state) {
    auto doc = parse_json(text);
    if (doc || doc.error().code != code) return state.SkipWithError(("expected " + code).c_str());
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}

// 10,000 nested arrays and objects: too_deep from the pre-scan, before any document is built.
void BM_refuse_10000_deep_arrays(benchmark::State& state) {
  expect_refusal(state, std::string(10000, '[') + std::string(10000, ']'), code::too_deep);
}

void BM_refuse_10000_deep_objects(benchmark::State& state) {
  std::string text;
  for (int i = 1; i < 10000; ++i) text += "{\"a\":";
  text += "{}" + std::string(9999, '}');
  expect_refusal(state, text, code::too_deep);
}

// A 50 MB body: payload_too_large from its size alone.
void BM_refuse_50mb(benchmark::State& state) {
  expect_refusal(state, "[\"" + std::string(50 * 1024 * 1024, 'x') + "\"]", code::payload_too_large);
}

}  // namespace

BENCHMARK(BM_refuse_10000_deep_arrays)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_refuse_10000_deep_objects)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_refuse_50mb)->Unit(benchmark::kMicrosecond);

}  // namespace metalock::bench
