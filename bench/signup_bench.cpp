// Sign-up mapping on real forms (forms.hpp says why there are no 16 KB or 256 KB inputs).
#include "documents.hpp"
#include "forms.hpp"
#include "metalock/signup.hpp"

#include <benchmark/benchmark.h>

namespace metalock::bench {
namespace {

const Json kBase = signup_base();

void run_form(benchmark::State& state, const Form& form) {
  for (auto _ : state) {
    auto body = map_signup_fields(form.fields, form.values, kBase);
    if (!body) return state.SkipWithError(body.error().code.c_str());
    benchmark::DoNotOptimize(body);
  }
  state.SetBytesProcessed(state.iterations() * (json_bytes(form.fields) + json_bytes(form.values)));
}

void BM_signup_typical_form(benchmark::State& state) { run_form(state, typical_form()); }
void BM_signup_max_form(benchmark::State& state) { run_form(state, max_form()); }

BENCHMARK(BM_signup_typical_form);
BENCHMARK(BM_signup_max_form);

}  // namespace
}  // namespace metalock::bench
