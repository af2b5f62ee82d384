// Request descriptions: base URLs, percent-encoding, methods, headers and bodies.
#include "metalock/requests.hpp"

#include <catch2/catch.hpp>

using metalock::base_url;
using metalock::HttpRequest;
using metalock::Json;
using metalock::percent_encode;

namespace {

const std::string kBase = "https://tenant.auth0.com";

std::string header(const HttpRequest& request, const std::string& name) {
  for (const auto& [key, value] : request.headers) {
    if (key == name) return value;
  }
  return "(absent)";
}

Json body_of(const HttpRequest& request) { return Json::parse(request.body); }

}  // namespace

TEST_CASE("base_url accepts bare hosts and http(s) origins", "[requests]") {
  CHECK(base_url("tenant.auth0.com").value() == "https://tenant.auth0.com");
  CHECK(base_url("tenant.eu.auth0.com/").value() == "https://tenant.eu.auth0.com");
  CHECK(base_url("https://tenant.auth0.com").value() == "https://tenant.auth0.com");
  CHECK(base_url("https://tenant.auth0.com/").value() == "https://tenant.auth0.com");
  CHECK(base_url("http://127.0.0.1:3000").value() == "http://127.0.0.1:3000");
  CHECK(base_url("http://127.0.0.1:3000/").value() == "http://127.0.0.1:3000");
  CHECK(base_url("HTTP://localhost:8080").value() == "http://localhost:8080");
  CHECK(base_url("  login.example.com ").value() == "https://login.example.com");
  CHECK(base_url("http://[::1]:3000").value() == "http://[::1]:3000");
}

TEST_CASE("base_url refuses paths, queries, other schemes and malformed hosts", "[requests]") {
  for (const char* bad :
       {"", "   ", "https://", "https://tenant.auth0.com/api", "tenant.auth0.com/authorize", "https://t.com?x=1",
        "https://t.com/#frag", "ftp://tenant.auth0.com", "javascript://x", "https://user@evil.com",
        "https://t.com:", "https://t.com:0", "https://t.com:65536", "https://t.com:80a", "https://:3000",
        "https://ten ant.com", "https://[::1", "//tenant.auth0.com"}) {
    INFO(bad);
    auto result = base_url(bad);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == "invalid_argument");
    CHECK(result.error().field == "domain");
  }
}

TEST_CASE("base_url allows http:// for loopback hosts only", "[requests]") {
  for (const char* loopback : {"http://localhost", "http://LOCALHOST:3000", "http://127.0.0.1", "http://127.255.0.9:80",
                               "http://[::1]"}) {
    INFO(loopback);
    CHECK(base_url(loopback));
  }
  for (const char* remote : {"http://anything", "http://tenant.auth0.com", "http://128.0.0.1", "http://10.0.0.1:3000",
                             "http://localhost.evil.com", "http://127.0.0.1.evil.com", "http://127.0.0", "http://127.0.0.256",
                             "http://[::2]", "http://localhostx"}) {
    INFO(remote);
    auto result = base_url(remote);
    REQUIRE_FALSE(result);
    CHECK(result.error().code == "invalid_argument");
    CHECK(result.error().field == "domain");
    CHECK(result.error().description.find("loopback") != std::string::npos);
  }
  CHECK(base_url("https://anything").value() == "https://anything");
}

TEST_CASE("percent_encode matches encodeURIComponent", "[requests]") {
  CHECK(percent_encode("auth0|abc") == "auth0%7Cabc");
  CHECK(percent_encode("google-oauth2|1234567890") == "google-oauth2%7C1234567890");
  CHECK(percent_encode("A-Za-z0-9-_.!~*'()") == "A-Za-z0-9-_.!~*'()");
  CHECK(percent_encode("a b/c?d#e&f=g+h%i") == "a%20b%2Fc%3Fd%23e%26f%3Dg%2Bh%25i");
  CHECK(percent_encode("../admin") == "..%2Fadmin");
  CHECK(percent_encode("josé") == "jos%C3%A9");                 // UTF-8 bytes, upper-case hex
  CHECK(percent_encode("用户") == "%E7%94%A8%E6%88%B7");
  CHECK(percent_encode("\xF0\x9F\x98\x80") == "%F0%9F%98%80");   // U+1F600, four bytes
  CHECK(percent_encode(std::string("a\0b", 3)) == "a%00b");
  CHECK(percent_encode("") == "");
}

