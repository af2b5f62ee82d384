// JWT decoding and the ID-token claim checks (OIDC Core 3.1.3.7), worded like auth0-spa-js's `verify`.
#include "metalock/jwt.hpp"

namespace metalock {
namespace {

Error invalid_token(const std::string& description) {
  return Error::make(code::invalid_token, description);
}

Result<Json> decode_json_segment(std::string_view segment, const char* name) {
  auto bytes = base64url_decode(segment);
  if (!bytes) return invalid_token(std::string("ID token ") + name + " is not base64url");
  auto doc = parse_json(bytes.value());
  if (!doc || !doc.value().is_object()) {
    return invalid_token(std::string("ID token ") + name + " is not a JSON object");
  }
  return std::move(doc).value();
}

const Json* claim(const Json& payload, const char* name) {
  auto it = payload.find(name);
  return it == payload.end() ? nullptr : &*it;
}

bool is_string_equal(const Json* value, const std::string& expected) {
  return value && value->is_string() && value->get_ref<const std::string&>() == expected;
}

// Claims are JSON numbers (possibly fractional); the comparison is done in doubles, which
// hold every epoch second exactly.
double seconds(const Json& value) { return value.get<double>(); }

std::string quoted(const Json* value) {
  if (!value) return "(none)";
  return value->is_string() ? "\"" + value->get<std::string>() + "\"" : dump_json(*value);
}

Status check_audience(const Json& payload, const std::string& expected) {
  const Json* aud = claim(payload, "aud");
  if (aud && aud->is_string()) {
    if (aud->get_ref<const std::string&>() == expected) return ok_status();
    return Error::make(code::invalid_audience, "Audience (aud) claim mismatch in the ID token; expected \"" +
                                                   expected + "\" but found " + quoted(aud));
  }
  if (!aud || !aud->is_array() || aud->empty()) {
    return Error::make(code::invalid_audience,
                       "Audience (aud) claim must be a string or array of strings present in the ID token");
  }
  bool found = false;
  for (const Json& value : *aud) found = found || is_string_equal(&value, expected);
  if (!found) {
    return Error::make(code::invalid_audience, "Audience (aud) claim mismatch in the ID token; expected \"" +
                                                   expected + "\" but was not one of " + dump_json(*aud));
  }
  if (aud->size() > 1) {
    // Several audiences: only the authorized party may use the token (OIDC Core 3.1.3.7 #4-5).
    const Json* azp = claim(payload, "azp");
    if (!azp || !azp->is_string()) {
      return Error::make(code::invalid_azp,
                         "Authorized Party (azp) claim must be a string present in the ID token when "
                         "Audience (aud) claim has multiple values");
    }
    if (!is_string_equal(azp, expected)) {
      return Error::make(code::invalid_azp, "Authorized Party (azp) claim mismatch in the ID token; expected \"" +
                                                expected + "\", found " + quoted(azp));
    }
  }
  return ok_status();
}

}  // namespace

Result<DecodedJwt> decode_jwt(std::string_view token) {
  const std::size_t first = token.find('.');
  const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return invalid_token("ID token could not be decoded: expected three dot-separated parts");
  }
  const std::string_view header = token.substr(0, first);
  const std::string_view payload = token.substr(first + 1, second - first - 1);
  const std::string_view signature = token.substr(second + 1);
  // An empty signature is an unsigned ("alg":"none") token; Auth0's SDKs refuse those.
  if (header.empty() || payload.empty() || signature.empty()) {
    return invalid_token("ID token could not be decoded: a part is empty");
  }
  DecodedJwt decoded;
  auto header_json = decode_json_segment(header, "header");
  if (!header_json) return header_json.error();
  auto payload_json = decode_json_segment(payload, "payload");
  if (!payload_json) return payload_json.error();
  auto signature_bytes = base64url_decode(signature);
  if (!signature_bytes) return invalid_token("ID token signature is not base64url");
  decoded.header = std::move(header_json).value();
  decoded.payload = std::move(payload_json).value();
  decoded.signing_input = std::string(token.substr(0, second));
  decoded.signature = std::move(signature_bytes).value();
  return decoded;
}

