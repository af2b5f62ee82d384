// The ID-token claim checks of OIDC Core 3.1.3.7, as Auth0's SDKs (auth0-spa-js `verify`)
// apply them; the per-claim checks are jwt_claims.hpp's, shared with access tokens.
#include "metalock/jwt.hpp"

#include "jwt_claims.hpp"
#include "text.hpp"

namespace metalock {

using namespace jwt_claims;
using text::concat;

namespace {

// What the signature check needs from the header, as auth0-js and auth0-spa-js require it:
// RS256 only (never `none`, never HS256, whose "secret" would be the public key or the
// client id), and a kid naming the key in the issuer's JWKS. The check itself is the
// caller's (WebCrypto in JS).
Status check_signing_header(const Json& header) {
  const Json* alg = claim(header, "alg");
  if (!alg || !alg->is_string() || alg->get_ref<const std::string&>() != "RS256") {
    return Error::make(code::invalid_token,
                       concat({"Signature algorithm of ", quoted(alg),
                               " is not supported. Expected the ID token to be signed with \"RS256\""}),
                       "alg");
  }
  const Json* kid = claim(header, "kid");
  if (!kid || !kid->is_string() || kid->get_ref<const std::string&>().empty()) {
    return Error::make(code::invalid_token,
                       "The ID token header names no key id (kid), so no key of the issuer's JWKS can verify it",
                       "kid");
  }
  return ok_status();
}

}  // namespace

Result<Json> verify_id_token_claims(std::string_view token, const IdTokenExpectations& expect) {
  auto decoded = decode(token, kIdToken);
  if (!decoded) return decoded.error();
  const Json& payload = decoded.value().payload;
  if (auto status = check_signing_header(decoded.value().header); !status) return status.error();

  if (auto status = check_issuer(payload, expect.issuer, kIdToken); !status) return status.error();
  const Json* sub = claim(payload, "sub");
  if (!sub || !sub->is_string() || sub->get_ref<const std::string&>().empty()) {
    return Error::make(code::invalid_token, "Subject (sub) claim must be a string present in the ID token");
  }
  if (auto status = check_audience(payload, expect.audience, kIdToken); !status) return status.error();
  if (auto status = check_authorized_party(payload, expect.audience, kIdToken); !status) return status.error();

  // From here on the order of OIDC Core 3.1.3.7 (exp, iat, nbf, then nonce, then auth_time),
  // which the conformance vectors pin down; auth0-spa-js checks the nonce before the times.
  if (auto status = check_time_claims(payload, expect.now, expect.leeway, kIdToken); !status) return status.error();

  // Like auth0-spa-js, an empty expected nonce means none was sent.
  if (expect.nonce && !expect.nonce->empty()) {
    const Json* nonce = claim(payload, "nonce");
    if (!nonce || !nonce->is_string()) {
      return Error::make(code::invalid_nonce, "Nonce (nonce) claim must be a string present in the ID token");
    }
    if (nonce->get_ref<const std::string&>() != *expect.nonce) {
      return Error::make(code::invalid_nonce, concat({"Nonce (nonce) claim mismatch in the ID token; expected \"",
                                                      *expect.nonce, "\", found ", quoted(nonce)}));
    }
  }

  if (expect.max_age) {
    const Json* auth_time = claim(payload, "auth_time");
    if (!auth_time || !auth_time->is_number()) {
      return Error::make(code::invalid_token,
                         "Authentication Time (auth_time) claim must be a number present in the ID token when Max "
                         "Age (max_age) is specified");
    }
    const std::int64_t leeway = effective_leeway(expect.leeway);
    if (static_cast<double>(expect.now) >
        auth_time->get<double>() + static_cast<double>(*expect.max_age) + static_cast<double>(leeway)) {
      return Error::make(code::auth_time_too_old,
                         concat({"Authentication Time (auth_time) claim in the ID token indicates that too much "
                                 "time has passed since the last end-user authentication; current time (",
                                 text::decimal(expect.now), ") is after ", dump_json(*auth_time), " plus max_age (",
                                 text::decimal(*expect.max_age), "s) and leeway (", text::decimal(leeway), "s)"}));
    }
  }
  return payload;
}

}  // namespace metalock
