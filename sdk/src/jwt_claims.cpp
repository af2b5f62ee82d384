// The per-claim JWT checks shared by the ID-token and access-token verifiers, worded like
// auth0-spa-js's `verify` ("... claim mismatch in the ID token; expected ..., found ...").
// Decoding (jwt_claims::decode) is in jwt.cpp.
#include "jwt_claims.hpp"

#include "text.hpp"

namespace metalock::jwt_claims {

using text::concat;

namespace {

Error invalid_token(const std::string& description) { return Error::make(code::invalid_token, description); }

bool is_string_equal(const Json* value, const std::string& expected) {
  return value && value->is_string() && value->get_ref<const std::string&>() == expected;
}

// Claims are JSON numbers (possibly fractional); the comparison is done in doubles, which
// hold every epoch second exactly.
double seconds(const Json& value) { return value.get<double>(); }

}  // namespace

const Json* claim(const Json& payload, const char* name) {
  auto it = payload.find(name);
  return it == payload.end() ? nullptr : &*it;
}

std::string quoted(const Json* value) {
  if (!value) return "(none)";
  return value->is_string() ? concat({"\"", value->get_ref<const std::string&>(), "\""}) : dump_json(*value);
}

Status check_issuer(const Json& payload, const std::string& expected, TokenKind kind) {
  const Json* iss = claim(payload, "iss");
  if (!iss || !iss->is_string()) {
    return Error::make(code::invalid_issuer, concat({"Issuer (iss) claim must be a string present in the ", kind.name}));
  }
  if (!is_string_equal(iss, expected)) {
    return Error::make(code::invalid_issuer, concat({"Issuer (iss) claim mismatch in the ", kind.name, "; expected \"",
                                                     expected, "\", found ", quoted(iss)}));
  }
  return ok_status();
}

Status check_audience(const Json& payload, const std::string& expected, TokenKind kind) {
  const Json* aud = claim(payload, "aud");
  if (aud && aud->is_string()) {
    if (aud->get_ref<const std::string&>() == expected) return ok_status();
    return Error::make(code::invalid_audience, concat({"Audience (aud) claim mismatch in the ", kind.name,
                                                       "; expected \"", expected, "\" but found ", quoted(aud)}));
  }
  if (!aud || !aud->is_array() || aud->empty()) {
    return Error::make(code::invalid_audience,
                       concat({"Audience (aud) claim must be a string or array of strings present in the ", kind.name}));
  }
  for (const Json& value : *aud) {
    if (is_string_equal(&value, expected)) return ok_status();
  }
  return Error::make(code::invalid_audience, concat({"Audience (aud) claim mismatch in the ", kind.name, "; expected \"",
                                                     expected, "\" but was not one of ", dump_json(*aud)}));
}

Status check_authorized_party(const Json& payload, const std::string& expected, TokenKind kind) {
  const Json* aud = claim(payload, "aud");
  if (!aud || !aud->is_array() || aud->size() < 2) return ok_status();
  const Json* azp = claim(payload, "azp");
  if (!azp || !azp->is_string()) {
    return Error::make(code::invalid_azp, concat({"Authorized Party (azp) claim must be a string present in the ", kind.name,
                                                  " when Audience (aud) claim has multiple values"}));
  }
  if (!is_string_equal(azp, expected)) {
    return Error::make(code::invalid_azp, concat({"Authorized Party (azp) claim mismatch in the ", kind.name,
                                                  "; expected \"", expected, "\", found ", quoted(azp)}));
  }
  return ok_status();
}

std::int64_t effective_leeway(std::int64_t leeway) { return leeway < 0 ? 0 : leeway; }

Status check_time_claims(const Json& payload, std::int64_t now_seconds, std::int64_t requested_leeway,
                         TokenKind kind) {
  // Doubles do not wrap: a huge leeway makes exp + leeway huge (what the caller asked for),
  // never negative.
  const std::int64_t leeway_seconds = effective_leeway(requested_leeway);
  const double now = static_cast<double>(now_seconds);
  const double leeway = static_cast<double>(leeway_seconds);
  const Json* exp = claim(payload, "exp");
  if (!exp || !exp->is_number()) {
    return invalid_token(concat({"Expiration Time (exp) claim must be a number present in the ", kind.name}));
  }
  if (now > seconds(*exp) + leeway) {
    return Error::make(code::token_expired,
                       concat({"Expiration Time (exp) claim error in the ", kind.name, "; current time (",
                               text::decimal(now_seconds), ") is after expiration time (", dump_json(*exp),
                               ") plus leeway (", text::decimal(leeway_seconds), "s)"}));
  }
  const Json* iat = claim(payload, "iat");
  if (!iat || !iat->is_number()) {
    return invalid_token(concat({"Issued At (iat) claim must be a number present in the ", kind.name}));
  }
  const Json* nbf = claim(payload, "nbf");
  if (nbf && nbf->is_number() && now < seconds(*nbf) - leeway) {
    return Error::make(code::token_not_yet_valid,
                       concat({"Not Before time (nbf) claim in the ", kind.name,
                               " indicates that this token can't be used just yet; current time (",
                               text::decimal(now_seconds), ") is before ", dump_json(*nbf), " minus leeway (",
                               text::decimal(leeway_seconds), "s)"}));
  }
  return ok_status();
}

}  // namespace metalock::jwt_claims
