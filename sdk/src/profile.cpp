// /userinfo and /api/v2/users/{id} responses -> one profile shape for apps.
#include "metalock/profile.hpp"

#include <optional>
#include <string_view>
#include <utility>

namespace metalock {
namespace {

// An Auth0 namespaced claim: an http(s) URL with a host and a path, no query or fragment,
// whose last path segment is `segment` (https://example.com/user_metadata).
bool is_namespaced_claim_for(std::string_view name, std::string_view segment) {
  std::size_t scheme_end = 0;
  if (name.substr(0, 8) == "https://") scheme_end = 8;
  else if (name.substr(0, 7) == "http://") scheme_end = 7;
  else return false;
  if (name.find_first_of("?#") != std::string_view::npos) return false;
  const auto path_start = name.find('/', scheme_end);
  if (path_start == std::string_view::npos || path_start == scheme_end) return false;  // no host or no path
  const auto last_slash = name.rfind('/');
  return name.substr(last_slash + 1) == segment;
}

// Without a configured claim name: the one namespaced claim for `key`, when exactly one
// claim qualifies (two would be a guess), else none.
std::string detected_claim(const Json& response, const char* key) {
  std::string found;
  for (auto it = response.begin(); it != response.end(); ++it) {
    if (!is_namespaced_claim_for(it.key(), key)) continue;
    if (!found.empty()) return {};
    found = it.key();
  }
  return found;
}

// /userinfo carries metadata only as a namespaced claim added by an Action; the Management
// API returns it as `user_metadata` itself. The claim wins when both are there. A configured
// claim name always wins over detection, even when that claim is absent.
// -> what `key` must be set to, or nullopt when the response's own `key` object stays as it is.
std::optional<Json> lifted_metadata(const Json& response, const std::string& configured, const char* key) {
  const std::string claim = configured.empty() ? detected_claim(response, key) : configured;
  if (!claim.empty()) {
    if (auto it = response.find(claim); it != response.end() && it->is_object()) return *it;
  }
  if (auto it = response.find(key); it != response.end() && it->is_object()) return std::nullopt;
  return Json::object();
}

}  // namespace

Result<Json> normalize_profile(const Json& userinfo, const ProfileOptions& options) {
  return normalize_profile(Json(userinfo), options);   // every claim stays, the namespaced ones included
}

Result<Json> normalize_profile(Json&& userinfo, const ProfileOptions& options) {
  if (!userinfo.is_object()) return Error::make(code::invalid_json, "The profile is not a JSON object");
  // Both read the response as it came, before either is written into it.
  auto user_metadata = lifted_metadata(userinfo, options.user_metadata_claim, "user_metadata");
  auto app_metadata = lifted_metadata(userinfo, options.app_metadata_claim, "app_metadata");
  if (user_metadata) userinfo["user_metadata"] = std::move(*user_metadata);
  if (app_metadata) userinfo["app_metadata"] = std::move(*app_metadata);
  return std::move(userinfo);
}

Result<Json> normalize_profile(std::string_view text, const ProfileOptions& options) {
  auto document = parse_json_lenient(text);
  if (!document) return document.error();
  return normalize_profile(std::move(document).value(), options);
}

Result<Json> normalize_profile(const std::string& text, const ProfileOptions& options) {
  return normalize_profile(std::string_view(text), options);
}

Result<Json> normalize_profile(const char* text, const ProfileOptions& options) {
  return normalize_profile(std::string_view(text), options);
}

Result<Json> profile_from_response(const HttpResponse& response, const ProfileOptions& options) {
  auto body = parse_http_response(response);
  if (!body) return body.error();
  return normalize_profile(std::move(body).value(), options);
}

}  // namespace metalock
