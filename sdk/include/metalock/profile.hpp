// /userinfo and /api/v2/users/{id} responses -> the normalized profile.
#pragma once

#include "metalock/error.hpp"
#include "metalock/json.hpp"
#include "metalock/responses.hpp"

#include <string>
#include <string_view>

namespace metalock {

struct ProfileOptions {
  std::string user_metadata_claim;   // e.g. "https://example.com/user_metadata"; "" detects
  std::string app_metadata_claim;
};

// Every claim is kept. The namespaced metadata claims (when objects) are lifted into
// user_metadata / app_metadata, which are always present ({} when none). Which claim: the
// configured name when one is given (even if that claim is absent); else, detected, the one
// claim named by an http(s) URL with a host whose last path segment is exactly
// `user_metadata` (resp. `app_metadata`), when exactly one claim qualifies.
// A claim that is not an object is not lifted: an object `user_metadata` already in the
// response (the /api/v2/users shape) is kept, else {}. Text goes through parse_json.
// Errors: invalid_json (not an object, or not JSON), too_deep, payload_too_large.
Result<Json> normalize_profile(const Json& userinfo, const ProfileOptions& options = {});
// The same for a document the caller hands over: normalized in place, not copied.
Result<Json> normalize_profile(Json&& userinfo, const ProfileOptions& options = {});
Result<Json> normalize_profile(std::string_view text, const ProfileOptions& options = {});
// Text overloads too: a std::string or literal converts to both Json and string_view.
Result<Json> normalize_profile(const std::string& text, const ProfileOptions& options = {});
Result<Json> normalize_profile(const char* text, const ProfileOptions& options = {});

// A whole response (GET /userinfo, GET or PATCH /api/v2/users/{id}) -> the profile, parsed once:
// parse_http_response (a non-2xx is its normalized error), then normalize_profile.
Result<Json> profile_from_response(const HttpResponse& response, const ProfileOptions& options = {});

}  // namespace metalock
