// The token cache: keys, expiry with leeway, scope containment, a versioned stored form.
#pragma once

#include "metalock/error.hpp"
#include "metalock/json.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace metalock {

inline constexpr int kTokenCacheFormatVersion = 1;
inline constexpr std::int64_t kDefaultLeewaySeconds = 60;

struct TokenKey {
  std::string client_id;
  std::string audience;   // "default" when empty
  std::string scope;
};

// "clientId::audience::scope", audience "default" when none, the scope's words sorted and
// deduplicated (one key per SET of scopes, as put() replaces). Also the entry's storage key.
std::string token_cache_key(const TokenKey& key);

struct TokenEntry {
  std::string client_id;
  std::string audience;
  std::string scope;
  std::string access_token;
  std::string id_token;
  std::string refresh_token;
  std::string token_type = "Bearer";
  std::int64_t expires_at = 0;         // epoch seconds
  Json id_token_claims = Json::object();
};

class TokenCache {
 public:
  // expires_at = now + expires_in. Replaces the entry with the same key (client, audience
  // with "" == "default", and the same SET of scopes); the newest entry is kept last.
  void put(TokenEntry entry);

  // A live entry whose scopes contain key.scope, for the same client and audience. Live means
  // `!(expires_at - leeway < now)` as in auth0-spa-js: it still serves at now == expires_at - leeway.
  // Exact for any int64 (no overflow): a leeway past the remaining lifetime means expired, a
  // negative leeway counts as 0.
  // Exact scope set first, then the narrowest containing set (ties: the later expires_at).
  std::optional<TokenEntry> get(const TokenKey& key, std::int64_t now,
                                std::int64_t leeway = kDefaultLeewaySeconds) const;

  // A refresh token from any entry of the client and audience whose scopes contain
  // key.scope, expired or not; the most recently put one (rotation makes older ones stale).
  std::optional<std::string> refresh_token(const TokenKey& key) const;

  void remove(const TokenKey& key);
  void clear() { entries_.clear(); }
  std::size_t size() const { return entries_.size(); }
  const std::vector<TokenEntry>& entries() const { return entries_; }

  // {"version":1,"entries":[...]}: what a storage backend persists.
  std::string serialize() const;
  // Errors: invalid_storage (corrupt, foreign or other-version text). Callers treat it as empty.
  static Result<TokenCache> deserialize(std::string_view text);

  // Stored one key per entry (as auth0-spa-js's cache does), so that two tabs sharing a store
  // never overwrite each other's entries: each text is the serialized form of a cache holding
  // one entry (or, stored by an older version, several). Unusable texts count as empty. The
  // entries are kept in expires_at order, so that the latest refresh token is the last one.
  static TokenCache from_stored(const std::vector<std::string>& texts);

 private:
  std::vector<TokenEntry> entries_;
};

// The manifest of a client's stored entries: {"version":1,"keys":[storage keys]}. It lets a
// client find (and logout remove) entries a store cannot list.
// read: the keys listed, sorted and unique; an unusable text reads as none.
std::vector<std::string> read_token_manifest(std::string_view text);
// The manifest `text` with `add` listed and `remove` not (remove wins) -> its new text.
std::string update_token_manifest(std::string_view text, const std::vector<std::string>& add,
                                  const std::vector<std::string>& remove);

// Builds an entry from a /oauth/token success body. Errors: invalid_body.
Result<TokenEntry> token_entry_from_response(const Json& body, const TokenKey& requested,
                                             std::int64_t now);

}  // namespace metalock
