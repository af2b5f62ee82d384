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
  if (const Json* stored = option(options, "storedUserMetadata"); stored && stored->is_object()) {
    policy.stored_user_metadata = *stored;
  }
  return policy;
}

}  // namespace metalock::wasm
