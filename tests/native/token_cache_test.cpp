// The token cache: keys, expiry with leeway, scope containment, refresh tokens, stored form.
#include "metalock/jwt.hpp"
#include "metalock/token_cache.hpp"

#include <catch2/catch.hpp>

#include <random>

using metalock::Json;
using metalock::TokenCache;
using metalock::TokenEntry;
using metalock::TokenKey;
using metalock::token_cache_key;
using metalock::token_entry_from_response;

namespace {

constexpr std::int64_t kNow = 1700000000;
const std::string kMgmt = "https://tenant.auth0.com/api/v2/";

TokenEntry entry(const std::string& scope, const std::string& access_token, std::int64_t expires_at,
                 const std::string& audience = kMgmt, const std::string& refresh_token = "") {
  TokenEntry e;
  e.client_id = "metalock-demo";
  e.audience = audience;
  e.scope = scope;
  e.access_token = access_token;
  e.refresh_token = refresh_token;
  e.expires_at = expires_at;
  return e;
}

TokenKey key(const std::string& scope, const std::string& audience = kMgmt) {
  return {"metalock-demo", audience, scope};
}

std::string served(const TokenCache& cache, const TokenKey& k, std::int64_t now = kNow,
                   std::int64_t leeway = metalock::kDefaultLeewaySeconds) {
  auto found = cache.get(k, now, leeway);
  return found ? found->access_token : "(none)";
}

// The body Auth0 returns for a password-realm grant with offline_access.
Json auth0_token_body() {
  const std::string id_token =
      metalock::base64url_encode(R"({"alg":"RS256","typ":"JWT","kid":"k1"})") + "." +
      metalock::base64url_encode(R"({"iss":"https://tenant.auth0.com/","sub":"auth0|1","aud":"metalock-demo",)"
                                 R"("iat":1700000000,"exp":1700036000,"email":"jane@example.com"})") +
      ".c2lnbmF0dXJl";
  return {{"access_token", "eyJhbGciOiJSUzI1NiJ9.e30.c2ln"},
          {"id_token", id_token},
          {"refresh_token", "v1.MRrtzRkGq6kzC3J9Xj"},
          {"scope", "openid profile email read:current_user update:current_user_metadata offline_access"},
          {"expires_in", 86400},
          {"token_type", "Bearer"}};
}

}  // namespace

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

TEST_CASE("client and audience must match; an empty audience is the default one", "[token_cache]") {
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

TEST_CASE("the stored form round-trips", "[token_cache][storage]") {
  TokenCache cache;
  auto made = token_entry_from_response(auth0_token_body(), key("openid"), kNow);
  REQUIRE(made);
  cache.put(made.value());
  cache.put(entry("openid", "plain", kNow + 60, ""));
  const std::string stored = cache.serialize();
  const Json doc = Json::parse(stored);
  CHECK(doc["version"] == 1);
  CHECK(doc["entries"].size() == 2);
  CHECK(doc["entries"][0]["id_token_claims"]["email"] == "jane@example.com");

  auto back = TokenCache::deserialize(stored);
  REQUIRE(back);
  CHECK(back.value().serialize() == stored);
  CHECK(served(back.value(), key("openid"), kNow) == "eyJhbGciOiJSUzI1NiJ9.e30.c2ln");
  CHECK(back.value().refresh_token(key("openid")) == std::optional<std::string>("v1.MRrtzRkGq6kzC3J9Xj"));
  CHECK(TokenCache().serialize() == R"({"entries":[],"version":1})");
}

TEST_CASE("corrupt, foreign and other-version stored forms are refused", "[token_cache][storage]") {
  const std::string good_entry =
      R"({"client_id":"c","audience":"","scope":"openid","access_token":"at","id_token":"",)"
      R"("refresh_token":"","token_type":"Bearer","expires_at":1700000000,"id_token_claims":{}})";
  REQUIRE(TokenCache::deserialize(R"({"version":1,"entries":[)" + good_entry + "]}"));
  const std::vector<std::string> bad = {
      "",
      "null",
      "[]",
      "{}",
      R"({"version":2,"entries":[]})",
      R"({"version":0,"entries":[]})",
      R"({"version":"1","entries":[]})",
      R"({"version":1.5,"entries":[]})",
      R"({"version":1})",
      R"({"version":1,"entries":{}})",
      R"({"version":1,"entries":[null]})",
      R"({"version":1,"entries":[{}]})",
      R"({"version":1,"entries":[)" + good_entry + R"(,1]})",
      // auth0-spa-js's own localStorage shape is foreign here
      R"({"body":{"access_token":"at","expires_in":86400,"client_id":"c","scope":"openid"},"expiresAt":1700086400})",
      std::string(R"({"version":1,"entries":[)") + std::string(500, '['),
      "\xff\xfe{}",
  };
  for (const auto& text : bad) {
    INFO(text.substr(0, 120));
    auto result = TokenCache::deserialize(text);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == "invalid_storage");
  }
  // Each field must have its type.
  const Json base = Json::parse(good_entry);
  for (const auto& [name, value] : base.items()) {
    for (const Json& wrong : {Json(), Json(1.5), Json("s"), Json::array(), Json(-1)}) {
      if (wrong.type() == value.type() || (value.is_number() && wrong.is_number_integer())) continue;
      Json mutated = base;
      mutated[name] = wrong;
      INFO(name << " = " << wrong.dump());
      CHECK_FALSE(TokenCache::deserialize(Json({{"version", 1}, {"entries", {mutated}}}).dump()));
    }
    Json missing = base;
    missing.erase(name);
    CHECK_FALSE(TokenCache::deserialize(Json({{"version", 1}, {"entries", {missing}}}).dump()));
  }
}

TEST_CASE("deserialize never crashes on random or mutated input", "[token_cache][storage][fuzz]") {
  TokenCache cache;
  cache.put(token_entry_from_response(auth0_token_body(), key("openid"), kNow).value());
  cache.put(entry("openid profile", "b", kNow + 60, "", "rt"));
  const std::string valid = cache.serialize();
  const std::string alphabet = "{}[]\":,0123456789.-+eEtruefalsnl \\u\x01\xff\xc3\xa9";

  std::mt19937 rng(20240611);
  std::size_t accepted = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    if (round % 4 == 0) {   // random bytes
      text.resize(rng() % 200);
      for (char& c : text) c = static_cast<char>(rng() & 0xFF);
    } else {                // the valid form with a few random edits
      text = valid;
      const int edits = 1 + static_cast<int>(rng() % 4);
      for (int i = 0; i < edits && !text.empty(); ++i) {
        const std::size_t at = rng() % text.size();
        switch (rng() % 3) {
          case 0: text.erase(at, 1 + rng() % 8); break;
          case 1: text.insert(at, 1, alphabet[rng() % alphabet.size()]); break;
          default: text[at] = alphabet[rng() % alphabet.size()]; break;
        }
      }
    }
    auto result = TokenCache::deserialize(text);
    if (result) {
      ++accepted;
      // Whatever was accepted is a working cache.
      (void)result.value().get(key("openid"), kNow);
      (void)result.value().refresh_token(key("openid"));
      CHECK(TokenCache::deserialize(result.value().serialize()));
    } else {
      CHECK(result.error().code == "invalid_storage");
    }
  }
  CHECK(accepted > 0);   // some edits (inside strings) keep the form valid
}
