// Response handling over the error bodies Auth0 documents and actually sends.
#include "metalock/responses.hpp"

#include <catch2/catch.hpp>

using metalock::Error;
using metalock::HttpResponse;
using metalock::Json;
using metalock::normalize_http_error;
using metalock::parse_http_response;

namespace {

HttpResponse response(int status, std::string body,
                      std::vector<std::pair<std::string, std::string>> headers = {}) {
  return {status, std::move(headers), std::move(body)};
}

HttpResponse json_response(int status, const Json& body) {
  return response(status, body.dump(), {{"Content-Type", "application/json; charset=utf-8"}});
}

// A JSON error body normalizes to `code` and `description` and keeps its status and itself.
void check_normalized(int status, const Json& body, const std::string& code, const std::string& description) {
  const Error e = normalize_http_error(json_response(status, body));
  CHECK(e.code == code);
  CHECK(e.description == description);
  CHECK(e.status_code == status);
  CHECK(e.original == body);
}

// PasswordStrengthError as /dbconnections/signup sends it for the "fair" policy.
const char* kPasswordStrengthError =
    R"j({"name":"PasswordStrengthError","message":"Password is too weak","code":"invalid_password",)j"
    R"j("description":{"rules":[{"message":"At least %d characters in length","format":[8],)j"
    R"j("code":"lengthAtLeast","verified":false},{"message":"Contain at least %d of the following %d types )j"
    R"j(of characters:","code":"containsAtLeast","format":[3,4],"items":[{"message":"lower case letters (a-z)",)j"
    R"j("code":"lowerCase","verified":true},{"message":"upper case letters (A-Z)","code":"upperCase",)j"
    R"j("verified":false},{"message":"numbers (i.e. 0-9)","code":"numbers","verified":false},)j"
    R"j({"message":"special characters (e.g. !@#$%^&*)","code":"specialCharacters","verified":false}],)j"
    R"j("verified":false}],"verified":false},"policy":"* At least 8 characters in length\n* Contain at least )j"
    R"j(3 of the following 4 types of characters:\n * lower case letters (a-z)\n * upper case letters (A-Z)\n)j"
    R"j( * numbers (i.e. 0-9)\n * special characters (e.g. !@#$%^&*)","statusCode":400})j";

}  // namespace

TEST_CASE("Management API errors keep errorCode and message", "[responses]") {
  check_normalized(404,
                   {{"statusCode", 404}, {"error", "Not Found"}, {"message", "The user does not exist."},
                    {"errorCode", "inexistent_user"}},
                   "inexistent_user", "The user does not exist.");

  const Error scope = normalize_http_error(json_response(
      403, {{"statusCode", 403}, {"error", "Forbidden"}, {"message", "Insufficient scope, expected any of: update:users"},
            {"errorCode", "insufficient_scope"}}));
  CHECK(scope.code == "insufficient_scope");
  CHECK(scope.description == "Insufficient scope, expected any of: update:users");

  const Error invalid = normalize_http_error(json_response(
      400, {{"statusCode", 400}, {"error", "Bad Request"},
            {"message", "Payload validation error: 'Expected type object but found type string' on property user_metadata."},
            {"errorCode", "invalid_body"}}));
  CHECK(invalid.code == "invalid_body");
  CHECK(invalid.description.find("on property user_metadata") != std::string::npos);
}

TEST_CASE("Management API errors without errorCode get the status's code", "[responses]") {
  const Json body = {{"statusCode", 401}, {"error", "Unauthorized"}, {"message", "Invalid token"},
                     {"attributes", {{"error", "Invalid token"}}}};
  const Error e = normalize_http_error(json_response(401, body));
  CHECK(e.code == "unauthorized");   // "Unauthorized" is a reason phrase, not a code
  CHECK(e.description == "Invalid token");
  CHECK(e.original == body);

  const Error limited = normalize_http_error(json_response(
      429, {{"statusCode", 429}, {"error", "Too Many Requests"}, {"message", "Global limit has been reached"}}));
  CHECK(limited.code == "too_many_requests");
  CHECK(limited.description == "Global limit has been reached");
}