Result<Json> verify_id_token_claims(std::string_view token, const IdTokenExpectations& expect) {
  if (token.empty()) return invalid_token("ID token is required but missing");
  auto decoded = decode_jwt(token);
  if (!decoded) return decoded.error();
  const Json& payload = decoded.value().payload;

  const Json* iss = claim(payload, "iss");
  if (!iss || !iss->is_string()) {
    return Error::make(code::invalid_issuer, "Issuer (iss) claim must be a string present in the ID token");
  }
  if (!is_string_equal(iss, expect.issuer)) {
    return Error::make(code::invalid_issuer, "Issuer (iss) claim mismatch in the ID token; expected \"" +
                                                 expect.issuer + "\", found " + quoted(iss));
  }

  const Json* sub = claim(payload, "sub");
  if (!sub || !sub->is_string() || sub->get_ref<const std::string&>().empty()) {
    return invalid_token("Subject (sub) claim must be a string present in the ID token");
  }

  if (auto audience = check_audience(payload, expect.audience); !audience) return audience.error();

  // From here on the order of OIDC Core 3.1.3.7 (exp, iat, then nonce, then auth_time), which
  // the conformance vectors pin down; auth0-spa-js checks the nonce before the times.
  const double now = static_cast<double>(expect.now);
  const double leeway = static_cast<double>(expect.leeway);
  const Json* exp = claim(payload, "exp");
  if (!exp || !exp->is_number()) {
    return invalid_token("Expiration Time (exp) claim must be a number present in the ID token");
  }
  if (now > seconds(*exp) + leeway) {
    return Error::make(code::token_expired,
                       "Expiration Time (exp) claim error in the ID token; current time (" +
                           std::to_string(expect.now) + ") is after expiration time (" + dump_json(*exp) +
                           ") plus leeway (" + std::to_string(expect.leeway) + "s)");
  }
  const Json* iat = claim(payload, "iat");
  if (!iat || !iat->is_number()) {
    return invalid_token("Issued At (iat) claim must be a number present in the ID token");
  }
  // A present but non-numeric nbf is ignored, as auth0-spa-js does.
  const Json* nbf = claim(payload, "nbf");
  if (nbf && nbf->is_number() && now < seconds(*nbf) - leeway) {
    return Error::make(code::token_not_yet_valid,
                       "Not Before time (nbf) claim in the ID token indicates that this token can't be used "
                       "just yet; current time (" +
                           std::to_string(expect.now) + ") is before " + dump_json(*nbf) + " minus leeway (" +
                           std::to_string(expect.leeway) + "s)");
  }

  // Like auth0-spa-js, an empty expected nonce means none was sent.
  if (expect.nonce && !expect.nonce->empty()) {
    const Json* nonce = claim(payload, "nonce");
    if (!nonce || !nonce->is_string()) {
      return Error::make(code::invalid_nonce, "Nonce (nonce) claim must be a string present in the ID token");
    }
    if (!is_string_equal(nonce, *expect.nonce)) {
      return Error::make(code::invalid_nonce, "Nonce (nonce) claim mismatch in the ID token; expected \"" +
                                                  *expect.nonce + "\", found " + quoted(nonce));
    }
  }

  if (expect.max_age) {
    const Json* auth_time = claim(payload, "auth_time");
    if (!auth_time || !auth_time->is_number()) {
      return invalid_token(
          "Authentication Time (auth_time) claim must be a number present in the ID token when Max Age "
          "(max_age) is specified");
    }
    if (now > seconds(*auth_time) + static_cast<double>(*expect.max_age) + leeway) {
      return Error::make(code::auth_time_too_old,
                         "Authentication Time (auth_time) claim in the ID token indicates that too much time "
                         "has passed since the last end-user authentication; current time (" +
                             std::to_string(expect.now) + ") is after " + dump_json(*auth_time) +
                             " plus max_age (" + std::to_string(*expect.max_age) + "s) and leeway (" +
                             std::to_string(expect.leeway) + "s)");
    }
  }
  return payload;
}

}  // namespace metalock
