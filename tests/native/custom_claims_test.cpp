// Custom claim names: Auth0's restricted claims, its own namespaces, private claims in
// access tokens for Auth0 APIs.
#include "metalock/custom_claims.hpp"

#include <catch2/catch.hpp>

#include <string>

using metalock::check_custom_claim;
using metalock::custom_claim_allowed_in_access_token;
using metalock::is_namespaced_claim;

namespace {

std::string verdict(const std::string& name) {
  auto status = check_custom_claim(name);
  return status.ok() ? "ok" : status.error().code + " (" + status.error().field + ")";
}

}  // namespace

TEST_CASE("custom claims: namespaced names are URLs", "[custom_claims]") {
  CHECK(is_namespaced_claim("https://myapp.example.com/hobby"));
  CHECK(is_namespaced_claim("HTTP://myapp.example.com/hobby"));
  CHECK_FALSE(is_namespaced_claim("hobby"));
  CHECK_FALSE(is_namespaced_claim("urn:myapp:hobby"));
}

TEST_CASE("custom claims: restricted and standard claims cannot be set", "[custom_claims]") {
  CHECK(verdict("hobby") == "ok");
  CHECK(verdict("https://myapp.example.com/user_metadata") == "ok");
  CHECK(verdict("https://myapp.example.com/sub") == "ok");   // namespaced: no collision
  for (const char* name : {"sub", "iss", "aud", "permissions", "roles", "org_id", "x5t#S256", "email", "name",
                           "updated_at"}) {
    CHECK(verdict(name) == "reserved_field (claim)");
  }
  CHECK(verdict("") == "invalid_field_name (claim)");
}

TEST_CASE("custom claims: Auth0's own namespaces are refused, look-alikes are not", "[custom_claims]") {
  CHECK(verdict("https://auth0.com/claim") == "reserved_field (claim)");
  CHECK(verdict("https://tenant.eu.AUTH0.com/claim") == "reserved_field (claim)");
  CHECK(verdict("http://x.webtask.io/c") == "reserved_field (claim)");
  CHECK(verdict("https://webtask.run:443/c") == "reserved_field (claim)");
  CHECK(verdict("https://user@auth0.com/c") == "reserved_field (claim)");
  CHECK(verdict("https://notauth0.com/claim") == "ok");
  CHECK(verdict("https://auth0.com.example.org/claim") == "ok");
}

TEST_CASE("custom claims: private claims stay out of access tokens for Auth0 APIs", "[custom_claims]") {
  CHECK(custom_claim_allowed_in_access_token("hobby", false));
  CHECK_FALSE(custom_claim_allowed_in_access_token("hobby", true));
  CHECK(custom_claim_allowed_in_access_token("https://myapp.example.com/hobby", true));
}
