// mapSignup / validateSignupBody: signup.hpp over JSON text. For mapSignup JS has already run
// validators and resolved prefills.
#include "envelope.hpp"
#include "metalock/signup.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

std::string map_signup(TextAddress fields_at, std::size_t fields_size, TextAddress values_at,
                       std::size_t values_size, TextAddress base_at, std::size_t base_size) {
  const std::string fields_text = adopt_text(fields_at, fields_size);
  const std::string values_text = adopt_text(values_at, values_size);
  const std::string base_text = adopt_text(base_at, base_size);
  auto fields = parse_argument(fields_text);
  if (!fields) return error_envelope(fields.error());
  auto values = parse_argument(values_text);
  if (!values) return error_envelope(values.error());
  auto base = parse_argument(base_text);
  if (!base) return error_envelope(base.error());
  return envelope(map_signup_fields(fields.value(), values.value(), base.value()));
}

std::string validate_body(TextAddress body_at, std::size_t body_size) {
  auto body = parse_argument(adopt_text(body_at, body_size));
  if (!body) return error_envelope(body.error());
  auto status = validate_signup_body(body.value());
  return status ? ok_envelope(true) : error_envelope(status.error());
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_signup) {
  emscripten::function("mapSignup", &metalock::wasm::map_signup);
  emscripten::function("validateSignupBody", &metalock::wasm::validate_body);
}
