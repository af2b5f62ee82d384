// verify_access_token_claims: a resource server's claim checks on a bearer access token,
// sharing exp/iat/nbf/iss/aud semantics with the ID-token checks.
#include "jwt_fixtures.hpp"
#include "metalock/jwt.hpp"

#include <catch2/catch.hpp>

#include <random>

using metalock::AccessTokenExpectations;
using metalock::base64url_encode;
using metalock::Json;
using metalock::jwt_fixtures::make_jwt;
using metalock::jwt_fixtures::with;
using metalock::jwt_fixtures::without;
using metalock::verify_access_token_claims;

namespace {

constexpr std::int64_t kNow = 1714557600;
const std::string kIssuer = "https://tenant.auth0.com/";
const std::string kManagementApi = "https://tenant.auth0.com/api/v2/";

// What Auth0 issues for a password-realm login asking for the Management API and openid.
Json user_token_claims() {
  return {{"iss", kIssuer},
          {"sub", "auth0|655396f1c8d3a1b2c3d4e5f6"},
          {"aud", {kManagementApi, "https://tenant.auth0.com/userinfo"}},
          {"iat", kNow - 60},
          {"exp", kNow + 86340},
          {"scope", "openid profile read:current_user update:current_user_metadata"},
          {"gty", "password"},
          {"azp", "metalock-demo"}};
}

// What Auth0 issues for client_credentials: one audience as a string, sub "<client>@clients".
Json machine_token_claims() {
  return {{"iss", kIssuer},
          {"sub", "metalock-admin@clients"},
          {"aud", kManagementApi},
          {"iat", kNow - 60},
          {"exp", kNow + 86340},
          {"scope", "read:users update:users"},
          {"gty", "client-credentials"},
          {"azp", "metalock-admin"}};
}

AccessTokenExpectations expectations() {
  AccessTokenExpectations expect;
  expect.issuer = kIssuer;
  expect.audience = kManagementApi;
  expect.now = kNow;
  return expect;
}

std::string error_code(const Json& claims, const AccessTokenExpectations& expect = expectations()) {
  auto result = verify_access_token_claims(make_jwt(claims), expect);
  return result ? "ok" : result.error().code;
}

}  // namespace

TEST_CASE("access token: Auth0's user and machine tokens pass and their claims are returned",
          "[jwt][access_token]") {
  for (const Json& claims : {user_token_claims(), machine_token_claims()}) {
    auto result = verify_access_token_claims(make_jwt(claims), expectations());
    REQUIRE(result);
    CHECK(result.value() == claims);
  }
  // Several audiences need no azp (unlike an ID token), and sub is not required.
  CHECK(error_code(without(user_token_claims(), "azp")) == "ok");
  CHECK(error_code(without(machine_token_claims(), "sub")) == "ok");
  // The other audience of the same token.
  auto userinfo = expectations();
  userinfo.audience = "https://tenant.auth0.com/userinfo";
  CHECK(error_code(user_token_claims(), userinfo) == "ok");
  CHECK(error_code(machine_token_claims(), userinfo) == "invalid_audience");
}

TEST_CASE("access token: the issuer and the audience expectations are required", "[jwt][access_token]") {
  auto no_issuer = expectations();
  no_issuer.issuer.clear();
  auto result = verify_access_token_claims(make_jwt(with(user_token_claims(), "iss", "")), no_issuer);
  REQUIRE_FALSE(result);
  CHECK(result.error().code == "invalid_argument");
  CHECK(result.error().field == "issuer");

  auto no_audience = expectations();
  no_audience.audience.clear();
  result = verify_access_token_claims(make_jwt(with(user_token_claims(), "aud", "")), no_audience);
  REQUIRE_FALSE(result);
  CHECK(result.error().code == "invalid_argument");
  CHECK(result.error().field == "audience");
}

TEST_CASE("access token: malformed tokens are invalid_token and say which token", "[jwt][access_token]") {
  const std::string payload = base64url_encode(user_token_claims().dump());
  for (const std::string& token : {std::string(), std::string("a.b"), std::string("a.b.c.d"),
                                   base64url_encode(R"({"alg":"none"})") + "." + payload + ".",
                                   base64url_encode(R"({"alg":"RS256"})") + "." + base64url_encode("[1]") + ".c2ln",
                                   std::string("Bearer ") + make_jwt(user_token_claims())}) {
    INFO(token);
    auto result = verify_access_token_claims(token, expectations());
    REQUIRE_FALSE(result);
    CHECK(result.error().code == "invalid_token");
    CHECK(result.error().description.rfind("Access token ", 0) == 0);
  }
}

TEST_CASE("access token: iss must be the expected issuer, exactly", "[jwt][access_token]") {
  CHECK(error_code(without(user_token_claims(), "iss")) == "invalid_issuer");
  CHECK(error_code(with(user_token_claims(), "iss", 1)) == "invalid_issuer");
  CHECK(error_code(with(user_token_claims(), "iss", "https://tenant.auth0.com")) == "invalid_issuer");
  CHECK(error_code(with(user_token_claims(), "iss", "https://evil.auth0.com/")) == "invalid_issuer");
  auto result = verify_access_token_claims(make_jwt(with(user_token_claims(), "iss", "https://evil/")), expectations());
  CHECK(result.error().description ==
        "Issuer (iss) claim mismatch in the access token; expected \"https://tenant.auth0.com/\", found "
        "\"https://evil/\"");
}

