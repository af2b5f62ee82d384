// verifyAccessTokenClaims: jwt.hpp, for the tenant's Management API (tenant module only,
// wasm/CMakeLists.txt). The signature is checked elsewhere (tenant/auth.js).
#include "envelope.hpp"
#include "metalock/jwt.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

// options: {issuer, audience, now, leeway?}
std::string verify_access_claims(TextAddress token_at, std::size_t token_size, TextAddress options_at,
                                 std::size_t options_size) {
  const std::string token = adopt_text(token_at, token_size);
  auto use = [&token](const Json& o) {
    AccessTokenExpectations expect;
    expect.issuer = string_option(o, "issuer");
    expect.audience = string_option(o, "audience");
    expect.now = integer_option(o, "now").value_or(0);
    expect.leeway = integer_option(o, "leeway").value_or(kDefaultAccessTokenLeewaySeconds);
    return envelope(verify_access_token_claims(token, expect));
  };
  return with_json(use, adopt_json(options_at, options_size));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_access_token) {
  emscripten::function("verifyAccessTokenClaims", metalock::wasm::returns_text<&metalock::wasm::verify_access_claims>);
}