TEST_CASE("Authentication API errors use error and error_description", "[responses]") {
  check_normalized(403, {{"error", "invalid_grant"}, {"error_description", "Wrong email or password."}},
                   "invalid_grant", "Wrong email or password.");

  const Error attempts = normalize_http_error(json_response(
      429, {{"error", "too_many_attempts"},
            {"error_description", "Your account has been blocked after multiple consecutive login attempts."}}));
  CHECK(attempts.code == "too_many_attempts");

  const Error bare = normalize_http_error(json_response(401, {{"error", "access_denied"}}));
  CHECK(bare.code == "access_denied");
  CHECK(bare.description == "access_denied");
}

TEST_CASE("signup errors use code and description", "[responses]") {
  const Error exists = normalize_http_error(json_response(
      400, {{"name", "BadRequestError"}, {"code", "user_exists"}, {"description", "The user already exists."},
            {"statusCode", 400}}));
  CHECK(exists.code == "user_exists");
  CHECK(exists.description == "The user already exists.");

  const Error invalid = normalize_http_error(json_response(
      400, {{"name", "BadRequestError"}, {"code", "invalid_signup"}, {"description", "Invalid sign up"},
            {"statusCode", 400}}));
  CHECK(invalid.code == "invalid_signup");
  CHECK(invalid.description == "Invalid sign up");

  const Error common = normalize_http_error(json_response(
      400, {{"name", "PasswordDictionaryError"}, {"message", "Password is too common"}, {"code", "invalid_password"},
            {"description", "Password is too common"}, {"statusCode", 400}}));
  CHECK(common.code == "invalid_password");
  CHECK(common.description == "Password is too common");
}

TEST_CASE("PasswordStrengthError gets a readable description and keeps its rules", "[responses]") {
  const Error e = normalize_http_error(response(400, kPasswordStrengthError));
  CHECK(e.code == "invalid_password");
  CHECK(e.description ==
        "Password is too weak: At least 8 characters in length; Contain at least 3 of the following 4 types of "
        "characters: lower case letters (a-z), upper case letters (A-Z), numbers (i.e. 0-9), special characters "
        "(e.g. !@#$%^&*)");
  CHECK(e.original["description"]["rules"].size() == 2);
  CHECK(e.original["policy"].get<std::string>().rfind("* At least 8 characters in length", 0) == 0);
  CHECK(e.status_code == 400);
}

TEST_CASE("PasswordStrengthError lists only the failed rules and fills %s too", "[responses]") {
  const Json body = {
      {"name", "PasswordStrengthError"},
      {"message", "Password is too weak"},
      {"code", "invalid_password"},
      {"description",
       {{"rules",
         {{{"message", "At least %d characters in length"}, {"format", {10}}, {"code", "lengthAtLeast"}, {"verified", true}},
          {{"message", "No more than %d identical characters in a row (e.g., \"%s\" not allowed)"},
           {"format", {2, "aaa"}},
           {"code", "identicalChars"},
           {"verified", false}}}},
        {"verified", false}}},
      {"statusCode", 400}};
  const Error e = normalize_http_error(json_response(400, body));
  CHECK(e.description ==
        "Password is too weak: No more than 2 identical characters in a row (e.g., \"aaa\" not allowed)");

  Json odd = body;
  odd["description"] = {{"rules", "not an array"}};
  odd.erase("message");
  CHECK(normalize_http_error(json_response(400, odd)).description == "Password is too weak");
}

