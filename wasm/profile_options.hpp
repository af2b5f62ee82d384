// A ProfileOptions from the options object normalizeProfile and profileResponse take:
// {userMetadataClaim?, appMetadataClaim?}.
#pragma once

#include "envelope.hpp"
#include "metalock/profile.hpp"

namespace metalock::wasm {

inline ProfileOptions profile_options(const Json& options) {
  ProfileOptions profile_options;
  profile_options.user_metadata_claim = string_option(options, "userMetadataClaim");
  profile_options.app_metadata_claim = string_option(options, "appMetadataClaim");
  return profile_options;
}

}  // namespace metalock::wasm
