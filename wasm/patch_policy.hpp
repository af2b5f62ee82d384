// A PatchPolicy from the options object validatePatch and patchUserRequest take:
// {scope?, subject?, userId?, allowClear?, storedUserMetadata?}.
#pragma once

#include "envelope.hpp"
#include "metalock/metadata.hpp"

namespace metalock::wasm {

inline PatchPolicy patch_policy(const Json& options) {
  PatchPolicy policy;
  policy.scope = optional_string_option(options, "scope");
  policy.subject = optional_string_option(options, "subject");
  policy.user_id = optional_string_option(options, "userId");
  policy.allow_clear = bool_option(options, "allowClear");
  if (!options.is_object()) return policy;
  if (auto it = options.find("storedUserMetadata"); it != options.end() && it->is_object()) {
    policy.stored_user_metadata = *it;
  }
  return policy;
}

}  // namespace metalock::wasm
