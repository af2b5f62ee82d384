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

// "clientId::audience::scope", audience "default" when none.
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

 private:
  std::vector<TokenEntry> entries_;
};

// Builds an entry from a /oauth/token success body. Errors: invalid_body.
Result<TokenEntry> token_entry_from_response(const Json& body, const TokenKey& requested,
                                             std::int64_t now);

}  // namespace metalock