TEST_CASE("userinfo is a GET carrying the token in the Authorization header", "[requests]") {
  const HttpRequest request = metalock::userinfo_request(kBase, "eyJ.token.sig");
  CHECK(request.method == "GET");
  CHECK(request.url == "https://tenant.auth0.com/userinfo");
  CHECK(header(request, "Authorization") == "Bearer eyJ.token.sig");
  CHECK(header(request, "Accept") == "application/json");
  CHECK(header(request, "Content-Type") == "(absent)");
  CHECK(request.body.empty());
  CHECK(request.url.find("eyJ") == std::string::npos);
}

TEST_CASE("no Authorization header without a token", "[requests]") {
  CHECK(header(metalock::userinfo_request(kBase, ""), "Authorization") == "(absent)");
}

TEST_CASE("password-realm login posts Auth0's grant as JSON", "[requests]") {
  metalock::PasswordRealmGrant grant{"metalock-demo", "jane@example.com", "S3cret!pass",
                                     "Username-Password-Authentication", "https://tenant.auth0.com/api/v2/",
                                     "openid profile email offline_access"};
  const HttpRequest request = metalock::password_realm_request(kBase + "/", grant);
  CHECK(request.method == "POST");
  CHECK(request.url == "https://tenant.auth0.com/oauth/token");
  CHECK(header(request, "Content-Type") == "application/json");
  CHECK(header(request, "Accept") == "application/json");
  CHECK(header(request, "Authorization") == "(absent)");
  CHECK(body_of(request) == Json({{"grant_type", "http://auth0.com/oauth/grant-type/password-realm"},
                                  {"client_id", "metalock-demo"},
                                  {"username", "jane@example.com"},
                                  {"password", "S3cret!pass"},
                                  {"realm", "Username-Password-Authentication"},
                                  {"audience", "https://tenant.auth0.com/api/v2/"},
                                  {"scope", "openid profile email offline_access"}}));
  CHECK(request.url.find("S3cret") == std::string::npos);

  grant.audience.clear();
  grant.scope.clear();
  const Json minimal = body_of(metalock::password_realm_request(kBase, grant));
  CHECK_FALSE(minimal.contains("audience"));
  CHECK_FALSE(minimal.contains("scope"));
  CHECK(minimal.size() == 5);
}

TEST_CASE("refresh posts the refresh_token grant", "[requests]") {
  const HttpRequest request = metalock::refresh_token_request(kBase, "metalock-demo", "v1.rt", "openid profile");
  CHECK(request.method == "POST");
  CHECK(request.url == "https://tenant.auth0.com/oauth/token");
  CHECK(body_of(request) == Json({{"grant_type", "refresh_token"},
                                  {"client_id", "metalock-demo"},
                                  {"refresh_token", "v1.rt"},
                                  {"scope", "openid profile"}}));
  CHECK_FALSE(body_of(metalock::refresh_token_request(kBase, "c", "rt")).contains("scope"));
}

TEST_CASE("signup posts the body as given", "[requests]") {
  const Json body = {{"client_id", "metalock-demo"},
                     {"connection", "Username-Password-Authentication"},
                     {"email", "jane@example.com"},
                     {"password", "S3cret!pass"},
                     {"user_metadata", {{"plan", "pro"}}}};
  const HttpRequest request = metalock::signup_request("http://127.0.0.1:3000", body);
  CHECK(request.method == "POST");
  CHECK(request.url == "http://127.0.0.1:3000/dbconnections/signup");
  CHECK(header(request, "Content-Type") == "application/json");
  CHECK(header(request, "Authorization") == "(absent)");
  CHECK(body_of(request) == body);
}

