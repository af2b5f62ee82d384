// JWT decoding and ID-token claim checks (the signature is the transport's concern).
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

// Errors: invalid_token (not three parts, bad base64url, header/payload not JSON objects).
Result<DecodedJwt> decode_jwt(std::string_view token);

struct IdTokenExpectations {
  std::string issuer;                  // e.g. "https://tenant.auth0.com/"
  std::string audience;                // the client id
  std::optional<std::string> nonce;
  std::int64_t now = 0;                // epoch seconds
  std::int64_t leeway = 60;
  std::optional<std::int64_t> max_age;
};

// The checks of OIDC Core 3.1.3.7 as Auth0's SDKs apply them, in this order: iss, sub, aud,
// azp (when aud has several values), exp, iat, nbf, nonce, auth_time (only with max_age); every
// time with leeway. Returns the claims.
// Errors: invalid_token, invalid_issuer, invalid_audience, invalid_azp, token_expired,
// token_not_yet_valid, invalid_nonce, auth_time_too_old.
Result<Json> verify_id_token_claims(std::string_view token, const IdTokenExpectations& expect);

}  // namespace metalock
