// base64url, JWT decoding and the ID-token claim checks.
#include "jwt_fixtures.hpp"
#include "metalock/jwt.hpp"

#include <catch2/catch.hpp>

#include <limits>
#include <random>

using metalock::base64url_decode;
using metalock::base64url_encode;
using metalock::decode_jwt;
using metalock::IdTokenExpectations;
using metalock::Json;
using metalock::jwt_fixtures::make_jwt;
using metalock::jwt_fixtures::with;
using metalock::jwt_fixtures::without;
using metalock::verify_id_token_claims;

namespace {

constexpr std::int64_t kNow = 1700000000;

// What an Auth0 tenant puts in an ID token after a password-realm login.
Json auth0_claims() {
  return {{"nickname", "jane"},
          {"name", "jane@example.com"},
          {"picture", "https://s.gravatar.com/avatar/x.png"},
          {"updated_at", "2023-11-14T22:13:20.000Z"},
          {"email", "jane@example.com"},
          {"email_verified", false},
          {"https://example.com/user_metadata", {{"color", "blue"}}},
          {"iss", "https://tenant.auth0.com/"},
          {"aud", "metalock-demo"},
          {"iat", kNow - 10},
          {"exp", kNow + 36000},
          {"sub", "auth0|655396f1c8d3a1b2c3d4e5f6"},
          {"sid", "x1y2z3"},
          {"nonce", "n-0S6_WzA2Mj"}};
}

IdTokenExpectations expectations() {
  IdTokenExpectations expect;
  expect.issuer = "https://tenant.auth0.com/";
  expect.audience = "metalock-demo";
  expect.nonce = "n-0S6_WzA2Mj";
  expect.now = kNow;
  return expect;
}

std::string error_code(const Json& claims, const IdTokenExpectations& expect = expectations()) {
  auto result = verify_id_token_claims(make_jwt(claims), expect);
  return result ? "ok" : result.error().code;
}

}  // namespace

TEST_CASE("base64url encodes the RFC 4648 test vectors without padding", "[jwt][base64url]") {
  CHECK(base64url_encode("") == "");
  CHECK(base64url_encode("f") == "Zg");
  CHECK(base64url_encode("fo") == "Zm8");
  CHECK(base64url_encode("foo") == "Zm9v");
  CHECK(base64url_encode("foob") == "Zm9vYg");
  CHECK(base64url_encode("fooba") == "Zm9vYmE");
  CHECK(base64url_encode("foobar") == "Zm9vYmFy");
  CHECK(base64url_encode("\xfb\xff\xbf") == "-_-_");   // the URL-safe letters, never + or /
}

TEST_CASE("base64url decodes with or without padding", "[jwt][base64url]") {
  CHECK(base64url_decode("Zm9vYmE").value() == "fooba");
  CHECK(base64url_decode("Zm9vYmE=").value() == "fooba");
  CHECK(base64url_decode("Zg").value() == "f");
  CHECK(base64url_decode("Zg==").value() == "f");
  CHECK(base64url_decode("").value() == "");
  CHECK(base64url_decode("-_-_").value() == "\xfb\xff\xbf");
}

TEST_CASE("base64url refuses other alphabets, bad padding and impossible lengths", "[jwt][base64url]") {
  for (const char* bad : {"Zm9v+A", "Zm9v/A", "Zm 9v", "Zm9v\n", "Z", "Zm9vY", "Zg=", "Zg===", "Z===", "====",
                          "Zg=a", "=Zg", "Zm9v\xc3\xa9"}) {
    INFO(bad);
    auto result = base64url_decode(bad);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == "invalid_token");
  }
}

TEST_CASE("base64url round-trips arbitrary bytes", "[jwt][base64url]") {
  std::mt19937 rng(42);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes(rng() % 70, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    const std::string encoded = base64url_encode(bytes);
    CHECK(encoded.find_first_of("+/=") == std::string::npos);
    auto decoded = base64url_decode(encoded);
    REQUIRE(decoded);
    CHECK(decoded.value() == bytes);
  }
}

