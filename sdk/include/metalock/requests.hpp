// Request descriptions for the Auth0 endpoints the SDK uses. The core never does I/O:
// a transport (fetch in JS, anything natively) sends what these describe.
#pragma once

#include "metalock/error.hpp"
#include "metalock/json.hpp"
#include "metalock/metadata.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace metalock {

struct HttpRequest {
  std::string method;
  std::string url;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;   // empty for GET
};

// "tenant.auth0.com" -> "https://tenant.auth0.com"; "http://127.0.0.1:3000/" ->
// "http://127.0.0.1:3000". http:// only for loopback hosts (localhost, 127.0.0.0/8, [::1]).
// Errors: invalid_argument, field "domain" (empty, a path/query present, http:// elsewhere).
Result<std::string> base_url(std::string_view domain);

// encodeURIComponent: everything but A-Z a-z 0-9 - _ . ! ~ * ' ( ) is %XX-encoded.
std::string percent_encode(std::string_view text);

HttpRequest userinfo_request(const std::string& base, const std::string& access_token);

// GET /.well-known/jwks.json: the issuer's signing keys, against which ID token signatures are
// verified (in JS, with WebCrypto).
HttpRequest jwks_request(const std::string& base);

struct PasswordRealmGrant {
  std::string client_id;
  std::string username;
  std::string password;
  std::string realm;
  std::string audience;   // optional
  std::string scope;      // optional
};
HttpRequest password_realm_request(const std::string& base, const PasswordRealmGrant& grant);

HttpRequest refresh_token_request(const std::string& base, const std::string& client_id,
                                  const std::string& refresh_token, const std::string& scope = {});

HttpRequest signup_request(const std::string& base, const Json& body);

// GET / PATCH /api/v2/users/{user_id}, the id percent-encoded. An empty id would address
// /api/v2/users/, the users *list* endpoint, which a management token may well be allowed to
// read, and "." / ".." are dot-segments that URL parsers resolve away (to the list, or
// /api/v2/): the builders refuse all three. Errors: invalid_argument (field "user_id").
Result<HttpRequest> get_user_request(const std::string& base, const std::string& user_id,
                                     const std::string& access_token);

Result<HttpRequest> patch_user_request(const std::string& base, const std::string& user_id,
                                       const Json& patch, const std::string& access_token);

// The PATCH of a metadata change: validate_patch(patch, policy), then patch_user_request, so
// that a metadata change the core describes is always one the policy allows (and the patch
// crosses from JS once). Errors: validate_patch's, then patch_user_request's.
Result<HttpRequest> metadata_patch_request(const std::string& base, const std::string& user_id, const Json& patch,
                                           const std::string& access_token, const PatchPolicy& policy);

// DELETE /api/v2/users/{user_id}/multifactor/{provider}, both percent-encoded; the user id
// refused as get_user_request refuses it. Whether the call may succeed is multifactor.hpp's.
Result<HttpRequest> delete_multifactor_request(const std::string& base, const std::string& user_id,
                                               const std::string& provider, const std::string& access_token);

}  // namespace metalock
