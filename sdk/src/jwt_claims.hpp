// The per-claim checks of a JWT, private to the core. verify_id_token_claims and
// verify_access_token_claims both run these; each check exists once, so an ID token and an
// access token are held to the same iss/aud/time semantics (leeway, boundaries, types).
#pragma once

#include "metalock/jwt.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace metalock::jwt_claims {

// What the token is called in error descriptions: "ID token", "access token", "JWT".
struct TokenKind {
  const char* name;
};
inline constexpr TokenKind kIdToken{"ID token"};
inline constexpr TokenKind kAccessToken{"access token"};
inline constexpr TokenKind kAnyJwt{"JWT"};

// decode_jwt, its errors naming `kind`. invalid_token, also for an empty token.
Result<DecodedJwt> decode(std::string_view token, TokenKind kind);

// iss: a string equal to `expected`. invalid_issuer.
Status check_issuer(const Json& payload, const std::string& expected, TokenKind kind);

// aud: `expected`, or a non-empty array holding it. invalid_audience.
Status check_audience(const Json& payload, const std::string& expected, TokenKind kind);

// With several audiences, azp must be `expected` (OIDC Core 3.1.3.7 #4-5). invalid_azp.
Status check_authorized_party(const Json& payload, const std::string& expected, TokenKind kind);

// A negative leeway counts as 0: leeway only ever forgives clock skew, never tightens.
std::int64_t effective_leeway(std::int64_t leeway);

// exp, iat, nbf, in OIDC Core 3.1.3.7's order: exp a number (invalid_token) with now <=
// exp + leeway (token_expired); iat a number (invalid_token); nbf, when a number, with now >=
// nbf - leeway (token_not_yet_valid; a non-number nbf is ignored, as auth0-spa-js does).
Status check_time_claims(const Json& payload, std::int64_t now, std::int64_t leeway, TokenKind kind);

// Helpers for checks that only one kind of token has (nonce, auth_time).
const Json* claim(const Json& payload, const char* name);
std::string quoted(const Json* value);

}  // namespace metalock::jwt_claims
