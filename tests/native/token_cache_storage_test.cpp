// The token cache's stored form: round trip, refusal of anything else, and no crash on mutations.
#include "metalock/token_cache.hpp"
#include "token_cache_fixtures.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <random>
#include <string>
#include <vector>

using metalock::Json;
using metalock::TokenCache;
using metalock::token_entry_from_response;
using metalock::token_cache_fixtures::auth0_token_body;
using metalock::token_cache_fixtures::entry;
using metalock::token_cache_fixtures::key;
using metalock::token_cache_fixtures::kMgmt;
using metalock::token_cache_fixtures::kNow;
using metalock::token_cache_fixtures::served;

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

TEST_CASE("one stored text per entry: from_stored reads them all, skips garbage, keeps rotation order",
          "[token_cache][storage]") {
  auto one = [](const metalock::TokenEntry& e) {
    TokenCache cache;
    cache.put(e);
    return cache.serialize();
  };
  const std::string older = one(entry("openid offline_access", "old", kNow + 60, kMgmt, "rt-old"));
  const std::string newer = one(entry("openid email offline_access", "new", kNow + 600, kMgmt, "rt-new"));
  const TokenCache cache = TokenCache::from_stored({newer, "garbage", "", older});
  CHECK(cache.size() == 2);
  CHECK(served(cache, key("openid")) == "old");   // the narrowest containing set
  CHECK(cache.refresh_token(key("openid")) == std::optional<std::string>("rt-new"));
  CHECK(TokenCache::from_stored({}).size() == 0);
}

TEST_CASE("the manifest lists storage keys, sorted and unique, garbage reads as none", "[token_cache][storage]") {
  using metalock::read_token_manifest;
  using metalock::update_token_manifest;
  const std::string added = update_token_manifest("", {"b", "a", "b"}, {});
  CHECK(added == R"({"keys":["a","b"],"version":1})");
  CHECK(read_token_manifest(update_token_manifest(added, {"c"}, {"a", "c"})) == std::vector<std::string>{"b"});
  for (const char* bad : {"", "x", "[]", R"({"version":2,"keys":["a"]})", R"({"version":1,"keys":"a"})",
                          R"({"version":1,"entries":[]})"}) {
    INFO(bad);
    CHECK(read_token_manifest(bad).empty());
  }
  CHECK(read_token_manifest(R"({"version":1,"keys":["a",1,null,"b"]})") == std::vector<std::string>{"a", "b"});
  CHECK(metalock::token_cache_key(key("openid email  openid")) == metalock::token_cache_key(key("email openid")));
  CHECK(metalock::token_cache_key(key("openid email", "")) == "metalock-demo::default::email openid");
}
