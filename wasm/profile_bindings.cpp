// profileResponse: profile.hpp over a whole /userinfo response, parsed once. (normalizeProfile,
// over a body alone, is the tenant module's: normalize_profile_bindings.cpp.)
#include "envelope.hpp"
#include "profile_options.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

// headers: {name: value}; options as profile_options.hpp reads them. The profile of a 2xx,
// else the response's normalized error (parseResponse's).
std::string profile_response(int status, TextAddress headers_at, std::size_t headers_size, TextAddress body_at,
                             std::size_t body_size, TextAddress options_at, std::size_t options_size) {
  std::string body = adopt_text(body_at, body_size);
  auto use = [&](const Json& headers, const Json& options) {
    return envelope(profile_from_response({status, header_pairs(headers), std::move(body)}, profile_options(options)));
  };
  return with_json(use, adopt_json(headers_at, headers_size), adopt_json(options_at, options_size));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_profile) {
  emscripten::function("profileResponse", metalock::wasm::returns_text<&metalock::wasm::profile_response>);
}
