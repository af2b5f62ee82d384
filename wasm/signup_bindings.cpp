// mapSignup / validateSignupBody: signup.hpp over JSON text. For mapSignup JS has already run
// validators and resolved prefills.
#include "envelope.hpp"
#include "metalock/signup.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

std::string map_signup(TextAddress fields_at, std::size_t fields_size, TextAddress values_at,
                       std::size_t values_size, TextAddress base_at, std::size_t base_size) {
  return with_json([](const Json& fields, const Json& values,
                      const Json& base) { return envelope(map_signup_fields(fields, values, base)); },
                   adopt_json(fields_at, fields_size), adopt_json(values_at, values_size),
                   adopt_json(base_at, base_size));
}

std::string validate_body(TextAddress body_at, std::size_t body_size) {
  auto body = adopt_json(body_at, body_size);
  if (!body) return error_envelope(body.error());
  auto status = validate_signup_body(body.value());
  return status ? ok_envelope(true) : error_envelope(status.error());
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_signup) {
  emscripten::function("mapSignup", metalock::wasm::returns_text<&metalock::wasm::map_signup>);
  emscripten::function("validateSignupBody", metalock::wasm::returns_text<&metalock::wasm::validate_body>);
}
