// DELETE /api/v2/users/{id}/multifactor/{provider}: provider names and the update:users scope.
#include "metalock/multifactor.hpp"

#include <catch2/catch.hpp>

#include <string>

using metalock::validate_multifactor_deletion;

namespace {

std::string verdict(const std::string& provider, std::optional<std::string> scope) {
  auto status = validate_multifactor_deletion(provider, scope);
  return status.ok() ? "ok" : status.error().code + " (" + status.error().field + ")";
}

}  // namespace

TEST_CASE("multifactor: Auth0's two provider names", "[multifactor]") {
  CHECK(verdict("duo", std::nullopt) == "ok");
  CHECK(verdict("google-authenticator", std::nullopt) == "ok");
  CHECK(verdict("guardian", std::nullopt) == "invalid_argument (provider)");
  CHECK(verdict("Duo", std::nullopt) == "invalid_argument (provider)");
  CHECK(verdict("", std::nullopt) == "invalid_argument (provider)");
}

TEST_CASE("multifactor: only update:users may remove a provider, checked before the name", "[multifactor][scope]") {
  CHECK(verdict("duo", std::string("openid update:users")) == "ok");
  CHECK(verdict("duo", std::string("update:current_user_metadata read:current_user")) == "insufficient_scope ()");
  CHECK(verdict("duo", std::string("update:users_app_metadata")) == "insufficient_scope ()");
  CHECK(verdict("duo", std::string("")) == "insufficient_scope ()");
  CHECK(verdict("guardian", std::string("read:users")) == "insufficient_scope ()");
}
