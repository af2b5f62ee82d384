// baseUrl, the request builders and parseResponse: requests.hpp / responses.hpp.
// A request crosses as {method, url, headers: {name: value}, body}.
#include "envelope.hpp"
#include "patch_policy.hpp"
#include "request_envelope.hpp"
#include "metalock/requests.hpp"
#include "metalock/responses.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {

std::string request_envelope(const HttpRequest& request) {
  return ok_envelope(json_object({{"method", request.method},
                                  {"url", request.url},
                                  {"headers", header_object(request.headers)},
                                  {"body", request.body}}));
}

std::string request_envelope(const Result<HttpRequest>& request) {
  return request ? request_envelope(request.value()) : error_envelope(request.error());
}

namespace {

std::string base(TextAddress domain_at, std::size_t domain_size) {
  return envelope(base_url(adopt_text(domain_at, domain_size)));
}

std::string userinfo(TextAddress base_at, std::size_t base_size, TextAddress token_at, std::size_t token_size) {
  const std::string base = adopt_text(base_at, base_size);
  return request_envelope(userinfo_request(base, adopt_text(token_at, token_size)));
}

std::string jwks(TextAddress base_at, std::size_t base_size) {
  return request_envelope(jwks_request(adopt_text(base_at, base_size)));
}

// grant: {clientId, username, password, realm, audience?, scope?}
std::string password_realm(TextAddress base_at, std::size_t base_size, TextAddress grant_at, std::size_t grant_size) {
  const std::string base = adopt_text(base_at, base_size);
  auto grant = adopt_json(grant_at, grant_size);
  if (!grant) return error_envelope(grant.error());
  const Json& g = grant.value();
  return request_envelope(password_realm_request(
      base, {string_option(g, "clientId"), string_option(g, "username"), string_option(g, "password"),
             string_option(g, "realm"), string_option(g, "audience"), string_option(g, "scope")}));
}

// options: {clientId, refreshToken, scope?}
std::string refresh(TextAddress base_at, std::size_t base_size, TextAddress options_at, std::size_t options_size) {
  const std::string base = adopt_text(base_at, base_size);
  auto options = adopt_json(options_at, options_size);
  if (!options) return error_envelope(options.error());
  const Json& o = options.value();
  return request_envelope(refresh_token_request(base, string_option(o, "clientId"),
                                                string_option(o, "refreshToken"), string_option(o, "scope")));
}

std::string signup(TextAddress base_at, std::size_t base_size, TextAddress body_at, std::size_t body_size) {
  const std::string base = adopt_text(base_at, base_size);
  auto body = adopt_json(body_at, body_size);
  if (!body) return error_envelope(body.error());
  return request_envelope(signup_request(base, body.value()));
}

std::string get_user(TextAddress base_at, std::size_t base_size, TextAddress user_at, std::size_t user_size,
                     TextAddress token_at, std::size_t token_size) {
  const std::string base = adopt_text(base_at, base_size);
  const std::string user_id = adopt_text(user_at, user_size);
  return request_envelope(get_user_request(base, user_id, adopt_text(token_at, token_size)));
}

// policy: patch_policy.hpp's options; the patch is validated against it before it is described.
std::string patch_user(TextAddress base_at, std::size_t base_size, TextAddress user_at, std::size_t user_size,
                       TextAddress patch_at, std::size_t patch_size, TextAddress token_at, std::size_t token_size,
                       TextAddress policy_at, std::size_t policy_size) {
  const std::string base = adopt_text(base_at, base_size);
  const std::string user_id = adopt_text(user_at, user_size);
  const std::string token = adopt_text(token_at, token_size);
  auto use = [&](const Json& patch, const Json& policy) {
    return request_envelope(metadata_patch_request(base, user_id, patch, token, patch_policy(policy)));
  };
  return with_json(use, adopt_json(patch_at, patch_size), adopt_json(policy_at, policy_size));
}

// headers: {name: value}; the parsed 2xx body (null when empty) or the normalized error.
std::string parse_response(int status, TextAddress headers_at, std::size_t headers_size, TextAddress body_at,
                           std::size_t body_size) {
  auto headers = adopt_json(headers_at, headers_size);
  std::string body = adopt_text(body_at, body_size);
  if (!headers) return error_envelope(headers.error());
  return envelope(parse_http_response({status, header_pairs(headers.value()), std::move(body)}));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_http) {
  emscripten::function("baseUrl", metalock::wasm::returns_text<&metalock::wasm::base>);
  emscripten::function("userinfoRequest", metalock::wasm::returns_text<&metalock::wasm::userinfo>);
  emscripten::function("jwksRequest", metalock::wasm::returns_text<&metalock::wasm::jwks>);
  emscripten::function("passwordRealmRequest", metalock::wasm::returns_text<&metalock::wasm::password_realm>);
  emscripten::function("refreshTokenRequest", metalock::wasm::returns_text<&metalock::wasm::refresh>);
  emscripten::function("signupRequest", metalock::wasm::returns_text<&metalock::wasm::signup>);
  emscripten::function("getUserRequest", metalock::wasm::returns_text<&metalock::wasm::get_user>);
  emscripten::function("patchUserRequest", metalock::wasm::returns_text<&metalock::wasm::patch_user>);
  emscripten::function("parseResponse", metalock::wasm::returns_text<&metalock::wasm::parse_response>);
}