TEST_CASE("access token: aud is the audience or an array holding it", "[jwt][access_token]") {
  CHECK(error_code(without(user_token_claims(), "aud")) == "invalid_audience");
  CHECK(error_code(with(user_token_claims(), "aud", "https://other.example.com/")) == "invalid_audience");
  CHECK(error_code(with(user_token_claims(), "aud", Json::array())) == "invalid_audience");
  CHECK(error_code(with(user_token_claims(), "aud", {"https://a/", "https://b/"})) == "invalid_audience");
  CHECK(error_code(with(user_token_claims(), "aud", {1, 2})) == "invalid_audience");
  CHECK(error_code(with(user_token_claims(), "aud", {{"aud", kManagementApi}})) == "invalid_audience");
  CHECK(error_code(with(user_token_claims(), "aud", Json::array({kManagementApi}))) == "ok");
  CHECK(error_code(with(user_token_claims(), "aud", {"x", 3, kManagementApi})) == "ok");
}

TEST_CASE("access token: exp and iat are required numbers", "[jwt][access_token]") {
  CHECK(error_code(without(user_token_claims(), "exp")) == "invalid_token");
  CHECK(error_code(with(user_token_claims(), "exp", "1714643940")) == "invalid_token");
  CHECK(error_code(without(user_token_claims(), "iat")) == "invalid_token");
  CHECK(error_code(with(user_token_claims(), "iat", nullptr)) == "invalid_token");
}

TEST_CASE("access token: the default leeway is 5 s, boundaries included", "[jwt][access_token]") {
  CHECK(AccessTokenExpectations{}.leeway == 5);
  CHECK(error_code(with(user_token_claims(), "exp", kNow - 5)) == "ok");
  CHECK(error_code(with(user_token_claims(), "exp", kNow - 6)) == "token_expired");
  CHECK(error_code(with(user_token_claims(), "exp", kNow - 5.5)) == "token_expired");
  CHECK(error_code(with(user_token_claims(), "nbf", kNow + 5)) == "ok");
  CHECK(error_code(with(user_token_claims(), "nbf", kNow + 6)) == "token_not_yet_valid");
  CHECK(error_code(with(user_token_claims(), "nbf", "soon")) == "ok");   // as for ID tokens: ignored

  auto exact = expectations();
  exact.leeway = 0;   // an issuer checking its own tokens on its own clock
  CHECK(error_code(with(user_token_claims(), "exp", kNow), exact) == "ok");
  CHECK(error_code(with(user_token_claims(), "exp", kNow - 1), exact) == "token_expired");
  CHECK(error_code(with(user_token_claims(), "nbf", kNow + 1), exact) == "token_not_yet_valid");
}

TEST_CASE("access token: checks run in the order iss, aud, exp, iat, nbf", "[jwt][access_token]") {
  const Json expired = with(user_token_claims(), "exp", kNow - 3600);
  CHECK(error_code(with(with(expired, "aud", "x"), "iss", "https://evil/")) == "invalid_issuer");
  CHECK(error_code(with(expired, "aud", "x")) == "invalid_audience");
  CHECK(error_code(without(expired, "iat")) == "token_expired");
  CHECK(error_code(with(without(user_token_claims(), "iat"), "nbf", kNow + 3600)) == "invalid_token");
}

// One implementation of each shared check: for any iss/aud/exp/iat/nbf, an ID token and an
// access token get the same verdict (the ID token's extra sub/azp/nonce checks kept passing).
TEST_CASE("access token: same iss/aud/time verdicts as the ID-token checks", "[jwt][access_token][id_token]") {
  std::mt19937 rng(11);
  const auto pick = [&](std::initializer_list<Json> options) { return *(options.begin() + rng() % options.size()); };
  for (int round = 0; round < 4000; ++round) {
    const std::int64_t leeway = static_cast<std::int64_t>(rng() % 3) * 30;   // 0, 30, 60
    const auto near_now = [&] { return Json(kNow + static_cast<std::int64_t>(rng() % 201) - 100); };
    Json claims = {{"sub", "auth0|1"}, {"azp", "metalock-demo"}};   // what only an ID token needs
    // Mostly valid values, so that every check gets its turn at deciding.
    const Json issuer(kIssuer);
    const Json audience("metalock-demo");
    const Json iss = pick({issuer, issuer, issuer, issuer, issuer, issuer, Json("https://evil/"), Json(7), Json()});
    const Json aud = pick({audience, audience, audience, Json::array({audience}), Json::array({"x", audience}),
                           Json("x"), Json::array(), Json()});
    if (!iss.is_null()) claims["iss"] = iss;
    if (!aud.is_null()) claims["aud"] = aud;
    for (const char* name : {"exp", "iat", "nbf"}) {
      const Json value = pick({near_now(), near_now(), near_now(), near_now(), near_now(), near_now(), near_now(),
                               Json("1714557600"), Json()});
      if (!value.is_null()) claims[name] = value;
    }
    INFO(claims.dump() << " leeway " << leeway);
    metalock::IdTokenExpectations id_expect;
    id_expect.issuer = kIssuer;
    id_expect.audience = "metalock-demo";
    id_expect.now = kNow;
    id_expect.leeway = leeway;
    AccessTokenExpectations access_expect{kIssuer, "metalock-demo", kNow, leeway};
    auto as_id = metalock::verify_id_token_claims(make_jwt(claims), id_expect);
    auto as_access = verify_access_token_claims(make_jwt(claims), access_expect);
    REQUIRE(as_id.ok() == as_access.ok());
    if (!as_id.ok()) CHECK(as_id.error().code == as_access.error().code);
  }
}
