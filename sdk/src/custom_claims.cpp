// Custom claim names as Auth0 allows them (custom_claims.hpp).
#include "metalock/custom_claims.hpp"

#include <string_view>

namespace metalock {
namespace {

// Auth0's restricted claims ("Create Custom Claims", General restrictions) and the OpenID
// standard claims, which Auth0 does not let a custom claim replace.
constexpr std::string_view kRestrictedClaims[] = {
    "acr", "act", "active", "amr", "at_hash", "ath", "attest", "aud", "auth_time", "authorization_details",
    "azp", "c_hash", "client_id", "cnf", "cty", "dest", "entitlements", "events", "exp", "groups", "gty", "htm",
    "htu", "iat", "internalService", "iss", "jcard", "jku", "jti", "jwe", "jwk", "kid", "may_act", "mky", "nbf",
    "nonce", "object_id", "org_id", "org_name", "orig", "origid", "permissions", "roles", "rph", "s_hash", "sid",
    "sip_callid", "sip_cseq_num", "sip_date", "sip_from_tag", "sip_via_branch", "sub", "sub_jwk", "toe", "txn",
    "typ", "uuid", "vot", "vtm", "x5t#S256",
    // OpenID Connect Core 1.0, 5.1 (standard claims)
    "name", "given_name", "family_name", "middle_name", "nickname", "preferred_username", "profile", "picture",
    "website", "email", "email_verified", "gender", "birthdate", "zoneinfo", "locale", "phone_number",
    "phone_number_verified", "address", "updated_at"};

constexpr std::string_view kAuth0Domains[] = {"auth0.com", "webtask.io", "webtask.run"};

std::string_view url_host(std::string_view name) {
  const std::size_t scheme_end = name.find("://");
  std::string_view rest = name.substr(scheme_end + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) rest = rest.substr(at + 1);
  return rest.substr(0, rest.find(':'));
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool ends_with_ci(std::string_view text, std::string_view suffix) {
  if (text.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    if (lower(text[text.size() - suffix.size() + i]) != suffix[i]) return false;
  }
  return true;
}

// auth0.com itself or any subdomain of it (but not "notauth0.com").
bool is_auth0_host(std::string_view host) {
  for (std::string_view domain : kAuth0Domains) {
    if (!ends_with_ci(host, domain)) continue;
    if (host.size() == domain.size() || host[host.size() - domain.size() - 1] == '.') return true;
  }
  return false;
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  return text.size() >= prefix.size() && ends_with_ci(text.substr(0, prefix.size()), prefix);
}

}  // namespace

bool is_namespaced_claim(const std::string& name) {
  return starts_with_ci(name, "http://") || starts_with_ci(name, "https://");
}

Status check_custom_claim(const std::string& name) {
  if (name.empty()) return Error::make(code::invalid_field_name, "A custom claim needs a name", "claim");
  if (is_namespaced_claim(name)) {
    if (is_auth0_host(url_host(name))) {
      return Error::make(code::reserved_field,
                         "'" + name + "': auth0.com, webtask.io and webtask.run namespaces are Auth0's", "claim");
    }
    return ok_status();
  }
  for (std::string_view restricted : kRestrictedClaims) {
    if (name == restricted) {
      return Error::make(code::reserved_field, "'" + name + "' is a claim Auth0 does not let a custom claim set",
                         "claim");
    }
  }
  return ok_status();
}

bool custom_claim_allowed_in_access_token(const std::string& name, bool for_auth0_api) {
  return !for_auth0_api || is_namespaced_claim(name);
}

}  // namespace metalock
