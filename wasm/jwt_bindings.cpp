// decodeJwt / verifyIdTokenClaims: jwt.hpp. The signature is checked elsewhere (transport).
// verifyAccessTokenClaims (the tenant's) is in access_token_bindings.cpp.
#include "envelope.hpp"
#include "metalock/jwt.hpp"
#include "metalock/token_cache.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

std::string decode(TextAddress token_at, std::size_t token_size) {
  auto decoded = decode_jwt(adopt_text(token_at, token_size));
  if (!decoded) return error_envelope(decoded.error());
  return ok_envelope(json_object({{"header", decoded.value().header}, {"payload", decoded.value().payload}}));
}

// options: {issuer, audience, nonce?, now, leeway?, maxAge?}
std::string verify_claims(TextAddress token_at, std::size_t token_size, TextAddress options_at,
                          std::size_t options_size) {
  const std::string token = adopt_text(token_at, token_size);
  auto use = [&token](const Json& o) {
    IdTokenExpectations expect;
    expect.issuer = string_option(o, "issuer");
    expect.audience = string_option(o, "audience");
    expect.nonce = optional_string_option(o, "nonce");
    expect.now = integer_option(o, "now").value_or(0);
    expect.leeway = integer_option(o, "leeway").value_or(kDefaultLeewaySeconds);
    expect.max_age = integer_option(o, "maxAge");
    return envelope(verify_id_token_claims(token, expect));
  };
  return with_json(use, adopt_json(options_at, options_size));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_jwt) {
  emscripten::function("decodeJwt", metalock::wasm::returns_text<&metalock::wasm::decode>);
  emscripten::function("verifyIdTokenClaims", metalock::wasm::returns_text<&metalock::wasm::verify_claims>);
}
