// The token cache: keys, expiry with leeway, scope containment, refresh tokens, entries made
// from token responses. The stored form: token_cache_storage_test.cpp.
#include "metalock/token_cache.hpp"
#include "token_cache_fixtures.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

using metalock::Json;
using metalock::TokenCache;
using metalock::TokenEntry;
using metalock::token_cache_key;
using metalock::token_entry_from_response;
using metalock::token_cache_fixtures::auth0_token_body;
using metalock::token_cache_fixtures::entry;
using metalock::token_cache_fixtures::key;
using metalock::token_cache_fixtures::kMgmt;
using metalock::token_cache_fixtures::kNow;
using metalock::token_cache_fixtures::served;

TEST_CASE("cache keys are clientId::audience::scope with a default audience", "[token_cache]") {
  CHECK(token_cache_key({"abc", kMgmt, "openid profile"}) == "abc::https://tenant.auth0.com/api/v2/::openid profile");
  CHECK(token_cache_key({"abc", "", "openid"}) == "abc::default::openid");
}

TEST_CASE("an entry serves until leeway seconds before it expires", "[token_cache]") {
  TokenCache cache;
  cache.put(entry("openid", "at", kNow + 86400));
  // auth0-spa-js: expired once expiresAt - leeway < now.
  CHECK(served(cache, key("openid"), kNow + 86400 - 60) == "at");
  CHECK(served(cache, key("openid"), kNow + 86400 - 59) == "(none)");
  CHECK(served(cache, key("openid"), kNow + 86400, 0) == "at");
  CHECK(served(cache, key("openid"), kNow + 86401, 0) == "(none)");
  CHECK(served(cache, key("openid"), kNow + 86000, 600) == "(none)");
  CHECK(cache.size() == 1);   // get never drops entries: their refresh token stays usable
}

TEST_CASE("scopes are sets: order, repeats and spacing do not matter", "[token_cache]") {
  TokenCache cache;
  cache.put(entry("openid profile email", "at", kNow + 3600));
  CHECK(served(cache, key("email openid profile")) == "at");
  CHECK(served(cache, key("  profile  openid openid ")) == "at");
  cache.put(entry("email profile openid", "at2", kNow + 3600));   // same set: replaces
  CHECK(cache.size() == 1);
  CHECK(served(cache, key("openid profile email")) == "at2");
}

TEST_CASE("a cached entry serves a request whose scopes it contains, the narrowest first", "[token_cache]") {
  TokenCache cache;
  cache.put(entry("openid profile email read:current_user update:current_user_metadata", "wide", kNow + 3600));
  cache.put(entry("openid profile read:current_user", "narrow", kNow + 3600));
  CHECK(served(cache, key("read:current_user")) == "narrow");
  CHECK(served(cache, key("update:current_user_metadata")) == "wide");
  CHECK(served(cache, key("openid create:current_user_metadata")) == "(none)");
  cache.put(entry("read:current_user", "exact", kNow + 3600));
  CHECK(served(cache, key("read:current_user")) == "exact");
  CHECK(served(cache, key("")) == "exact");   // an empty request is contained in every entry
  cache.put(entry("", "empty", kNow + 3600));
  CHECK(served(cache, key("")) == "empty");
}

TEST_CASE("an expired exact entry gives way to a live wider one", "[token_cache]") {
  TokenCache cache;
  cache.put(entry("openid", "old", kNow - 10));
  cache.put(entry("openid profile", "live", kNow + 3600));
  CHECK(served(cache, key("openid")) == "live");
}

TEST_CASE("client and audience must match, an empty audience is the default one", "[token_cache]") {
  TokenCache cache;
  cache.put(entry("openid", "mgmt", kNow + 3600));
  cache.put(entry("openid", "default", kNow + 3600, ""));
  CHECK(served(cache, key("openid", "https://api.example.com/")) == "(none)");
  CHECK(served(cache, key("openid", "")) == "default");
  CHECK(served(cache, key("openid", "default")) == "default");
  CHECK(served(cache, {"another-client", kMgmt, "openid"}) == "(none)");
  cache.put(entry("openid", "default2", kNow + 3600, "default"));   // same key as audience ""
  CHECK(cache.size() == 2);
}

TEST_CASE("refresh tokens survive expiry and the newest containing one is handed out", "[token_cache]") {
  TokenCache cache;
  CHECK_FALSE(cache.refresh_token(key("openid")));
  cache.put(entry("openid profile offline_access", "at1", kNow - 100, kMgmt, "rt-1"));
  cache.put(entry("openid", "at2", kNow + 3600));   // no refresh token
  CHECK(cache.refresh_token(key("openid")) == std::optional<std::string>("rt-1"));
  CHECK(cache.refresh_token(key("profile openid")) == std::optional<std::string>("rt-1"));
  CHECK_FALSE(cache.refresh_token(key("openid email")));
  CHECK_FALSE(cache.refresh_token(key("openid", "https://other/")));
  cache.put(entry("openid offline_access", "at3", kNow + 3600, kMgmt, "rt-2"));
  CHECK(cache.refresh_token(key("openid")) == std::optional<std::string>("rt-2"));
  cache.put(entry("openid profile offline_access", "at4", kNow + 3600, kMgmt, "rt-3"));   // rotated
  CHECK(cache.refresh_token(key("openid")) == std::optional<std::string>("rt-3"));
}

