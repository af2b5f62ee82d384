// checkCustomClaim: custom_claims.hpp.
#include "envelope.hpp"
#include "metalock/custom_claims.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

// -> {namespaced, inAuth0ApiAccessToken} or the error of check_custom_claim.
std::string check(TextAddress name_at, std::size_t name_size) {
  const std::string name = adopt_text(name_at, name_size);
  if (auto status = check_custom_claim(name); !status) return error_envelope(status.error());
  return ok_envelope(json_object({{"namespaced", is_namespaced_claim(name)},
                      {"inAuth0ApiAccessToken", custom_claim_allowed_in_access_token(name, true)}}));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_custom_claims) { emscripten::function("checkCustomClaim", metalock::wasm::returns_text<&metalock::wasm::check>); }
