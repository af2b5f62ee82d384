// /userinfo and /api/v2/users responses -> the normalized profile.
#include "metalock/profile.hpp"

#include <catch2/catch.hpp>

#include <string>

using metalock::Json;
using metalock::normalize_profile;
using metalock::ProfileOptions;
namespace code = metalock::code;

namespace {

const char* kClaim = "https://example.com/user_metadata";
const char* kAppClaim = "https://example.com/app_metadata";

ProfileOptions claims() {
  ProfileOptions options;
  options.user_metadata_claim = kClaim;
  options.app_metadata_claim = kAppClaim;
  return options;
}

}  // namespace

TEST_CASE("profile: namespaced claims are lifted, every claim kept", "[profile]") {
  const Json userinfo = Json::parse(R"({
    "sub":"auth0|1","email":"ann@example.com","email_verified":true,"name":"Ann",
    "https://example.com/user_metadata":{"theme":"dark"},
    "https://example.com/app_metadata":{"plan":"pro"},
    "https://example.com/roles":["admin"]})");
  auto profile = normalize_profile(userinfo, claims());
  REQUIRE(profile.ok());
  Json expected = userinfo;
  expected["user_metadata"] = {{"theme", "dark"}};
  expected["app_metadata"] = {{"plan", "pro"}};
  CHECK(profile.value() == expected);
}

TEST_CASE("profile: user_metadata and app_metadata are always present", "[profile]") {
  auto profile = normalize_profile(Json::parse(R"({"sub":"auth0|1"})"));
  REQUIRE(profile.ok());
  CHECK(profile.value() == Json::parse(R"({"sub":"auth0|1","user_metadata":{},"app_metadata":{}})"));
  // A configured claim that is missing yields {} as well.
  CHECK(normalize_profile(Json::parse(R"({"sub":"auth0|1"})"), claims()).value() ==
        Json::parse(R"({"sub":"auth0|1","user_metadata":{},"app_metadata":{}})"));
}

TEST_CASE("profile: the /api/v2/users shape keeps its metadata", "[profile]") {
  const Json user = Json::parse(R"({"user_id":"auth0|1","email":"ann@example.com",
    "user_metadata":{"theme":"dark"},"app_metadata":{"plan":"pro"},"identities":[{"provider":"auth0"}]})");
  CHECK(normalize_profile(user).value() == user);
  CHECK(normalize_profile(user, claims()).value() == user);
}

