// The token cache, stateless over its stored form: one stored text per entry, each under its
// own key (token_cache_key), plus a manifest listing those keys. JS reads the texts and
// passes them in as a JSON array of strings; put returns the text and key to store. A
// corrupt, foreign or other-version text reads as empty (token_cache.hpp).
#include "envelope.hpp"
#include "metalock/token_cache.hpp"

#include <emscripten/bind.h>

#include <string>
#include <vector>

namespace metalock::wasm {
namespace {

// ["stored text" | null, ...] -> the cache of every usable entry.
TokenCache load(const Json& stored) {
  std::vector<std::string> texts;
  if (stored.is_array()) {
    for (const Json& text : stored) {
      if (text.is_string()) texts.push_back(text.get<std::string>());
    }
  }
  return TokenCache::from_stored(texts);
}

// key: {clientId, audience?, scope?}
TokenKey key_from(const Json& key) {
  return {string_option(key, "clientId"), string_option(key, "audience"), string_option(key, "scope")};
}

// An entry's text members under their JS names (js/types TokenEntry): one table walked, not
// seven members spelled out.
constexpr std::pair<const char*, std::string TokenEntry::*> kEntryTexts[] = {
    {"clientId", &TokenEntry::client_id},      {"audience", &TokenEntry::audience},
    {"scope", &TokenEntry::scope},             {"accessToken", &TokenEntry::access_token},
    {"idToken", &TokenEntry::id_token},        {"refreshToken", &TokenEntry::refresh_token},
    {"tokenType", &TokenEntry::token_type}};

Json entry_json(const TokenEntry& e) {
  Json out = Json::object();
  for (const auto& [name, member] : kEntryTexts) out[name] = e.*member;
  out["expiresAt"] = e.expires_at;
  out["idTokenClaims"] = e.id_token_claims;
  out["storageKey"] = token_cache_key({e.client_id, e.audience, e.scope});
  return out;
}

std::vector<std::string> string_list(const Json& options, const char* name) {
  std::vector<std::string> out;
  auto it = options.is_object() ? options.find(name) : options.end();
  if (it == options.end() || !it->is_array()) return out;
  for (const Json& item : *it) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

// options: {now, leeway?}
std::string get(TextAddress stored_at, std::size_t stored_size, TextAddress key_at, std::size_t key_size,
                TextAddress options_at, std::size_t options_size) {
  auto use = [](const Json& stored, const Json& key, const Json& options) {
    const auto found = load(stored).get(key_from(key), integer_option(options, "now").value_or(0),
                                        integer_option(options, "leeway").value_or(kDefaultLeewaySeconds));
    return ok_envelope(found ? entry_json(*found) : Json());
  };
  return with_json(use, adopt_json(stored_at, stored_size), adopt_json(key_at, key_size),
                   adopt_json(options_at, options_size));
}

// options: {now} -> {storageKey, serialized, entry}
std::string put(TextAddress body_at, std::size_t body_size, TextAddress key_at, std::size_t key_size,
                TextAddress options_at, std::size_t options_size) {
  auto use = [](const Json& body, const Json& key, const Json& options) {
    auto entry = token_entry_from_response(body, key_from(key), integer_option(options, "now").value_or(0));
    if (!entry) return error_envelope(entry.error());
    TokenCache cache;
    cache.put(entry.value());
    Json stored = entry_json(entry.value());
    return ok_envelope(json_object({{"storageKey", stored["storageKey"]}, {"serialized", cache.serialize()}, {"entry", stored}}));
  };
  return with_json(use, adopt_json(body_at, body_size), adopt_json(key_at, key_size),
                   adopt_json(options_at, options_size));
}

std::string refresh_token(TextAddress stored_at, std::size_t stored_size, TextAddress key_at, std::size_t key_size) {
  auto use = [](const Json& stored, const Json& key) {
    const auto token = load(stored).refresh_token(key_from(key));
    return ok_envelope(token ? Json(*token) : Json());
  };
  return with_json(use, adopt_json(stored_at, stored_size), adopt_json(key_at, key_size));
}

// change: {add?: [keys], remove?: [keys]} -> {keys, serialized}: the manifest after the change.
std::string manifest(TextAddress text_at, std::size_t text_size, TextAddress change_at, std::size_t change_size) {
  const std::string text = adopt_text(text_at, text_size);
  auto use = [&text](const Json& change) {
    const std::string serialized =
        update_token_manifest(text, string_list(change, "add"), string_list(change, "remove"));
    Json keys = Json::array();
    for (const std::string& key : read_token_manifest(serialized)) keys.push_back(key);
    return ok_envelope(json_object({{"keys", std::move(keys)}, {"serialized", serialized}}));
  };
  return with_json(use, adopt_json(change_at, change_size));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_token_cache) {
  emscripten::function("cacheGet", metalock::wasm::returns_text<&metalock::wasm::get>);
  emscripten::function("cachePut", metalock::wasm::returns_text<&metalock::wasm::put>);
  emscripten::function("cacheRefreshToken", metalock::wasm::returns_text<&metalock::wasm::refresh_token>);
  emscripten::function("cacheManifest", metalock::wasm::returns_text<&metalock::wasm::manifest>);
}