TEST_CASE("Management API user requests percent-encode the id", "[requests]") {
  const HttpRequest get = metalock::get_user_request(kBase, "auth0|655396f1", "mgmt-token").value();
  CHECK(get.method == "GET");
  CHECK(get.url == "https://tenant.auth0.com/api/v2/users/auth0%7C655396f1");
  CHECK(header(get, "Authorization") == "Bearer mgmt-token");
  CHECK(header(get, "Accept") == "application/json");
  CHECK(get.body.empty());

  const Json patch = {{"user_metadata", {{"color", "blue"}, {"old", nullptr}}}};
  const HttpRequest update =
      metalock::patch_user_request(kBase, "auth0|655396f1/../../clients", patch, "mgmt-token").value();
  CHECK(update.method == "PATCH");
  CHECK(update.url == "https://tenant.auth0.com/api/v2/users/auth0%7C655396f1%2F..%2F..%2Fclients");
  CHECK(header(update, "Content-Type") == "application/json");
  CHECK(header(update, "Authorization") == "Bearer mgmt-token");
  CHECK(body_of(update) == patch);   // null survives: it deletes the key on the server
}

TEST_CASE("Management API user requests refuse an empty id rather than address the users list", "[requests]") {
  const Json patch = {{"user_metadata", {{"color", "blue"}}}};
  // "." and "..": fetch's URL parser resolves /api/v2/users/. to the list and .. to /api/v2/
  // (and %2E likewise), so they are refused as the empty id is.
  for (const char* id : {"", ".", ".."}) {
    INFO("user id '" << id << "'");
    for (const auto& result : {metalock::get_user_request(kBase, id, "mgmt-token"),
                               metalock::patch_user_request(kBase, id, patch, "mgmt-token")}) {
      REQUIRE_FALSE(result);
      CHECK(result.error().code == metalock::code::invalid_argument);
      CHECK(result.error().field == "user_id");
    }
  }
  // Anything else stays one path segment once encoded, some user's id, never another endpoint.
  CHECK(metalock::get_user_request(kBase, " ", "t").value().url == "https://tenant.auth0.com/api/v2/users/%20");
  CHECK(metalock::get_user_request(kBase, "/", "t").value().url == "https://tenant.auth0.com/api/v2/users/%2F");
  CHECK(metalock::get_user_request(kBase, "%2E", "t").value().url == "https://tenant.auth0.com/api/v2/users/%252E");
  CHECK(metalock::patch_user_request(kBase, "...", patch, "t").value().url ==
        "https://tenant.auth0.com/api/v2/users/...");
}

TEST_CASE("jwks_request fetches the issuer's keys with no token", "[requests]") {
  const auto request = metalock::jwks_request("https://tenant.auth0.com");
  CHECK(request.method == "GET");
  CHECK(request.url == "https://tenant.auth0.com/.well-known/jwks.json");
  for (const auto& [name, value] : request.headers) CHECK(name != "Authorization");
}

TEST_CASE("requests: a metadata PATCH is described only for a patch its policy allows", "[requests]") {
  metalock::PatchPolicy policy;
  policy.scope = "update:current_user_metadata";
  policy.subject = "auth0|1";
  policy.user_id = "auth0|1";
  const Json patch = Json::parse(R"({"user_metadata":{"theme":"dark"}})");
  auto request = metalock::metadata_patch_request(kBase, "auth0|1", patch, "mgmt-token", policy);
  REQUIRE(request);
  CHECK(request.value().method == "PATCH");
  CHECK(Json::parse(request.value().body) == patch);

  auto dotted = metalock::metadata_patch_request(kBase, "auth0|1", Json::parse(R"({"user_metadata":{"a.b":1}})"),
                                                 "mgmt-token", policy);
  REQUIRE_FALSE(dotted);
  CHECK(dotted.error().field == "user_metadata.a.b");

  metalock::PatchPolicy other_user = policy;
  other_user.user_id = "auth0|2";
  auto foreign = metalock::metadata_patch_request(kBase, "auth0|2", patch, "mgmt-token", other_user);
  REQUIRE_FALSE(foreign);
  CHECK(foreign.error().code == metalock::code::insufficient_scope);

  auto clear = metalock::metadata_patch_request(kBase, "auth0|1", Json::parse(R"({"user_metadata":{}})"), "t", policy);
  REQUIRE_FALSE(clear);
}