TEST_CASE("decode_jwt splits a token into header, payload and signature", "[jwt]") {
  const std::string token = make_jwt(auth0_claims());
  auto decoded = decode_jwt(token);
  REQUIRE(decoded);
  CHECK(decoded.value().header["alg"] == "RS256");
  CHECK(decoded.value().payload == auth0_claims());
  CHECK(decoded.value().signature == std::string(256, '\x5a'));
  CHECK(decoded.value().signing_input == token.substr(0, token.rfind('.')));
}

TEST_CASE("decode_jwt refuses anything but three base64url JSON-object parts", "[jwt]") {
  const std::string header = base64url_encode(R"({"alg":"RS256"})");
  const std::string payload = base64url_encode(R"({"sub":"x"})");
  const std::string deep = base64url_encode(std::string(100, '[') + std::string(100, ']'));
  const std::vector<std::string> bad = {
      "",
      "abc",
      header + "." + payload,
      header + "." + payload + ".c2ln.c2ln",
      header + "." + payload + ".",                       // unsigned ("alg":"none") token
      "." + payload + ".c2ln",
      header + "..c2ln",
      header + "." + base64url_encode("[1,2]") + ".c2ln",  // payload not an object
      header + "." + base64url_encode("\"str\"") + ".c2ln",
      base64url_encode("not json") + "." + payload + ".c2ln",
      header + "." + payload + ".c2l+",                    // signature outside the alphabet
      header + "." + deep + ".c2ln",                       // nesting past the JSON limit
      header + "." + base64url_encode("{\"a\":\"\xff\"}") + ".c2ln",   // invalid UTF-8
  };
  for (const auto& token : bad) {
    INFO(token);
    auto decoded = decode_jwt(token);
    REQUIRE_FALSE(decoded);
    CHECK(decoded.error().code == "invalid_token");
  }
}

TEST_CASE("verify_id_token_claims returns the claims of a valid Auth0 ID token", "[jwt][id_token]") {
  auto result = verify_id_token_claims(make_jwt(auth0_claims()), expectations());
  REQUIRE(result);
  CHECK(result.value() == auth0_claims());
}

TEST_CASE("issuer must be present and equal", "[jwt][id_token]") {
  CHECK(error_code(without(auth0_claims(), "iss")) == "invalid_issuer");
  CHECK(error_code(with(auth0_claims(), "iss", 42)) == "invalid_issuer");
  CHECK(error_code(with(auth0_claims(), "iss", "https://tenant.auth0.com")) == "invalid_issuer");   // no slash
  CHECK(error_code(with(auth0_claims(), "iss", "https://evil.auth0.com/")) == "invalid_issuer");
  auto result = verify_id_token_claims(make_jwt(with(auth0_claims(), "iss", "https://evil.auth0.com/")), expectations());
  CHECK(result.error().description ==
        "Issuer (iss) claim mismatch in the ID token; expected \"https://tenant.auth0.com/\", found "
        "\"https://evil.auth0.com/\"");
}

TEST_CASE("subject must be a non-empty string", "[jwt][id_token]") {
  CHECK(error_code(without(auth0_claims(), "sub")) == "invalid_token");
  CHECK(error_code(with(auth0_claims(), "sub", "")) == "invalid_token");
  CHECK(error_code(with(auth0_claims(), "sub", 7)) == "invalid_token");
}

TEST_CASE("audience is a string or an array holding the client id, azp decides between several",
          "[jwt][id_token]") {
  CHECK(error_code(without(auth0_claims(), "aud")) == "invalid_audience");
  CHECK(error_code(with(auth0_claims(), "aud", "other-client")) == "invalid_audience");
  CHECK(error_code(with(auth0_claims(), "aud", Json::array())) == "invalid_audience");
  CHECK(error_code(with(auth0_claims(), "aud", {{"a", 1}})) == "invalid_audience");
  CHECK(error_code(with(auth0_claims(), "aud", {"other", "another"})) == "invalid_audience");
  CHECK(error_code(with(auth0_claims(), "aud", {"metalock-demo"})) == "ok");   // one value: no azp needed

  const Json several = with(auth0_claims(), "aud", {"metalock-demo", "https://api.example.com"});
  CHECK(error_code(several) == "invalid_azp");
  CHECK(error_code(with(several, "azp", "https://api.example.com")) == "invalid_azp");
  CHECK(error_code(with(several, "azp", 3)) == "invalid_azp");
  CHECK(error_code(with(several, "azp", "metalock-demo")) == "ok");
}

