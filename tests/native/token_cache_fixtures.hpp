// Shared by the token cache tests (token_cache_test.cpp, token_cache_storage_test.cpp): a fixed
// clock, entries and keys for the demo client, and what a cache serves for a key.
#pragma once

#include "metalock/jwt.hpp"
#include "metalock/token_cache.hpp"

#include <cstdint>
#include <string>

namespace metalock::token_cache_fixtures {

constexpr std::int64_t kNow = 1700000000;
inline const std::string kMgmt = "https://tenant.auth0.com/api/v2/";

inline TokenEntry entry(const std::string& scope, const std::string& access_token, std::int64_t expires_at,
                        const std::string& audience = kMgmt, const std::string& refresh_token = "") {
  TokenEntry e;
  e.client_id = "metalock-demo";
  e.audience = audience;
  e.scope = scope;
  e.access_token = access_token;
  e.refresh_token = refresh_token;
  e.expires_at = expires_at;
  return e;
}

inline TokenKey key(const std::string& scope, const std::string& audience = kMgmt) {
  return {"metalock-demo", audience, scope};
}

inline std::string served(const TokenCache& cache, const TokenKey& k, std::int64_t now = kNow,
                          std::int64_t leeway = kDefaultLeewaySeconds) {
  auto found = cache.get(k, now, leeway);
  return found ? found->access_token : "(none)";
}

// The body Auth0 returns for a password-realm grant with offline_access.
inline Json auth0_token_body() {
  const std::string id_token =
      base64url_encode(R"({"alg":"RS256","typ":"JWT","kid":"k1"})") + "." +
      base64url_encode(R"({"iss":"https://tenant.auth0.com/","sub":"auth0|1","aud":"metalock-demo",)"
                       R"("iat":1700000000,"exp":1700036000,"email":"jane@example.com"})") +
      ".c2lnbmF0dXJl";
  return {{"access_token", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"},
          {"id_token", id_token},
          {"refresh_token", "v1.MRrtzRkGq6kzC3J9Xj"},
          {"scope", "openid profile email read:current_user update:current_user_metadata offline_access"},
          {"expires_in", 86400},
          {"token_type", "Bearer"}};
}

}  // namespace metalock::token_cache_fixtures
