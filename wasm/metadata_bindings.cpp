// merge / diff / validatePatch: metadata.hpp over JSON text.
#include "envelope.hpp"
#include "metalock/metadata.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

std::string merge(TextAddress user_at, std::size_t user_size, TextAddress patch_at, std::size_t patch_size) {
  const std::string user_text = adopt_text(user_at, user_size);
  const std::string patch_text = adopt_text(patch_at, patch_size);
  auto user = parse_argument(user_text);
  if (!user) return error_envelope(user.error());
  auto patch = parse_argument(patch_text);
  if (!patch) return error_envelope(patch.error());
  return envelope(merge_metadata(user.value(), patch.value()));
}

std::string diff(TextAddress before_at, std::size_t before_size, TextAddress after_at, std::size_t after_size) {
  const std::string before_text = adopt_text(before_at, before_size);
  const std::string after_text = adopt_text(after_at, after_size);
  auto before = parse_argument(before_text);
  if (!before) return error_envelope(before.error());
  auto after = parse_argument(after_text);
  if (!after) return error_envelope(after.error());
  return envelope(diff_metadata(before.value(), after.value()));
}

// options: {scope?, subject?, userId?, allowClear?}
std::string validate(TextAddress patch_at, std::size_t patch_size, TextAddress options_at, std::size_t options_size) {
  const std::string patch_text = adopt_text(patch_at, patch_size);
  const std::string options_text = adopt_text(options_at, options_size);
  auto patch = parse_argument(patch_text);
  if (!patch) return error_envelope(patch.error());
  auto options = parse_argument(options_text);
  if (!options) return error_envelope(options.error());
  PatchPolicy policy;
  policy.scope = optional_string_option(options.value(), "scope");
  policy.subject = optional_string_option(options.value(), "subject");
  policy.user_id = optional_string_option(options.value(), "userId");
  policy.allow_clear = bool_option(options.value(), "allowClear");
  auto status = validate_patch(patch.value(), policy);
  return status ? ok_envelope(true) : error_envelope(status.error());
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_metadata) {
  emscripten::function("merge", &metalock::wasm::merge);
  emscripten::function("diff", &metalock::wasm::diff);
  emscripten::function("validatePatch", &metalock::wasm::validate);
}
