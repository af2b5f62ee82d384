// Every Auth0 error shape becomes one Error with a stable code, the server's own words as
// description, the status and the original body.
#include "metalock/responses.hpp"

#include "text.hpp"

#include <cctype>
#include <string_view>

namespace metalock {
namespace {

// Plain-text and HTML bodies can be long; a description is meant to be shown to a person.
constexpr std::size_t kMaxTextDescription = 500;

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equals_ci(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

std::string_view find_header(const HttpResponse& response, std::string_view name) {
  for (const auto& [key, value] : response.headers) {
    if (equals_ci(key, name)) return value;
  }
  return {};
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// Cuts at a UTF-8 character boundary so the description stays valid text.
std::string bounded(std::string_view text) {
  if (text.size() <= kMaxTextDescription) return std::string(text);
  std::size_t cut = kMaxTextDescription;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

const char* generic_code(int status) {
  switch (status) {
    case 400: return code::bad_request;
    case 401: return code::unauthorized;
    case 403: return code::forbidden;
    case 404: return code::not_found;
    case 429: return code::too_many_requests;
    default: return status >= 500 && status <= 599 ? code::server_error : code::http_error;
  }
}

std::string reason_phrase(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    default: return "Request failed with HTTP status " + text::decimal(status);
  }
}

std::string string_member(const Json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// The WWW-Authenticate challenge of RFC 6750 §3: `Bearer realm="x", error="invalid_token", ...`.
std::string challenge_param(std::string_view header, std::string_view wanted) {
  std::size_t i = header.find(' ');   // skip the auth scheme
  while (i != std::string_view::npos && i < header.size()) {
    while (i < header.size() && (header[i] == ' ' || header[i] == ',')) ++i;
    const std::size_t eq = header.find('=', i);
    if (eq == std::string_view::npos) return {};
    const std::string_view name = trim(header.substr(i, eq - i));
    std::string value;
    i = eq + 1;
    if (i < header.size() && header[i] == '"') {
      for (++i; i < header.size() && header[i] != '"'; ++i) {
        if (header[i] == '\\' && i + 1 < header.size()) ++i;
        value += header[i];
      }
      ++i;
    } else {
      const std::size_t end = std::min(header.find(',', i), header.size());
      value = std::string(trim(header.substr(i, end - i)));
      i = end;
    }
    if (equals_ci(name, wanted)) return value;
  }
  return {};
}

// Replaces each %d / %s of an Auth0 password rule message with the next `format` value.
std::string format_rule(const Json& rule) {
  const std::string message = string_member(rule, "message");
  const auto found = rule.find("format");
  const Json format = found != rule.end() && found->is_array() ? *found : Json::array();
  std::string out;
  std::size_t next = 0;
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '%' && i + 1 < message.size() && (message[i + 1] == 'd' || message[i + 1] == 's') &&
        next < format.size()) {
      const Json& value = format[next++];
      out += value.is_string() ? value.get<std::string>() : dump_json(value);
      ++i;
    } else {
      out += message[i];
    }
  }
  return out;
}

// PasswordStrengthError: {"rules": [{message, format, code, verified, items?}], "verified"}.
// Lists the rules the password failed; a rule's items are the choices it offers, so all are listed.
std::string password_strength_description(const Json& body, const Json& description) {
  std::string summary = string_member(body, "message");
  if (summary.empty()) summary = "Password is too weak";
  const auto rules = description.find("rules");
  if (rules == description.end() || !rules->is_array()) return summary;
  std::string failed;
  for (const Json& rule : *rules) {
    if (!rule.is_object()) continue;
    if (auto verified = rule.find("verified"); verified != rule.end() && *verified == true) continue;
    std::string text = format_rule(rule);
    if (auto items = rule.find("items"); items != rule.end() && items->is_array()) {
      std::string choices;
      for (const Json& item : *items) {
        if (!item.is_object()) continue;
        choices += (choices.empty() ? "" : ", ") + format_rule(item);
      }
      if (!choices.empty()) text += " " + choices;
    }
    if (!text.empty()) failed += (failed.empty() ? "" : "; ") + text;
  }
  return failed.empty() ? summary : summary + ": " + failed;
}

// A server code is a single token ("invalid_grant", "bad.connection"); a phrase
// ("Not Found") is a reason, not a code.
bool looks_like_code(const std::string& text) {
  if (text.empty() || text.size() > 100) return false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) < 0x20) return false;
  }
  return true;
}

// Fills code and description from a JSON object body; leaves them empty when it names none.
void read_object_body(const Json& body, Error& error) {
  const std::string error_code = string_member(body, "errorCode");
  const std::string signup_code = string_member(body, "code");
  const std::string oauth_error = string_member(body, "error");
  const std::string error_description = string_member(body, "error_description");
  const std::string message = string_member(body, "message");
  const bool management_shape = body.contains("statusCode") && body.contains("message");

  if (!error_code.empty()) {                       // Management API
    error.code = error_code;
  } else if (!signup_code.empty()) {               // /dbconnections/signup
    error.code = signup_code;
  } else if (!management_shape && looks_like_code(oauth_error)) {   // Authentication API
    error.code = oauth_error;
  }

  auto description = body.find("description");
  if (description != body.end() && description->is_object()) {
    error.description = password_strength_description(body, *description);
  } else if (description != body.end() && description->is_string()) {
    error.description = description->get<std::string>();
  } else if (!error_description.empty()) {
    error.description = error_description;
  } else if (!message.empty()) {
    error.description = message;
  } else if (!oauth_error.empty()) {
    error.description = oauth_error;
  }
}

}  // namespace

Error normalize_http_error(const HttpResponse& response) {
  Error error;
  error.status_code = response.status;
  const std::string_view text = trim(response.body);
  auto parsed = text.empty() ? Result<Json>(Error()) : parse_json_lenient(text);

  if (parsed && parsed.value().is_object()) {
    read_object_body(parsed.value(), error);
  } else if (parsed && parsed.value().is_string()) {
    error.description = bounded(trim(parsed.value().get_ref<const std::string&>()));
  } else if (!parsed) {
    error.description = bounded(text);
  }
  error.original = parsed ? std::move(parsed).value() : Json(response.body);

  // /userinfo answers 401 with a plain body; the reason is in the challenge header.
  const std::string_view challenge = find_header(response, "WWW-Authenticate");
  if (error.code.empty() && !challenge.empty()) {
    error.code = challenge_param(challenge, "error");
    const std::string detail = challenge_param(challenge, "error_description");
    if (!detail.empty()) error.description = detail;
  }
  if (error.code.empty()) error.code = generic_code(response.status);
  if (error.description.empty()) error.description = reason_phrase(response.status);
  return error;
}

Result<Json> parse_http_response(const HttpResponse& response) {
  if (response.status < 200 || response.status > 299) return normalize_http_error(response);
  if (trim(response.body).empty()) return Json();
  auto parsed = parse_json_lenient(response.body);
  if (!parsed) {
    Error error = parsed.error();
    error.status_code = response.status;
    return error;
  }
  return parsed;
}

}  // namespace metalock
