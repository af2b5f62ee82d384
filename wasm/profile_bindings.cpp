// normalizeProfile / profileResponse: profile.hpp over the raw /userinfo text (JS stringifies
// objects) or over a whole response, parsed once.
#include "envelope.hpp"
#include "metalock/profile.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

// options: {userMetadataClaim?, appMetadataClaim?}
ProfileOptions profile_options(const Json& options) {
  ProfileOptions profile_options;
  profile_options.user_metadata_claim = string_option(options, "userMetadataClaim");
  profile_options.app_metadata_claim = string_option(options, "appMetadataClaim");
  return profile_options;
}

std::string normalize(TextAddress userinfo_at, std::size_t userinfo_size, TextAddress options_at,
                      std::size_t options_size) {
  const std::string userinfo_text = adopt_text(userinfo_at, userinfo_size);
  auto options = adopt_json(options_at, options_size);
  if (!options) return error_envelope(options.error());
  return envelope(normalize_profile(std::string_view(userinfo_text), profile_options(options.value())));
}

// headers: {name: value}; options as normalizeProfile's. The profile of a 2xx, else the
// response's normalized error (parseResponse's).
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
  emscripten::function("normalizeProfile", metalock::wasm::returns_text<&metalock::wasm::normalize>);
  emscripten::function("profileResponse", metalock::wasm::returns_text<&metalock::wasm::profile_response>);
}
