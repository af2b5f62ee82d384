// /userinfo normalization with the user_metadata claim lifted, on 1 KB, 16 KB, 256 KB metadata.
#include "documents.hpp"
#include "metalock/profile.hpp"

#include <benchmark/benchmark.h>

namespace metalock::bench {
namespace {

ProfileOptions claim_options() {
  ProfileOptions options;
  options.user_metadata_claim = kUserMetadataClaim;
  return options;
}

// From the raw response text, as the client calls it: this one includes parsing by design.
void BM_profile_from_text(benchmark::State& state) {
  const std::string text = dump_json(make_userinfo(make_metadata(static_cast<std::size_t>(state.range(0)))));
  const ProfileOptions options = claim_options();
  for (auto _ : state) {
    auto profile = normalize_profile(std::string_view(text), options);
    if (!profile) return state.SkipWithError(profile.error().code.c_str());
    benchmark::DoNotOptimize(profile);
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}

// From an already parsed document: normalization alone.
void BM_profile_from_value(benchmark::State& state) {
  const Json userinfo = make_userinfo(make_metadata(static_cast<std::size_t>(state.range(0))));
  const ProfileOptions options = claim_options();
  for (auto _ : state) {
    auto profile = normalize_profile(userinfo, options);
    if (!profile) return state.SkipWithError(profile.error().code.c_str());
    benchmark::DoNotOptimize(profile);
  }
  state.SetBytesProcessed(state.iterations() * json_bytes(userinfo));
}

BENCHMARK(BM_profile_from_text)->Arg(kSmall)->Arg(kMedium)->Arg(kLarge);
BENCHMARK(BM_profile_from_value)->Arg(kSmall)->Arg(kMedium)->Arg(kLarge);

}  // namespace
}  // namespace metalock::bench
