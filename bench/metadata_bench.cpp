// merge, diff, validate (and the JSON boundary they sit behind) on 1 KB, 16 KB, 256 KB metadata.
// Inputs are built before the timed loop; only the parse benchmarks parse inside it.
#include "documents.hpp"
#include "metalock/metadata.hpp"

#include <benchmark/benchmark.h>

#include <algorithm>
#include <utility>
#include <vector>

namespace metalock::bench {
namespace {

void report_failure(benchmark::State& state, const Error& error) {
  state.SkipWithError(("unexpected error: " + error.code + " " + error.description).c_str());
}

// parse_json on a metadata document: the cost every response body pays first.
void BM_parse_json(benchmark::State& state) {
  const std::string text = dump_json(make_metadata(static_cast<std::size_t>(state.range(0))));
  for (auto _ : state) {
    auto doc = parse_json(text);
    if (!doc) return report_failure(state, doc.error());
    benchmark::DoNotOptimize(doc);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}

// dump_json of a PATCH body: what the transport sends.
void BM_dump_json(benchmark::State& state) {
  const Json patch{{"user_metadata", make_metadata(static_cast<std::size_t>(state.range(0)))}};
  std::int64_t bytes = 0;
  for (auto _ : state) {
    std::string text = dump_json(patch);
    bytes = static_cast<std::int64_t>(text.size());
    benchmark::DoNotOptimize(text);
  }
  state.SetBytesProcessed(state.iterations() * bytes);
}

// Applying an edit's PATCH to a user holding the document, through the const overload: the
// user stays the caller's, the result is a new document.
void BM_merge(benchmark::State& state) {
  const Json before = make_metadata(static_cast<std::size_t>(state.range(0)));
  const Json user = make_user(before);
  auto patch = edit_patch(before);
  if (!patch || patch.value().is_null()) return state.SkipWithError("the edit produced no patch");
  for (auto _ : state) {
    auto merged = merge_metadata(user, patch.value());
    if (!merged) return report_failure(state, merged.error());
    benchmark::DoNotOptimize(merged);
  }
  state.SetBytesProcessed(state.iterations() * (json_bytes(user) + json_bytes(patch.value())));
  state.counters["patch_bytes"] = static_cast<double>(json_bytes(patch.value()));
}

// The same merge through the owning overload, as the bindings (so the client and the tenant)
// run it on the user they parsed: the copies it consumes are made outside the timed region,
// a batch at a time (pausing the timer per call would cost more than a 1 KB merge), the batch
// small enough to stay in cache, as a user just parsed is.
void BM_merge_in_place(benchmark::State& state) {
  const benchmark::IterationCount kBatch = std::max<benchmark::IterationCount>(1, (64 << 10) / state.range(0));
  const Json before = make_metadata(static_cast<std::size_t>(state.range(0)));
  const Json user = make_user(before);
  auto patch = edit_patch(before);
  if (!patch || patch.value().is_null()) return state.SkipWithError("the edit produced no patch");
  std::vector<Json> users;
  while (state.KeepRunningBatch(kBatch)) {
    state.PauseTiming();
    users.assign(kBatch, user);
    state.ResumeTiming();
    for (Json& owned : users) {
      auto merged = merge_metadata(std::move(owned), patch.value());
      if (!merged) return report_failure(state, merged.error());
      benchmark::DoNotOptimize(merged);
    }
  }
  state.SetBytesProcessed(state.iterations() * (json_bytes(user) + json_bytes(patch.value())));
}

// buildMetadataPatch(before, after): compares two documents of the size.
void BM_diff(benchmark::State& state) {
  const Json before = make_metadata(static_cast<std::size_t>(state.range(0)));
  const Json after = edit_metadata(before);
  for (auto _ : state) {
    auto patch = diff_metadata(before, after);
    if (!patch) return report_failure(state, patch.error());
    benchmark::DoNotOptimize(patch);
  }
  state.SetBytesProcessed(state.iterations() * (json_bytes(before) + json_bytes(after)));
}

// validate_patch on a PATCH carrying the whole document, with a current-user token: names at
// every depth, reserved keys, the {} guard, scope rules.
void BM_validate(benchmark::State& state) {
  const Json patch{{"user_metadata", make_metadata(static_cast<std::size_t>(state.range(0)))}};
  PatchPolicy policy;
  policy.scope = kCurrentUserScope;
  policy.subject = kUserId;
  policy.user_id = kUserId;
  for (auto _ : state) {
    auto status = validate_patch(patch, policy);
    if (!status) return report_failure(state, status.error());
    benchmark::DoNotOptimize(status);
  }
  state.SetBytesProcessed(state.iterations() * json_bytes(patch));
}

#define METALOCK_SIZES Arg(kSmall)->Arg(kMedium)->Arg(kLarge)
BENCHMARK(BM_parse_json)->METALOCK_SIZES;
BENCHMARK(BM_dump_json)->METALOCK_SIZES;
BENCHMARK(BM_merge)->METALOCK_SIZES;
BENCHMARK(BM_merge_in_place)->METALOCK_SIZES;
BENCHMARK(BM_diff)->METALOCK_SIZES;
BENCHMARK(BM_validate)->METALOCK_SIZES;

}  // namespace
}  // namespace metalock::bench