TEST_CASE("nonce must match when one was sent", "[jwt][id_token]") {
  CHECK(error_code(without(auth0_claims(), "nonce")) == "invalid_nonce");
  CHECK(error_code(with(auth0_claims(), "nonce", "replayed")) == "invalid_nonce");
  auto no_nonce = expectations();
  no_nonce.nonce.reset();
  CHECK(error_code(without(auth0_claims(), "nonce"), no_nonce) == "ok");
  CHECK(error_code(with(auth0_claims(), "nonce", "anything"), no_nonce) == "ok");
}

TEST_CASE("exp and iat are required numbers", "[jwt][id_token]") {
  CHECK(error_code(without(auth0_claims(), "exp")) == "invalid_token");
  CHECK(error_code(with(auth0_claims(), "exp", "1700036000")) == "invalid_token");
  CHECK(error_code(without(auth0_claims(), "iat")) == "invalid_token");
  CHECK(error_code(with(auth0_claims(), "iat", nullptr)) == "invalid_token");
}

TEST_CASE("exp, nbf and auth_time are checked with leeway, boundaries included", "[jwt][id_token]") {
  auto expect = expectations();
  expect.leeway = 60;
  // Expired only once now is strictly after exp + leeway (auth0-spa-js: now > exp + leeway).
  CHECK(error_code(with(auth0_claims(), "exp", kNow - 60), expect) == "ok");
  CHECK(error_code(with(auth0_claims(), "exp", kNow - 61), expect) == "token_expired");
  CHECK(error_code(with(auth0_claims(), "exp", kNow - 60.5), expect) == "token_expired");   // fractional exp

  CHECK(error_code(with(auth0_claims(), "nbf", kNow + 60), expect) == "ok");
  CHECK(error_code(with(auth0_claims(), "nbf", kNow + 61), expect) == "token_not_yet_valid");
  CHECK(error_code(with(auth0_claims(), "nbf", "later"), expect) == "ok");   // not a number: ignored, as auth0-spa-js

  expect.max_age = 3600;
  CHECK(error_code(without(auth0_claims(), "auth_time"), expect) == "invalid_token");
  CHECK(error_code(with(auth0_claims(), "auth_time", kNow - 3660), expect) == "ok");
  CHECK(error_code(with(auth0_claims(), "auth_time", kNow - 3661), expect) == "auth_time_too_old");

  expect.max_age.reset();
  expect.leeway = 0;   // zero means zero, not the default
  CHECK(error_code(with(auth0_claims(), "exp", kNow - 1), expect) == "token_expired");
  CHECK(error_code(with(auth0_claims(), "exp", kNow), expect) == "ok");
}

TEST_CASE("a negative leeway counts as 0 and a huge one never wraps", "[jwt][id_token]") {
  auto expect = expectations();
  expect.leeway = -600;
  CHECK(error_code(with(auth0_claims(), "exp", kNow), expect) == "ok");
  CHECK(error_code(with(auth0_claims(), "exp", kNow - 1), expect) == "token_expired");
  CHECK(error_code(with(auth0_claims(), "nbf", kNow), expect) == "ok");
  expect.max_age = 3600;
  CHECK(error_code(with(auth0_claims(), "auth_time", kNow - 3600), expect) == "ok");
  expect.max_age.reset();

  // A huge leeway is what the caller asked for: it forgives that much, it does not turn negative.
  expect.leeway = INT64_MAX;
  CHECK(error_code(with(auth0_claims(), "exp", 0), expect) == "ok");
  CHECK(error_code(with(auth0_claims(), "nbf", kNow + 86400), expect) == "ok");
  CHECK(error_code(without(auth0_claims(), "iat"), expect) == "invalid_token");
  CHECK(error_code(with(auth0_claims(), "exp", -1e300), expect) == "token_expired");

  expect.leeway = INT64_MIN;
  CHECK(error_code(with(auth0_claims(), "exp", kNow), expect) == "ok");
  expect.now = INT64_MIN;   // a clock clamped from -1e300: the nbf check still refuses
  CHECK(error_code(with(auth0_claims(), "nbf", kNow), expect) == "token_not_yet_valid");
}

