// JWT decoding, and the claim checks of ID tokens and of bearer access tokens (the
// signature is the caller's concern: the transport's, or the resource server's).
#pragma once

#include "metalock/error.hpp"
#include "metalock/json.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace metalock {

std::string base64url_encode(std::string_view bytes);
// Errors: invalid_token (bad alphabet or length).
Result<std::string> base64url_decode(std::string_view text);

struct DecodedJwt {
  Json header;
  Json payload;
  std::string signing_input;   // "header.payload", what the signature covers
  std::string signature;       // raw bytes
};

// Errors: invalid_token (empty, not three parts, an empty part, bad base64url, header/payload
// not JSON objects or over the JSON limits).
Result<DecodedJwt> decode_jwt(std::string_view token);

struct IdTokenExpectations {
  std::string issuer;                  // e.g. "https://tenant.auth0.com/"
  std::string audience;                // the client id
  std::optional<std::string> nonce;
  std::int64_t now = 0;                // epoch seconds
  std::int64_t leeway = 60;
  std::optional<std::int64_t> max_age;
};

// The header first: alg must be "RS256" and kid a non-empty string (invalid_token, field "alg"
// or "kid"); the signature itself is the caller's to verify against the issuer's JWKS.
// Then the checks of OIDC Core 3.1.3.7 as Auth0's SDKs apply them, in this order: iss, sub, aud,
// azp (when aud has several values), exp, iat, nbf, nonce, auth_time (only with max_age); every
// time with leeway (a negative leeway counts as 0; times compare in doubles, so a huge leeway
// forgives that much and never wraps). Returns the claims.
// Errors: invalid_token, invalid_issuer, invalid_audience, invalid_azp, token_expired,
// token_not_yet_valid, invalid_nonce, auth_time_too_old.
Result<Json> verify_id_token_claims(std::string_view token, const IdTokenExpectations& expect);

// Auth0's own resource-server SDK (express-oauth2-jwt-bearer) tolerates 5 s of clock skew by
// default; an API on another machine than its issuer needs some. An issuer checking its own
// tokens on its own clock (the local tenant) may pass 0.
inline constexpr std::int64_t kDefaultAccessTokenLeewaySeconds = 5;

struct AccessTokenExpectations {
  std::string issuer;     // e.g. "https://tenant.auth0.com/"; required
  std::string audience;   // the API's identifier, e.g. "https://tenant.auth0.com/api/v2/"; required
  std::int64_t now = 0;   // epoch seconds
  std::int64_t leeway = kDefaultAccessTokenLeewaySeconds;
};

// The claims a resource server checks on a bearer access token whose signature it verified,
// in this order: iss equal to `issuer`; aud equal to `audience` or an array holding it (no azp
// rule: access tokens routinely carry several audiences); exp, iat, nbf exactly as
// verify_id_token_claims checks them (the same code): exp a number, valid while now <= exp +
// leeway; iat a number; nbf, when a number, reached once now >= nbf - leeway. Returns the
// claims (scope, sub, ... are the caller's to interpret).
// Errors: invalid_argument (issuer or audience expectation empty; field = "issuer" /
// "audience"), invalid_token (empty or undecodable token, exp or iat missing or not a number),
// invalid_issuer, invalid_audience, token_expired, token_not_yet_valid.
Result<Json> verify_access_token_claims(std::string_view token, const AccessTokenExpectations& expect);

}  // namespace metalock
