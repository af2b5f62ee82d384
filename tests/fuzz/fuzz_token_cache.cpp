// The stored token cache: any stored text loads or is refused as invalid_storage; what loads
// serializes to text that loads to the same entries.
#include "fuzz_support.hpp"
#include "metalock/token_cache.hpp"

#include <set>
#include <string>
#include <vector>

using namespace metalock;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // The manifest of per-entry storage keys: any text reads as a list (maybe empty), and
  // writing that list back reads as the same keys, sorted and unique.
  const std::vector<std::string> listed = read_token_manifest(fuzz::text_of(data, size));
  const std::set<std::string> unique(listed.begin(), listed.end());
  fuzz::require(read_token_manifest(update_token_manifest(fuzz::text_of(data, size), {}, {})) ==
                    std::vector<std::string>(unique.begin(), unique.end()),
                "a manifest reads back as its keys, sorted and unique");
  (void)TokenCache::from_stored({std::string(fuzz::text_of(data, size))});

  auto cache = TokenCache::deserialize(fuzz::text_of(data, size));
  if (!cache) {
    fuzz::require(cache.error().code == "invalid_storage", "a refused cache is invalid_storage");
    return 0;
  }
  const std::string stored = cache.value().serialize();
  auto again = TokenCache::deserialize(stored);
  fuzz::require(static_cast<bool>(again), "a serialized cache loads again");
  fuzz::require(again.value().serialize() == stored, "serialize is stable across a reload");
  (void)cache.value().get(TokenKey{"client", "default", "openid"}, 1700000000);
  return 0;
}
