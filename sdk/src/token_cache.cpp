// The token cache: which stored entry serves a request, and when an entry stops serving.
#include "metalock/token_cache.hpp"

#include "metalock/jwt.hpp"
#include "metalock/scope.hpp"

#include <algorithm>
#include <cstdint>

namespace metalock {
namespace {

const std::string& audience_or_default(const std::string& audience) {
  static const std::string kDefault = "default";
  return audience.empty() ? kDefault : audience;
}

bool same_client_and_audience(const TokenEntry& entry, const TokenKey& key) {
  return entry.client_id == key.client_id &&
         audience_or_default(entry.audience) == audience_or_default(key.audience);
}

bool same_key(const TokenEntry& entry, const TokenKey& key) {
  return same_client_and_audience(entry, key) && scope_words(entry.scope) == scope_words(key.scope);
}

// Stored and caller-given times are untrusted: clamp instead of overflowing.
std::int64_t saturating_add(std::int64_t a, std::int64_t b) {
  std::int64_t out = 0;
  if (!__builtin_add_overflow(a, b, &out)) return out;
  return b > 0 ? INT64_MAX : INT64_MIN;
}

// Mirrors auth0-spa-js's CacheManager: an entry is expired once `expiresAt - leeway < now`,
// so it still serves at exactly now == expires_at - leeway. Computed as "remaining lifetime
// >= leeway" in unsigned arithmetic, exact for any int64 inputs: no leeway, however large,
// can wrap into "live forever", and a negative leeway counts as 0 (it never extends a life).
bool is_live(const TokenEntry& entry, std::int64_t now, std::int64_t leeway) {
  if (entry.expires_at < now) return false;
  const std::uint64_t remaining = static_cast<std::uint64_t>(entry.expires_at) - static_cast<std::uint64_t>(now);
  return remaining >= static_cast<std::uint64_t>(std::max<std::int64_t>(leeway, 0));
}

// Far beyond any real lifetime; keeps now + expires_in inside int64.
constexpr double kMaxExpiresIn = 1e12;

Error invalid_body(const std::string& description) {
  return Error::make(code::invalid_body, description);
}

// An optional string member: absent or null leave `out` untouched; another type is refused.
Status optional_string(const Json& body, const char* name, std::string& out) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return ok_status();
  if (!it->is_string()) return invalid_body(std::string("Token response field '") + name + "' is not a string");
  out = it->get<std::string>();
  return ok_status();
}

}  // namespace

std::string token_cache_key(const TokenKey& key) {
  std::string scope;
  for (const std::string& word : scope_words(key.scope)) scope += (scope.empty() ? "" : " ") + word;
  return key.client_id + "::" + audience_or_default(key.audience) + "::" + scope;
}

void TokenCache::put(TokenEntry entry) {
  const TokenKey key{entry.client_id, entry.audience, entry.scope};
  remove(key);
  // Newest last: refresh_token() relies on this order to hand out the latest (rotated) token.
  entries_.push_back(std::move(entry));
}

std::optional<TokenEntry> TokenCache::get(const TokenKey& key, std::int64_t now, std::int64_t leeway) const {
  const ScopeWords wanted = scope_words(key.scope);
  const TokenEntry* best = nullptr;
  std::size_t best_size = 0;
  for (const TokenEntry& entry : entries_) {
    if (!same_client_and_audience(entry, key) || !is_live(entry, now, leeway)) continue;
    const ScopeWords granted = scope_words(entry.scope);
    if (!scope_contains(granted, wanted)) continue;
    // The exact set has the fewest scopes of all containing sets, so "narrowest" covers it;
    // among equally narrow entries the one that lives longest wins.
    if (!best || granted.size() < best_size ||
        (granted.size() == best_size && entry.expires_at > best->expires_at)) {
      best = &entry;
      best_size = granted.size();
    }
  }
  if (!best) return std::nullopt;
  return *best;
}

std::optional<std::string> TokenCache::refresh_token(const TokenKey& key) const {
  const ScopeWords wanted = scope_words(key.scope);
  for (auto it = entries_.rbegin(); it != entries_.rend(); ++it) {
    if (it->refresh_token.empty() || !same_client_and_audience(*it, key)) continue;
    if (scope_contains(scope_words(it->scope), wanted)) return it->refresh_token;
  }
  return std::nullopt;
}

void TokenCache::remove(const TokenKey& key) {
  entries_.erase(std::remove_if(entries_.begin(), entries_.end(),
                                [&](const TokenEntry& entry) { return same_key(entry, key); }),
                 entries_.end());
}

Result<TokenEntry> token_entry_from_response(const Json& body, const TokenKey& requested, std::int64_t now) {
  if (!body.is_object()) return invalid_body("Token response is not a JSON object");
  auto access_token = body.find("access_token");
  if (access_token == body.end() || !access_token->is_string() || access_token->get_ref<const std::string&>().empty()) {
    return invalid_body("Token response has no access_token string");
  }
  auto expires_in = body.find("expires_in");
  if (expires_in == body.end() || !expires_in->is_number() || !(expires_in->get<double>() > 0)) {
    return invalid_body("Token response has no positive expires_in number");
  }

  TokenEntry entry;
  entry.client_id = requested.client_id;
  entry.audience = requested.audience;
  entry.scope = requested.scope;
  entry.access_token = access_token->get<std::string>();
  const double lifetime = std::min(expires_in->get<double>(), kMaxExpiresIn);
  entry.expires_at = saturating_add(now, static_cast<std::int64_t>(lifetime));

  std::string granted_scope;
  for (auto [name, field] : {std::pair{"id_token", &entry.id_token}, std::pair{"refresh_token", &entry.refresh_token},
                             std::pair{"token_type", &entry.token_type}, std::pair{"scope", &granted_scope}}) {
    if (auto status = optional_string(body, name, *field); !status) return status.error();
  }
  // The server may grant other scopes than asked for; the entry must not claim more than granted.
  if (!granted_scope.empty()) entry.scope = granted_scope;
  if (!entry.id_token.empty()) {
    if (auto decoded = decode_jwt(entry.id_token)) entry.id_token_claims = std::move(decoded).value().payload;
  }
  return entry;
}

}  // namespace metalock
