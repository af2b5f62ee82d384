// merge / diff / validatePatch: metadata.hpp over JSON text.
#include "envelope.hpp"
#include "patch_policy.hpp"
#include "metalock/metadata.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

// The user is the caller's own record, not a body off the network, and may predate a size
// limit (a tenant's user stored past Auth0's 16 MB metadata limit must still be shrinkable):
// it is read with four times the body limit. The patch keeps the body limit.
constexpr JsonLimits kStoredUserLimits{kMaxJsonDepth, 4 * kMaxJsonBytes};

std::string merge(TextAddress user_at, std::size_t user_size, TextAddress patch_at, std::size_t patch_size) {
  // The parsed user is the binding's own: merged in place, not copied first.
  return with_json([](Json& user, const Json& patch) { return envelope(merge_metadata(std::move(user), patch)); },
                   adopt_json(user_at, user_size, kStoredUserLimits), adopt_json(patch_at, patch_size));
}

std::string diff(TextAddress before_at, std::size_t before_size, TextAddress after_at, std::size_t after_size) {
  return with_json([](const Json& before, const Json& after) { return envelope(diff_metadata(before, after)); },
                   adopt_json(before_at, before_size), adopt_json(after_at, after_size));
}

// options: patch_policy.hpp's
std::string validate(TextAddress patch_at, std::size_t patch_size, TextAddress options_at, std::size_t options_size) {
  auto use = [](const Json& patch, const Json& options) {
    return envelope(validate_patch(patch, patch_policy(options)));
  };
  return with_json(use, adopt_json(patch_at, patch_size), adopt_json(options_at, options_size));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_metadata) {
  emscripten::function("merge", metalock::wasm::returns_text<&metalock::wasm::merge>);
  emscripten::function("diff", metalock::wasm::returns_text<&metalock::wasm::diff>);
  emscripten::function("validatePatch", metalock::wasm::returns_text<&metalock::wasm::validate>);
}
