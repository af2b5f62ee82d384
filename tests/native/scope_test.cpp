// Scope strings as word sets: one reading shared by the token cache and validate_patch.
#include "metalock/metadata.hpp"
#include "metalock/scope.hpp"
#include "metalock/token_cache.hpp"

#include <catch2/catch.hpp>

using metalock::scope_contains;
using metalock::scope_words;
using metalock::ScopeWords;

TEST_CASE("scope_words splits on any whitespace, ignoring order and repeats", "[scope]") {
  CHECK(scope_words("").empty());
  CHECK(scope_words(" \t\r\n ").empty());
  CHECK(scope_words("openid profile") == ScopeWords{"openid", "profile"});
  CHECK(scope_words("  profile\topenid\r\nprofile ") == ScopeWords{"openid", "profile"});
  CHECK(scope_words("read:current_user") == ScopeWords{"read:current_user"});
}

TEST_CASE("scope_contains over word sets and over strings agree", "[scope]") {
  CHECK(scope_contains(scope_words("a b c"), scope_words("c a")));
  CHECK(scope_contains(scope_words("a"), ScopeWords{}));
  CHECK_FALSE(scope_contains(ScopeWords{}, scope_words("a")));
  CHECK_FALSE(scope_contains(scope_words("ab"), scope_words("a")));
  CHECK(scope_contains("a\tb", "b a"));
}

TEST_CASE("the token cache and validate_patch read a tab-separated scope alike", "[scope][token_cache]") {
  metalock::TokenCache cache;
  metalock::TokenEntry entry;
  entry.client_id = "c";
  entry.audience = "api";
  entry.scope = "openid\tupdate:current_user_metadata";
  entry.access_token = "at";
  entry.expires_at = 2000;
  cache.put(entry);
  CHECK(cache.get({"c", "api", "update:current_user_metadata openid"}, 1000, 0).has_value());

  metalock::PatchPolicy policy;
  policy.scope = entry.scope;
  CHECK(metalock::validate_patch(metalock::Json::parse(R"({"user_metadata":{"a":1}})"), policy));
}