TEST_CASE("remove and clear forget entries", "[token_cache]") {
  TokenCache cache;
  cache.put(entry("openid profile", "a", kNow + 3600));
  cache.put(entry("openid", "b", kNow + 3600));
  cache.remove(key("profile openid"));
  CHECK(cache.size() == 1);
  CHECK(served(cache, key("openid")) == "b");
  cache.clear();
  CHECK(cache.size() == 0);
}

TEST_CASE("token_entry_from_response reads an Auth0 token body", "[token_cache]") {
  auto made = token_entry_from_response(auth0_token_body(), key("openid profile email"), kNow);
  REQUIRE(made);
  const TokenEntry& e = made.value();
  CHECK(e.client_id == "metalock-demo");
  CHECK(e.audience == kMgmt);
  CHECK(e.scope == "openid profile email read:current_user update:current_user_metadata offline_access");
  CHECK(e.access_token == "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
  CHECK(e.refresh_token == "v1.MRrtzRkGq6kzC3J9Xj");
  CHECK(e.token_type == "Bearer");
  CHECK(e.expires_at == kNow + 86400);
  CHECK(e.id_token_claims["email"] == "jane@example.com");
  CHECK(e.id_token_claims["sub"] == "auth0|1");
}

TEST_CASE("token_entry_from_response keeps the requested scope when none is granted explicitly",
          "[token_cache]") {
  Json body = {{"access_token", "at"}, {"expires_in", 7200}};
  auto made = token_entry_from_response(body, {"c", "", "openid profile"}, kNow);
  REQUIRE(made);
  CHECK(made.value().scope == "openid profile");
  CHECK(made.value().audience.empty());
  CHECK(made.value().token_type == "Bearer");
  CHECK(made.value().id_token_claims == Json::object());
  CHECK(made.value().expires_at == kNow + 7200);

  body["id_token"] = "not-a-jwt";   // undecodable: no claims, but the entry stands
  body["refresh_token"] = nullptr;
  made = token_entry_from_response(body, {"c", "", "openid"}, kNow);
  REQUIRE(made);
  CHECK(made.value().id_token == "not-a-jwt");
  CHECK(made.value().id_token_claims == Json::object());
  CHECK(made.value().refresh_token.empty());
}

TEST_CASE("token_entry_from_response refuses bodies without a usable token", "[token_cache]") {
  const std::vector<Json> bad = {
      Json::array(),
      Json("text"),
      {{"expires_in", 3600}},
      {{"access_token", ""}, {"expires_in", 3600}},
      {{"access_token", 5}, {"expires_in", 3600}},
      {{"access_token", "at"}},
      {{"access_token", "at"}, {"expires_in", 0}},
      {{"access_token", "at"}, {"expires_in", -5}},
      {{"access_token", "at"}, {"expires_in", "3600"}},
      {{"access_token", "at"}, {"expires_in", 3600}, {"refresh_token", 12}},
      {{"access_token", "at"}, {"expires_in", 3600}, {"scope", {"openid"}}},
  };
  for (const Json& body : bad) {
    INFO(body.dump());
    auto made = token_entry_from_response(body, key("openid"), kNow);
    REQUIRE_FALSE(made);
    CHECK(made.error().code == "invalid_body");
  }
}

TEST_CASE("absurd lifetimes do not overflow", "[token_cache]") {
  auto made = token_entry_from_response({{"access_token", "at"}, {"expires_in", 1e300}}, key("openid"), kNow);
  REQUIRE(made);
  CHECK(made.value().expires_at > kNow);
  TokenCache cache;
  cache.put(made.value());
  // Extreme clocks and leeways saturate instead of wrapping around (run under UBSan).
  CHECK(served(cache, key("openid"), INT64_MAX, 0) == "(none)");
  CHECK(served(cache, key("openid"), kNow, INT64_MAX) == "(none)");
  CHECK(served(cache, key("openid"), kNow, INT64_MIN) == "at");
}

TEST_CASE("a leeway never extends a life: negative counts as 0, past the lifetime means expired",
          "[token_cache]") {
  TokenCache cache;
  cache.put(entry("openid", "at", kNow + 100));
  CHECK(served(cache, key("openid"), kNow + 100, -600) == "at");
  CHECK(served(cache, key("openid"), kNow + 101, -600) == "(none)");
  CHECK(served(cache, key("openid"), kNow + 101, INT64_MIN) == "(none)");   // once saturated to "live forever"
  CHECK(served(cache, key("openid"), kNow, 100) == "at");                  // leeway == remaining: still serves
  CHECK(served(cache, key("openid"), kNow, 101) == "(none)");
  CHECK(served(cache, key("openid"), kNow, INT64_MAX) == "(none)");
  // Exact at the ends of int64, where expires_at - leeway or expires_at - now would overflow.
  TokenCache extremes;
  extremes.put(entry("openid", "at", INT64_MIN + 10));
  CHECK(served(extremes, key("openid"), INT64_MIN, 10) == "at");
  CHECK(served(extremes, key("openid"), INT64_MIN, 11) == "(none)");
  CHECK(served(extremes, key("openid"), INT64_MIN, INT64_MAX) == "(none)");
  TokenCache far;
  far.put(entry("openid", "at", INT64_MAX));
  CHECK(served(far, key("openid"), INT64_MIN, INT64_MAX) == "at");   // remaining 2^64 - 1 >= INT64_MAX
  CHECK(served(far, key("openid"), 0, INT64_MAX) == "at");
  CHECK(served(far, key("openid"), 1, INT64_MAX) == "(none)");
}
