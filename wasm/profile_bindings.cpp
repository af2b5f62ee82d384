// normalizeProfile: profile.hpp over the raw /userinfo text (JS stringifies objects).
#include "envelope.hpp"
#include "metalock/profile.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

// options: {userMetadataClaim?, appMetadataClaim?}
std::string normalize(TextAddress userinfo_at, std::size_t userinfo_size, TextAddress options_at,
                      std::size_t options_size) {
  const std::string userinfo_text = adopt_text(userinfo_at, userinfo_size);
  auto options = adopt_json(options_at, options_size);
  if (!options) return error_envelope(options.error());
  ProfileOptions profile_options;
  profile_options.user_metadata_claim = string_option(options.value(), "userMetadataClaim");
  profile_options.app_metadata_claim = string_option(options.value(), "appMetadataClaim");
  return envelope(normalize_profile(std::string_view(userinfo_text), profile_options));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_profile) {
  emscripten::function("normalizeProfile", metalock::wasm::returns_text<&metalock::wasm::normalize>);
}
