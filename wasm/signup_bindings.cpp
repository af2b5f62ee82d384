// mapSignup: signup.hpp over JSON text. JS has already run validators and resolved prefills.
// validateSignupBody (the tenant's) is in signup_body_bindings.cpp.
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

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_signup) {
  emscripten::function("mapSignup", metalock::wasm::returns_text<&metalock::wasm::map_signup>);
}
