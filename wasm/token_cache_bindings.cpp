// The token cache, stateless over its serialized form: every call deserializes, acts and
// (when it changes anything) returns the new serialized text for JS to store. A corrupt,
// foreign or other-version text reads as an empty cache (token_cache.hpp).
#include "envelope.hpp"
#include "metalock/token_cache.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

TokenCache load(const std::string& serialized) {
  auto cache = TokenCache::deserialize(serialized);
  return cache ? std::move(cache).value() : TokenCache();
}

// key: {clientId, audience?, scope?}
TokenKey key_from(const Json& key) {
  return {string_option(key, "clientId"), string_option(key, "audience"), string_option(key, "scope")};
}

Json entry_json(const TokenEntry& e) {
  return {{"clientId", e.client_id},        {"audience", e.audience},
          {"scope", e.scope},               {"accessToken", e.access_token},
          {"idToken", e.id_token},          {"refreshToken", e.refresh_token},
          {"tokenType", e.token_type},      {"expiresAt", e.expires_at},
          {"idTokenClaims", e.id_token_claims}};
}

// options: {now, leeway?}
std::string get(TextAddress serialized_at, std::size_t serialized_size, TextAddress key_at, std::size_t key_size,
                TextAddress options_at, std::size_t options_size) {
  const std::string serialized = adopt_text(serialized_at, serialized_size);
  auto use = [&serialized](const Json& key, const Json& options) {
    const auto found = load(serialized).get(key_from(key), integer_option(options, "now").value_or(0),
                                            integer_option(options, "leeway").value_or(kDefaultLeewaySeconds));
    return ok_envelope(found ? entry_json(*found) : Json());
  };
  return with_json(use, adopt_json(key_at, key_size), adopt_json(options_at, options_size));
}

// options: {now} -> {serialized, entry}
std::string put(TextAddress serialized_at, std::size_t serialized_size, TextAddress body_at, std::size_t body_size,
                TextAddress key_at, std::size_t key_size, TextAddress options_at, std::size_t options_size) {
  const std::string serialized = adopt_text(serialized_at, serialized_size);
  auto use = [&serialized](const Json& body, const Json& key, const Json& options) {
    auto entry = token_entry_from_response(body, key_from(key), integer_option(options, "now").value_or(0));
    if (!entry) return error_envelope(entry.error());
    TokenCache cache = load(serialized);
    cache.put(entry.value());
    return ok_envelope({{"serialized", cache.serialize()}, {"entry", entry_json(entry.value())}});
  };
  return with_json(use, adopt_json(body_at, body_size), adopt_json(key_at, key_size),
                   adopt_json(options_at, options_size));
}

std::string refresh_token(TextAddress serialized_at, std::size_t serialized_size, TextAddress key_at,
                          std::size_t key_size) {
  const std::string serialized = adopt_text(serialized_at, serialized_size);
  auto key = adopt_json(key_at, key_size);
  if (!key) return error_envelope(key.error());
  const auto token = load(serialized).refresh_token(key_from(key.value()));
  return ok_envelope(token ? Json(*token) : Json());
}

std::string remove(TextAddress serialized_at, std::size_t serialized_size, TextAddress key_at, std::size_t key_size) {
  const std::string serialized = adopt_text(serialized_at, serialized_size);
  auto key = adopt_json(key_at, key_size);
  if (!key) return error_envelope(key.error());
  TokenCache cache = load(serialized);
  cache.remove(key_from(key.value()));
  return ok_envelope(cache.serialize());
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_token_cache) {
  emscripten::function("cacheGet", &metalock::wasm::get);
  emscripten::function("cachePut", &metalock::wasm::put);
  emscripten::function("cacheRefreshToken", &metalock::wasm::refresh_token);
  emscripten::function("cacheRemove", &metalock::wasm::remove);
}
