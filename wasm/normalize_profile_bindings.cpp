// normalizeProfile: profile.hpp over a /userinfo body alone (JS stringifies objects). The
// tenant's module only: pages run profileResponse, which parses the whole response once.
#include "envelope.hpp"
#include "profile_options.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

std::string normalize(TextAddress userinfo_at, std::size_t userinfo_size, TextAddress options_at,
                      std::size_t options_size) {
  const std::string userinfo_text = adopt_text(userinfo_at, userinfo_size);
  auto use = [&](const Json& options) {
    return envelope(normalize_profile(std::string_view(userinfo_text), profile_options(options)));
  };
  return with_json(use, adopt_json(options_at, options_size));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_normalize_profile) {
  emscripten::function("normalizeProfile", metalock::wasm::returns_text<&metalock::wasm::normalize>);
}