TEST_CASE("auth_time is ignored without max_age", "[jwt][id_token]") {
  CHECK(error_code(with(auth0_claims(), "auth_time", 1)) == "ok");
}

TEST_CASE("checks run in OIDC Core 3.1.3.7's order: iss, sub, aud, azp, exp, iat, nbf, nonce, auth_time",
          "[jwt][id_token]") {
  const Json expired = with(auth0_claims(), "exp", kNow - 3600);
  CHECK(error_code(with(expired, "iss", "https://evil/")) == "invalid_issuer");
  CHECK(error_code(without(with(auth0_claims(), "iss", "https://evil/"), "sub")) == "invalid_issuer");
  CHECK(error_code(without(expired, "sub")) == "invalid_token");
  CHECK(error_code(with(without(auth0_claims(), "sub"), "aud", "x")) == "invalid_token");
  CHECK(error_code(with(expired, "aud", "x")) == "invalid_audience");
  CHECK(error_code(with(expired, "aud", {"metalock-demo", "x"})) == "invalid_azp");
  CHECK(error_code(without(expired, "iat")) == "token_expired");
  CHECK(error_code(with(expired, "nonce", "x")) == "token_expired");
  CHECK(error_code(with(with(auth0_claims(), "nbf", kNow + 3600), "nonce", "x")) == "token_not_yet_valid");
  CHECK(error_code(with(without(auth0_claims(), "iat"), "nbf", kNow + 3600)) == "invalid_token");
  auto strict = expectations();
  strict.max_age = 60;
  CHECK(error_code(with(auth0_claims(), "nonce", "x"), strict) == "invalid_nonce");   // auth_time missing too
  CHECK(error_code(with(auth0_claims(), "auth_time", kNow - 3600), strict) == "auth_time_too_old");
}

TEST_CASE("malformed tokens are invalid_token before any claim is looked at", "[jwt][id_token]") {
  for (const char* token : {"", "a.b", "a.b.c.d", "eyJhbGciOiJSUzI1NiJ9.e30"}) {
    auto result = verify_id_token_claims(token, expectations());
    REQUIRE_FALSE(result);
    CHECK(result.error().code == "invalid_token");
  }
}

TEST_CASE("an ID token must name RS256 and a kid in its header", "[jwt][id_token]") {
  const Json claims = auth0_claims();
  struct Case {
    Json header;
    const char* field;
  };
  for (const auto& [header, field] : std::initializer_list<Case>{
           {{{"alg", "none"}, {"typ", "JWT"}, {"kid", "k1"}}, "alg"},
           {{{"alg", "HS256"}, {"typ", "JWT"}, {"kid", "k1"}}, "alg"},
           {{{"alg", "RS512"}, {"kid", "k1"}}, "alg"},
           {{{"typ", "JWT"}, {"kid", "k1"}}, "alg"},
           {{{"alg", "RS256"}}, "kid"},
           {{{"alg", "RS256"}, {"kid", ""}}, "kid"},
           {{{"alg", "RS256"}, {"kid", 7}}, "kid"}}) {
    INFO(header.dump());
    auto result = verify_id_token_claims(make_jwt(claims, header), expectations());
    REQUIRE_FALSE(result);
    CHECK(result.error().code == "invalid_token");
    CHECK(result.error().field == field);
  }
  CHECK(verify_id_token_claims(make_jwt(claims), expectations()));
}

TEST_CASE("a token's JSON is read as a response: a lone surrogate becomes U+FFFD", "[jwt]") {
  const std::string header = base64url_encode(R"({"alg":"RS256","kid":"k1"})");
  const std::string payload = base64url_encode(R"({"sub":"auth0|1","name":"Ann \ud83d","n":1e400})");
  auto decoded = decode_jwt(header + "." + payload + ".c2ln");
  REQUIRE(decoded);
  CHECK(decoded.value().payload["name"] == "Ann \xEF\xBF\xBD");
  CHECK(decoded.value().payload["n"].get<double>() == std::numeric_limits<double>::max());
}
