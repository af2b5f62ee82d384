// validateSignupBody: signup.hpp, the tenant's check of a /dbconnections/signup body (tenant
// module only, wasm/CMakeLists.txt).
#include "envelope.hpp"
#include "metalock/signup.hpp"

namespace metalock::wasm {
namespace {

std::string validate_body(TextAddress body_at, std::size_t body_size) {
  auto body = adopt_json(body_at, body_size);
  if (!body) return error_envelope(body.error());
  auto status = validate_signup_body(body.value());
  return status ? ok_envelope(true) : error_envelope(status.error());
}

}  // namespace

METALOCK_BINDING(validateSignupBody, validate_body, 2)

}  // namespace metalock::wasm
