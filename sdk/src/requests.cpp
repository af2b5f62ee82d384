// Request descriptions for the Auth0 endpoints. Tokens travel only in headers and bodies,
// never in URLs, where proxies and browser history would keep them.
#include "metalock/requests.hpp"

#include <algorithm>
#include <cctype>

namespace metalock {
namespace {

Error invalid_domain(std::string_view domain, const std::string& why) {
  return Error::make(code::invalid_argument, "Invalid domain '" + std::string(domain) + "': " + why, "domain");
}

bool starts_with_ci(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

// ASCII only, whatever the C locale says about bytes above 127.
bool is_ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_host_char(char c) { return is_ascii_alnum(c) || c == '-' || c == '.' || c == '_'; }

// host, host:port, [v6]:port. No userinfo: "user@host" is a phishing shape, never a tenant.
bool is_valid_authority(std::string_view authority) {
  std::string_view host = authority;
  std::string_view port;
  if (!authority.empty() && authority.front() == '[') {
    const std::size_t close = authority.find(']');
    if (close == std::string_view::npos || close < 2) return false;
    for (char c : authority.substr(1, close - 1)) {
      const bool hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!hex && c != ':' && c != '.') return false;
    }
    const std::string_view rest = authority.substr(close + 1);
    if (!rest.empty() && rest.front() != ':') return false;
    port = rest.empty() ? rest : rest.substr(1);
    if (!rest.empty() && port.empty()) return false;
  } else {
    const std::size_t colon = authority.find(':');
    if (colon != std::string_view::npos) {
      host = authority.substr(0, colon);
      port = authority.substr(colon + 1);
      if (port.empty()) return false;
    }
    if (host.empty()) return false;
    for (char c : host) {
      if (!is_host_char(c)) return false;
    }
  }
  if (port.size() > 5) return false;
  unsigned long number = 0;
  for (char c : port) {
    if (c < '0' || c > '9') return false;
    number = number * 10 + static_cast<unsigned long>(c - '0');
  }
  return port.empty() || (number > 0 && number <= 65535);
}

// 127.0.0.0/8 written as four decimal octets.
bool is_ipv4_loopback(std::string_view host) {
  int octets = 0;
  std::size_t i = 0;
  while (i <= host.size()) {
    const std::size_t dot = std::min(host.find('.', i), host.size());
    const std::string_view octet = host.substr(i, dot - i);
    if (octet.empty() || octet.size() > 3) return false;
    unsigned value = 0;
    for (char c : octet) {
      if (c < '0' || c > '9') return false;
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
    if (value > 255 || (octets == 0 && value != 127)) return false;
    ++octets;
    i = dot + 1;
  }
  return octets == 4;
}

// Plain http is for a tenant on this machine only (the local tenant, a dev proxy): anywhere
// else passwords and tokens would cross a network in clear.
bool is_loopback_authority(std::string_view authority) {
  if (!authority.empty() && authority.front() == '[') {
    return authority.substr(0, authority.find(']') + 1) == "[::1]";
  }
  const std::string_view host = authority.substr(0, authority.find(':'));
  return (host.size() == 9 && starts_with_ci(host, "localhost")) || is_ipv4_loopback(host);
}

std::string join(const std::string& base, const std::string& path) {
  if (!base.empty() && base.back() == '/') return base.substr(0, base.size() - 1) + path;
  return base + path;
}

void add_authorization(HttpRequest& request, const std::string& access_token) {
  // No token: send none rather than "Bearer ", and let the server answer 401.
  if (!access_token.empty()) request.headers.emplace_back("Authorization", "Bearer " + access_token);
}

HttpRequest make_request(const char* method, std::string url) {
  HttpRequest request;
  request.method = method;
  request.url = std::move(url);
  request.headers.emplace_back("Accept", "application/json");
  return request;
}

HttpRequest json_request(const char* method, std::string url, const Json& body) {
  HttpRequest request = make_request(method, std::move(url));
  request.headers.emplace_back("Content-Type", "application/json");
  request.body = dump_json(body);
  return request;
}

// An empty id would address /api/v2/users/, the users list. "." and ".." would too, or
// /api/v2/: URL parsers (WHATWG, so fetch) resolve them as dot-segments, and so they do
// %2E, so no encoding can carry them. No Auth0 user id ("provider|id") is either.
Result<std::string> user_url(const std::string& base, const std::string& user_id) {
  if (user_id.empty() || user_id == "." || user_id == "..") {
    return Error::make(code::invalid_argument,
                       "Invalid user id '" + user_id + "': it would address another endpoint than one user",
                       "user_id");
  }
  return join(base, "/api/v2/users/" + percent_encode(user_id));
}

}  // namespace

Result<std::string> base_url(std::string_view domain) {
  while (!domain.empty() && std::isspace(static_cast<unsigned char>(domain.front()))) domain.remove_prefix(1);
  while (!domain.empty() && std::isspace(static_cast<unsigned char>(domain.back()))) domain.remove_suffix(1);
  if (domain.empty()) return invalid_domain(domain, "it is empty");

  std::string scheme = "https";
  std::string_view rest = domain;
  if (starts_with_ci(domain, "https://")) {
    rest.remove_prefix(8);
  } else if (starts_with_ci(domain, "http://")) {
    scheme = "http";
    rest.remove_prefix(7);
  } else if (domain.find("://") != std::string_view::npos) {
    return invalid_domain(domain, "only http and https are supported");
  }

  const std::size_t end = rest.find_first_of("/?#");
  const std::string_view authority = rest.substr(0, end);
  const std::string_view tail = end == std::string_view::npos ? std::string_view() : rest.substr(end);
  if (!tail.empty() && tail != "/") return invalid_domain(domain, "a path, query or fragment is not allowed");
  if (!is_valid_authority(authority)) return invalid_domain(domain, "not a host[:port]");
  if (scheme == "http" && !is_loopback_authority(authority)) {
    return invalid_domain(domain,
                          "http:// is allowed for loopback hosts only (localhost, 127.0.0.0/8, [::1]); anywhere else "
                          "passwords and tokens would cross the network unencrypted: use https://");
  }
  return scheme + "://" + std::string(authority);
}

std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  static constexpr std::string_view kUnreservedMarks = "-_.!~*'()";
  std::string out;
  out.reserve(text.size() * 3);
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (is_ascii_alnum(c) || kUnreservedMarks.find(c) != std::string_view::npos) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 15];
    }
  }
  return out;
}

