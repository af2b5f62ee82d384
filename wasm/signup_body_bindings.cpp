// validateSignupBody: signup.hpp, the tenant's check of a /dbconnections/signup body (tenant
// module only, wasm/CMakeLists.txt).
#include "envelope.hpp"
#include "metalock/signup.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

std::string validate_body(TextAddress body_at, std::size_t body_size) {
  auto body = adopt_json(body_at, body_size);
  if (!body) return error_envelope(body.error());
  return envelope(validate_signup_body(body.value()));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_signup_body) {
  emscripten::function("validateSignupBody", metalock::wasm::returns_text<&metalock::wasm::validate_body>);
}
