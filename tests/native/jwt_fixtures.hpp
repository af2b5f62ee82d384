// Tokens for the claim-check tests (jwt_test.cpp, access_token_test.cpp): an RS256-shaped JWT
// over any payload, and claim sets with one claim changed or removed.
#pragma once

#include "metalock/jwt.hpp"

#include <string>
#include <utility>

namespace metalock::jwt_fixtures {

// The core never checks signatures, so any signature bytes do.
inline std::string make_jwt(const Json& payload,
                            const Json& header = {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", "k1"}}) {
  return base64url_encode(header.dump()) + "." + base64url_encode(payload.dump()) + "." +
         base64url_encode(std::string(256, '\x5a'));
}

inline Json without(Json claims, const char* name) {
  claims.erase(name);
  return claims;
}

inline Json with(Json claims, const char* name, Json value) {
  claims[name] = std::move(value);
  return claims;
}

}  // namespace metalock::jwt_fixtures
