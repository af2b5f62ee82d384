// mapSignup: signup.hpp over JSON text. JS has already run validators and resolved prefills.
#include "envelope.hpp"
#include "metalock/signup.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

std::string map_signup(const std::string& fields_text, const std::string& values_text,
                       const std::string& base_text) {
  auto fields = parse_argument(fields_text);
  if (!fields) return error_envelope(fields.error());
  auto values = parse_argument(values_text);
  if (!values) return error_envelope(values.error());
  auto base = parse_argument(base_text);
  if (!base) return error_envelope(base.error());
  return envelope(map_signup_fields(fields.value(), values.value(), base.value()));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_signup) {
  emscripten::function("mapSignup", &metalock::wasm::map_signup);
}
