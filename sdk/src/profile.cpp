// /userinfo and /api/v2/users/{id} responses -> one profile shape for apps.
#include "metalock/profile.hpp"

namespace metalock {
namespace {

// /userinfo carries metadata only as a namespaced claim added by an Action; the Management
// API returns it as `user_metadata` itself. The claim wins when both are there.
Json metadata_of(const Json& response, const std::string& claim, const char* key) {
  if (!claim.empty()) {
    if (auto it = response.find(claim); it != response.end() && it->is_object()) return *it;
  }
  if (auto it = response.find(key); it != response.end() && it->is_object()) return *it;
  return Json::object();
}

}  // namespace

Result<Json> normalize_profile(const Json& userinfo, const ProfileOptions& options) {
  if (!userinfo.is_object()) return Error::make(code::invalid_json, "The profile is not a JSON object");
  Json profile = userinfo;  // every claim stays, the namespaced ones included
  profile["user_metadata"] = metadata_of(userinfo, options.user_metadata_claim, "user_metadata");
  profile["app_metadata"] = metadata_of(userinfo, options.app_metadata_claim, "app_metadata");
  return profile;
}

Result<Json> normalize_profile(std::string_view text, const ProfileOptions& options) {
  auto document = parse_json_lenient(text);
  if (!document) return document.error();
  return normalize_profile(document.value(), options);
}

Result<Json> normalize_profile(const std::string& text, const ProfileOptions& options) {
  return normalize_profile(std::string_view(text), options);
}

Result<Json> normalize_profile(const char* text, const ProfileOptions& options) {
  return normalize_profile(std::string_view(text), options);
}

}  // namespace metalock