HttpRequest userinfo_request(const std::string& base, const std::string& access_token) {
  HttpRequest request = make_request("GET", join(base, "/userinfo"));
  add_authorization(request, access_token);
  return request;
}

HttpRequest jwks_request(const std::string& base) { return make_request("GET", join(base, "/.well-known/jwks.json")); }

HttpRequest password_realm_request(const std::string& base, const PasswordRealmGrant& grant) {
  Json body = json_object({{"grant_type", "http://auth0.com/oauth/grant-type/password-realm"},
                          {"client_id", grant.client_id},
                          {"username", grant.username},
                          {"password", grant.password},
                          {"realm", grant.realm}});
  if (!grant.audience.empty()) body["audience"] = grant.audience;
  if (!grant.scope.empty()) body["scope"] = grant.scope;
  return json_request("POST", join(base, "/oauth/token"), body);
}

HttpRequest refresh_token_request(const std::string& base, const std::string& client_id,
                                  const std::string& refresh_token, const std::string& scope) {
  Json body = json_object({{"grant_type", "refresh_token"}, {"client_id", client_id}, {"refresh_token", refresh_token}});
  if (!scope.empty()) body["scope"] = scope;
  return json_request("POST", join(base, "/oauth/token"), body);
}

HttpRequest signup_request(const std::string& base, const Json& body) {
  return json_request("POST", join(base, "/dbconnections/signup"), body);
}

Result<HttpRequest> get_user_request(const std::string& base, const std::string& user_id,
                                     const std::string& access_token) {
  auto url = user_url(base, user_id);
  if (!url) return url.error();
  HttpRequest request = make_request("GET", std::move(url).value());
  add_authorization(request, access_token);
  return request;
}

Result<HttpRequest> patch_user_request(const std::string& base, const std::string& user_id, const Json& patch,
                                       const std::string& access_token) {
  auto url = user_url(base, user_id);
  if (!url) return url.error();
  HttpRequest request = json_request("PATCH", std::move(url).value(), patch);
  add_authorization(request, access_token);
  return request;
}

Result<HttpRequest> metadata_patch_request(const std::string& base, const std::string& user_id, const Json& patch,
                                           const std::string& access_token, const PatchPolicy& policy) {
  if (auto allowed = validate_patch(patch, policy); !allowed) return allowed.error();
  return patch_user_request(base, user_id, patch, access_token);
}

Result<HttpRequest> delete_multifactor_request(const std::string& base, const std::string& user_id,
                                               const std::string& provider, const std::string& access_token) {
  auto url = user_url(base, user_id);
  if (!url) return url.error();
  HttpRequest request = make_request("DELETE", std::move(url).value() + "/multifactor/" + percent_encode(provider));
  add_authorization(request, access_token);
  return request;
}

}  // namespace metalock
