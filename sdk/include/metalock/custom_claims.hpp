// Auth0's rules for the custom claims a post-login Action (or Rule) adds to tokens: which
// names may be set at all, and which are namespaced. Decided once here for the tenant's
// declarative post-login claims.
#pragma once

#include "metalock/error.hpp"

#include <string>

namespace metalock {

// A claim name is namespaced when it is an http:// or https:// URL (Auth0's public,
// collision-resistant form, e.g. "https://myapp.example.com/hobby").
bool is_namespaced_claim(const std::string& name);

// Whether a custom claim may be set. Errors (field "claim"): invalid_field_name (empty);
// reserved_field (a JWT/OIDC claim Auth0 restricts, e.g. "sub", "email", "permissions", or
// a namespace on auth0.com, webtask.io or webtask.run, which Auth0 keeps for itself).
Status check_custom_claim(const std::string& name);

// Auth0 adds a non-namespaced (private) custom claim to an access token only when the token
// is not for an Auth0 API (the Management API, /userinfo): otherwise it is left out, and the
// login still succeeds. `for_auth0_api` says which kind of access token it is.
bool custom_claim_allowed_in_access_token(const std::string& name, bool for_auth0_api);

}  // namespace metalock
