// validateMultifactorDeletion and deleteMultifactorRequest: multifactor.hpp, requests.hpp.
#include "envelope.hpp"
#include "metalock/multifactor.hpp"
#include "request_envelope.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

// options: {scope?}
std::string validate(TextAddress provider_at, std::size_t provider_size, TextAddress options_at,
                     std::size_t options_size) {
  const std::string provider = adopt_text(provider_at, provider_size);
  auto use = [&provider](const Json& options) {
    return envelope(validate_multifactor_deletion(provider, optional_string_option(options, "scope")));
  };
  return with_json(use, adopt_json(options_at, options_size));
}

std::string delete_request(TextAddress base_at, std::size_t base_size, TextAddress user_at, std::size_t user_size,
                           TextAddress provider_at, std::size_t provider_size, TextAddress token_at,
                           std::size_t token_size) {
  const std::string base = adopt_text(base_at, base_size);
  const std::string user_id = adopt_text(user_at, user_size);
  const std::string provider = adopt_text(provider_at, provider_size);
  return request_envelope(delete_multifactor_request(base, user_id, provider, adopt_text(token_at, token_size)));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_multifactor) {
  emscripten::function("validateMultifactorDeletion", metalock::wasm::returns_text<&metalock::wasm::validate>);
  emscripten::function("deleteMultifactorRequest", metalock::wasm::returns_text<&metalock::wasm::delete_request>);
}
