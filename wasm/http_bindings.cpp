// baseUrl, the request builders and parseResponse: requests.hpp / responses.hpp.
// A request crosses as {method, url, headers: {name: value}, body}.
#include "envelope.hpp"
#include "metalock/requests.hpp"
#include "metalock/responses.hpp"

#include <emscripten/bind.h>

namespace metalock::wasm {
namespace {

std::string request_envelope(const HttpRequest& request) {
  return ok_envelope({{"method", request.method},
                      {"url", request.url},
                      {"headers", header_object(request.headers)},
                      {"body", request.body}});
}

std::string base(const std::string& domain) { return envelope(base_url(domain)); }

std::string userinfo(const std::string& base, const std::string& access_token) {
  return request_envelope(userinfo_request(base, access_token));
}

// grant: {clientId, username, password, realm, audience?, scope?}
std::string password_realm(const std::string& base, const std::string& grant_text) {
  auto grant = parse_argument(grant_text);
  if (!grant) return error_envelope(grant.error());
  const Json& g = grant.value();
  return request_envelope(password_realm_request(
      base, {string_option(g, "clientId"), string_option(g, "username"), string_option(g, "password"),
             string_option(g, "realm"), string_option(g, "audience"), string_option(g, "scope")}));
}

// options: {clientId, refreshToken, scope?}
std::string refresh(const std::string& base, const std::string& options_text) {
  auto options = parse_argument(options_text);
  if (!options) return error_envelope(options.error());
  const Json& o = options.value();
  return request_envelope(refresh_token_request(base, string_option(o, "clientId"),
                                                string_option(o, "refreshToken"), string_option(o, "scope")));
}

std::string signup(const std::string& base, const std::string& body_text) {
  auto body = parse_argument(body_text);
  if (!body) return error_envelope(body.error());
  return request_envelope(signup_request(base, body.value()));
}

std::string get_user(const std::string& base, const std::string& user_id, const std::string& access_token) {
  return request_envelope(get_user_request(base, user_id, access_token));
}

std::string patch_user(const std::string& base, const std::string& user_id, const std::string& patch_text,
                       const std::string& access_token) {
  auto patch = parse_argument(patch_text);
  if (!patch) return error_envelope(patch.error());
  return request_envelope(patch_user_request(base, user_id, patch.value(), access_token));
}

// headers: {name: value}; the parsed 2xx body (null when empty) or the normalized error.
std::string parse_response(int status, const std::string& headers_text, const std::string& body) {
  auto headers = parse_argument(headers_text);
  if (!headers) return error_envelope(headers.error());
  return envelope(parse_http_response({status, header_pairs(headers.value()), body}));
}

}  // namespace
}  // namespace metalock::wasm

EMSCRIPTEN_BINDINGS(metalock_http) {
  emscripten::function("baseUrl", &metalock::wasm::base);
  emscripten::function("userinfoRequest", &metalock::wasm::userinfo);
  emscripten::function("passwordRealmRequest", &metalock::wasm::password_realm);
  emscripten::function("refreshTokenRequest", &metalock::wasm::refresh);
  emscripten::function("signupRequest", &metalock::wasm::signup);
  emscripten::function("getUserRequest", &metalock::wasm::get_user);
  emscripten::function("patchUserRequest", &metalock::wasm::patch_user);
  emscripten::function("parseResponse", &metalock::wasm::parse_response);
}