TEST_CASE("/userinfo 401: plain body, reason in WWW-Authenticate", "[responses]") {
  const Error e = normalize_http_error(response(
      401, "Unauthorized",
      {{"www-authenticate",
        R"(Bearer realm="Auth0", error="invalid_token", error_description="The access token expired")"}}));
  CHECK(e.code == "invalid_token");
  CHECK(e.description == "The access token expired");
  CHECK(e.status_code == 401);
  CHECK(e.original == "Unauthorized");

  const Error plain = normalize_http_error(response(401, "Unauthorized", {{"WWW-Authenticate", "Bearer realm=\"Auth0\""}}));
  CHECK(plain.code == "unauthorized");
  CHECK(plain.description == "Unauthorized");

  const Error escaped = normalize_http_error(response(
      401, "", {{"WWW-AUTHENTICATE", R"(Bearer error=invalid_token, error_description="bad \"kid\", sorry")"}}));
  CHECK(escaped.code == "invalid_token");
  CHECK(escaped.description == "bad \"kid\", sorry");
}

TEST_CASE("bodies without a code get the status's code and the text as description", "[responses]") {
  Error e = normalize_http_error(response(429, ""));
  CHECK(e.code == "too_many_requests");
  CHECK(e.description == "Too Many Requests");
  CHECK(e.original == "");

  e = normalize_http_error(response(502, "<html><body>Bad gateway</body></html>\n"));
  CHECK(e.code == "server_error");
  CHECK(e.description == "<html><body>Bad gateway</body></html>");
  CHECK(e.original == "<html><body>Bad gateway</body></html>\n");

  CHECK(normalize_http_error(response(503, "")).code == "server_error");
  CHECK(normalize_http_error(response(400, "oops")).code == "bad_request");
  CHECK(normalize_http_error(response(403, "")).code == "forbidden");
  CHECK(normalize_http_error(response(404, "Cannot GET /nope")).code == "not_found");
  CHECK(normalize_http_error(response(418, "")).code == "http_error");
  CHECK(normalize_http_error(response(418, "")).description == "Request failed with HTTP status 418");
  CHECK(normalize_http_error(response(0, "")).code == "http_error");

  const Error quoted = normalize_http_error(response(500, "\"Something broke\""));
  CHECK(quoted.description == "Something broke");
  CHECK(quoted.original == "Something broke");

  const Error array = normalize_http_error(response(500, "[1,2]"));
  CHECK(array.description == "Internal Server Error");
  CHECK(array.original == Json::array({1, 2}));
}

TEST_CASE("long and hostile bodies stay bounded and never crash", "[responses]") {
  std::string long_text(2000, 'x');
  long_text.replace(499, 2, "\xc3\xa9");   // a two-byte character straddling the cut
  const Error e = normalize_http_error(response(500, long_text));
  CHECK(e.description.size() <= 503);
  CHECK(e.description.substr(e.description.size() - 3) == "...");
  CHECK(e.description.find('\xc3') == std::string::npos);   // cut before the character, not inside it
  CHECK(e.original == long_text);

  const Error deep = normalize_http_error(response(400, std::string(10000, '[')));
  CHECK(deep.code == "bad_request");
  CHECK(normalize_http_error(response(400, R"({"code":5,"error":["x"],"description":7,"message":null})")).code ==
        "bad_request");
  CHECK(normalize_http_error(response(400, R"({"error":"Not Found"})")).code == "bad_request");
}

TEST_CASE("parse_http_response returns 2xx bodies and normalizes the rest", "[responses]") {
  auto ok = parse_http_response(response(200, R"({"sub":"auth0|1","email":"jane@example.com"})"));
  REQUIRE(ok);
  CHECK(ok.value()["sub"] == "auth0|1");

  auto empty = parse_http_response(response(204, ""));
  REQUIRE(empty);
  CHECK(empty.value().is_null());

  auto broken = parse_http_response(response(200, "<html>"));
  REQUIRE_FALSE(broken);
  CHECK(broken.error().code == "invalid_json");
  CHECK(broken.error().status_code == 200);

  auto deep = parse_http_response(response(200, std::string(10000, '[') + std::string(10000, ']')));
  REQUIRE_FALSE(deep);
  CHECK(deep.error().code == "too_deep");

  auto failed = parse_http_response(json_response(403, {{"error", "invalid_grant"},
                                                        {"error_description", "Wrong email or password."}}));
  REQUIRE_FALSE(failed);
  CHECK(failed.error().code == "invalid_grant");
  CHECK(failed.error().status_code == 403);
  CHECK_FALSE(parse_http_response(response(302, "")));
}
