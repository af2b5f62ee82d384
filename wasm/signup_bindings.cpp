// mapSignup: signup.hpp over JSON text. JS has already run validators and resolved prefills.
// validateSignupBody (the tenant's) is in signup_body_bindings.cpp.
#include "envelope.hpp"
#include "metalock/signup.hpp"

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

METALOCK_BINDING(mapSignup, map_signup, 6)

}  // namespace metalock::wasm
