// /userinfo and /api/v2/users/{id} responses -> the normalized profile.
#pragma once

#include "metalock/error.hpp"
#include "metalock/json.hpp"

#include <string>
#include <string_view>

namespace metalock {

struct ProfileOptions {
  std::string user_metadata_claim;   // e.g. "https://example.com/user_metadata"
  std::string app_metadata_claim;
};

// Every claim is kept. The namespaced metadata claims (when configured and objects) are
// lifted into user_metadata / app_metadata, which are always present ({} when none).
// Errors: invalid_json (not an object).
Result<Json> normalize_profile(const Json& userinfo, const ProfileOptions& options = {});
Result<Json> normalize_profile(std::string_view text, const ProfileOptions& options = {});

}  // namespace metalock