TEST_CASE("profile: the claim wins over an existing user_metadata", "[profile]") {
  auto profile = normalize_profile(
      Json::parse(R"({"sub":"s","user_metadata":{"old":1},"https://example.com/user_metadata":{"new":2}})"), claims());
  REQUIRE(profile.ok());
  CHECK(profile.value()["user_metadata"] == Json::parse(R"({"new":2})"));
  CHECK(profile.value()[kClaim] == Json::parse(R"({"new":2})"));
}

TEST_CASE("profile: a claim that is not an object is kept but not lifted", "[profile]") {
  auto profile = normalize_profile(
      Json::parse(R"({"sub":"s","https://example.com/user_metadata":"oops","app_metadata":[1]})"), claims());
  REQUIRE(profile.ok());
  CHECK(profile.value()[kClaim] == "oops");
  CHECK(profile.value()["user_metadata"] == Json::object());
  CHECK(profile.value()["app_metadata"] == Json::object());
  // Without a configured claim name, a detected claim that is not an object is not lifted either.
  auto plain = normalize_profile(Json::parse(R"({"https://example.com/user_metadata":"oops"})"));
  CHECK(plain.value()["user_metadata"] == Json::object());
  CHECK(plain.value()[kClaim] == "oops");
}

TEST_CASE("profile: without options the one namespaced metadata claim of each kind is lifted", "[profile]") {
  // The shape an Auth0 Action gives /userinfo, and the local tenant's default client.
  const Json userinfo = Json::parse(R"({"sub":"auth0|1",
    "https://metalock.dev/user_metadata":{"theme":"light"},"https://metalock.dev/app_metadata":{"plan":"free"}})");
  auto profile = normalize_profile(userinfo);
  REQUIRE(profile.ok());
  CHECK(profile.value()["user_metadata"] == Json::parse(R"({"theme":"light"})"));
  CHECK(profile.value()["app_metadata"] == Json::parse(R"({"plan":"free"})"));
  CHECK(profile.value()["https://metalock.dev/user_metadata"] == Json::parse(R"({"theme":"light"})"));
}

TEST_CASE("profile: detection never guesses", "[profile]") {
  SECTION("two candidates: neither is lifted") {
    auto profile = normalize_profile(Json::parse(
        R"({"https://a.example/user_metadata":{"a":1},"https://b.example/user_metadata":{"b":2}})"));
    REQUIRE(profile.ok());
    CHECK(profile.value()["user_metadata"] == Json::object());
  }
  SECTION("names that only look alike are not candidates") {
    for (const char* name : {"https://example.com/user_metadata/", "https://example.com/user_metadata?x",
                             "https://example.com/user_metadata#x", "https://user_metadata", "https:///user_metadata",
                             "urn:x:user_metadata", "ftp://example.com/user_metadata", "https://example.com/user_metadatas",
                             "https://example.com/USER_METADATA", "user_metadata_claim"}) {
      Json userinfo = Json::object();
      userinfo[name] = Json::parse(R"({"a":1})");
      auto profile = normalize_profile(userinfo);
      REQUIRE(profile.ok());
      INFO(name);
      CHECK(profile.value()["user_metadata"] == Json::object());
    }
  }
  SECTION("a configured name wins, even when its claim is absent") {
    ProfileOptions options;
    options.user_metadata_claim = "https://example.com/other";
    auto profile = normalize_profile(Json::parse(R"({"https://example.com/user_metadata":{"a":1}})"), options);
    REQUIRE(profile.ok());
    CHECK(profile.value()["user_metadata"] == Json::object());
  }
}

TEST_CASE("profile: raw response text", "[profile]") {
  auto profile = normalize_profile(std::string(R"({"sub":"s","https://example.com/user_metadata":{"a":1}})"), claims());
  REQUIRE(profile.ok());
  CHECK(profile.value()["user_metadata"] == Json::parse(R"({"a":1})"));
  CHECK(normalize_profile("{\"sub\":\"s\"}").value()["app_metadata"] == Json::object());
  CHECK(normalize_profile(std::string_view("{}")).value() == Json::parse(R"({"user_metadata":{},"app_metadata":{}})"));
}

TEST_CASE("profile: invalid_json and the JSON limits", "[profile]") {
  for (const char* text : {"Unauthorized", "[1]", "\"text\"", "null", "42", "{", "\"\xff\""}) {
    INFO(text);
    auto profile = normalize_profile(text);
    REQUIRE_FALSE(profile.ok());
    CHECK(profile.error().code == code::invalid_json);
  }
  for (const Json& value : {Json::array(), Json("x"), Json(), Json(1)}) {
    CHECK(normalize_profile(value).error().code == code::invalid_json);
  }
  const std::string deep = "{\"a\":" + std::string(10000, '[') + std::string(10000, ']') + "}";
  CHECK(normalize_profile(deep).error().code == code::too_deep);
  const std::string big = "{\"a\":\"" + std::string(metalock::kMaxJsonBytes, 'x') + "\"}";
  CHECK(normalize_profile(big).error().code == code::payload_too_large);
}

TEST_CASE("profile: an owned document is normalized as the const one is", "[profile]") {
  for (const char* text : {
           R"({"sub":"auth0|1","https://example.com/user_metadata":{"theme":"dark"},"user_metadata":{"old":1}})",
           R"({"user_id":"auth0|1","user_metadata":{"theme":"dark"},"app_metadata":{"plan":"pro"}})",
           R"({"sub":"auth0|1","user_metadata":"not an object"})", R"({"sub":"auth0|1"})"}) {
    INFO(text);
    const Json document = Json::parse(text);
    for (const ProfileOptions& options : {ProfileOptions{}, claims()}) {
      auto from_const = normalize_profile(document, options);
      auto from_owned = normalize_profile(Json(document), options);
      REQUIRE(from_const);
      REQUIRE(from_owned);
      CHECK(from_owned.value() == from_const.value());
    }
  }
  auto refused = normalize_profile(Json::array());
  REQUIRE_FALSE(refused);
  CHECK(refused.error().code == code::invalid_json);
}

TEST_CASE("profile: a whole response is parsed once, and a non-2xx is its normalized error", "[profile]") {
  using metalock::HttpResponse;
  const std::string body = R"({"sub":"auth0|1","https://example.com/user_metadata":{"theme":"dark"}})";
  auto profile = metalock::profile_from_response(HttpResponse{200, {}, body}, claims());
  REQUIRE(profile);
  CHECK(profile.value() == normalize_profile(body, claims()).value());

  auto unauthorized = metalock::profile_from_response(
      HttpResponse{401, {{"WWW-Authenticate", R"(Bearer error="invalid_token", error_description="expired")"}}, "Unauthorized"});
  REQUIRE_FALSE(unauthorized);
  CHECK(unauthorized.error().code == "invalid_token");
  CHECK(unauthorized.error().status_code == 401);

  auto not_json = metalock::profile_from_response(HttpResponse{200, {}, "<html>"});
  REQUIRE_FALSE(not_json);
  CHECK(not_json.error().code == code::invalid_json);
  CHECK(not_json.error().status_code == 200);

  auto empty = metalock::profile_from_response(HttpResponse{200, {}, "  "});
  REQUIRE_FALSE(empty);
  CHECK(empty.error().code == code::invalid_json);
}
