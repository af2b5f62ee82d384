// The token cache's stored form. Storage (localStorage, a custom store, a file) is
// untrusted: anything but a well-formed document of this version is refused, never crashed on.
#include "metalock/token_cache.hpp"

#include "text.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <set>
#include <utility>

namespace metalock {
namespace {

Error invalid_storage(std::string_view why) {
  return Error::make(code::invalid_storage, {"Stored token cache is unusable: ", why});
}

// An entry's text members and their stored names: one table that writing and reading walk,
// instead of each spelling out the seven members (which the wasm held in full, twice).
constexpr std::pair<const char*, std::string TokenEntry::*> kStoredTexts[] = {
    {"client_id", &TokenEntry::client_id},         {"audience", &TokenEntry::audience},
    {"scope", &TokenEntry::scope},                 {"access_token", &TokenEntry::access_token},
    {"id_token", &TokenEntry::id_token},           {"refresh_token", &TokenEntry::refresh_token},
    {"token_type", &TokenEntry::token_type}};

bool read_string(const Json& object, const char* name, std::string& out) {
  auto it = object.find(name);
  if (it == object.end() || !it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

bool read_epoch_seconds(const Json& object, const char* name, std::int64_t& out) {
  auto it = object.find(name);
  if (it == object.end()) return false;
  if (it->is_number_unsigned()) {
    const auto value = it->get<std::uint64_t>();
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return false;
    out = static_cast<std::int64_t>(value);
    return true;
  }
  if (!it->is_number_integer()) return false;
  out = it->get<std::int64_t>();
  return true;
}

bool read_entry(const Json& item, TokenEntry& entry) {
  if (!item.is_object()) return false;
  auto claims = item.find("id_token_claims");
  if (claims == item.end() || !claims->is_object()) return false;
  entry.id_token_claims = *claims;
  for (const auto& [name, member] : kStoredTexts) {
    if (!read_string(item, name, entry.*member)) return false;
  }
  return read_epoch_seconds(item, "expires_at", entry.expires_at);
}

}  // namespace

std::string TokenCache::serialize() const {
  Json entries = Json::array();
  for (const TokenEntry& entry : entries_) {
    Json item = Json::object();
    for (const auto& [name, member] : kStoredTexts) item[name] = entry.*member;
    item["expires_at"] = entry.expires_at;
    item["id_token_claims"] = entry.id_token_claims.is_object() ? entry.id_token_claims : Json::object();
    entries.push_back(std::move(item));
  }
  return dump_json(json_object({{"version", kTokenCacheFormatVersion}, {"entries", std::move(entries)}}));
}

Result<TokenCache> TokenCache::deserialize(std::string_view text) {
  auto doc = parse_json(text);
  if (!doc) return invalid_storage(doc.error().description);
  const Json& root = doc.value();
  if (!root.is_object()) return invalid_storage("not a JSON object");
  auto version = root.find("version");
  if (version == root.end() || !version->is_number_integer() ||
      version->get<std::int64_t>() != kTokenCacheFormatVersion) {
    static_assert(kTokenCacheFormatVersion == 1, "say the version below");
    return invalid_storage("not format version 1");
  }
  auto entries = root.find("entries");
  if (entries == root.end() || !entries->is_array()) return invalid_storage("no entries array");

  TokenCache cache;
  for (const Json& item : *entries) {
    TokenEntry entry;
    if (!read_entry(item, entry)) return invalid_storage("an entry is malformed");
    cache.put(std::move(entry));   // through put(): a hand-edited duplicate cannot shadow the newer entry
  }
  return cache;
}

TokenCache TokenCache::from_stored(const std::vector<std::string>& texts) {
  std::vector<TokenEntry> entries;
  for (const std::string& text : texts) {
    auto cache = deserialize(text);
    if (!cache) continue;
    // Each text's cache is thrown away after this: its entries are moved, not copied.
    for (TokenEntry& entry : cache.value().entries_) entries.push_back(std::move(entry));
  }
  // By expires_at (ties: in the order read). An index sort keeps the wasm small: sorting the
  // entries themselves instantiates a merge sort over TokenEntry. A heap sort, because
  // std::sort's introsort costs about 1.4 KB more of the wasm; both are O(n log n) (a store
  // is untrusted and may list many entries), and the order is total, so stability is moot.
  std::vector<std::size_t> order(entries.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  const auto earlier = [&entries](std::size_t a, std::size_t b) {
    return entries[a].expires_at < entries[b].expires_at || (entries[a].expires_at == entries[b].expires_at && a < b);
  };
  std::make_heap(order.begin(), order.end(), earlier);
  std::sort_heap(order.begin(), order.end(), earlier);
  TokenCache merged;
  for (std::size_t i : order) merged.put(std::move(entries[i]));
  return merged;
}

namespace {

std::set<std::string> manifest_set(std::string_view text) {
  std::set<std::string> keys;
  auto doc = parse_json(text);
  if (!doc || !doc.value().is_object()) return keys;
  const Json& root = doc.value();
  auto version = root.find("version");
  auto listed = root.find("keys");
  if (version == root.end() || *version != kTokenCacheFormatVersion || listed == root.end() || !listed->is_array()) {
    return keys;
  }
  for (const Json& key : *listed) {
    if (key.is_string()) keys.insert(key.get<std::string>());
  }
  return keys;
}

}  // namespace

std::vector<std::string> read_token_manifest(std::string_view text) {
  const std::set<std::string> keys = manifest_set(text);
  return {keys.begin(), keys.end()};
}

std::string update_token_manifest(std::string_view text, const std::vector<std::string>& add,
                                  const std::vector<std::string>& remove) {
  std::set<std::string> keys = manifest_set(text);
  keys.insert(add.begin(), add.end());
  Json listed = Json::array();
  for (const std::string& key : keys) {
    // Left out rather than erased from the set: the set's erase is code the wasm need not hold.
    if (std::find(remove.begin(), remove.end(), key) == remove.end()) listed.push_back(key);
  }
  Json manifest = Json::object();
  manifest["keys"] = std::move(listed);
  manifest["version"] = kTokenCacheFormatVersion;
  return dump_json(manifest);
}

}  // namespace metalock
