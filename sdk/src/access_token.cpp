// The claim checks a resource server (the local tenant's /userinfo and Management API, or a
// C++ API) runs on a bearer access token whose signature it has verified. The per-claim
// checks are jwt_claims.hpp's, the ones ID tokens get.
#include "metalock/jwt.hpp"

#include "jwt_claims.hpp"

namespace metalock {

using namespace jwt_claims;

Result<Json> verify_access_token_claims(std::string_view token, const AccessTokenExpectations& expect) {
  // Without an expectation a token claiming "" would pass: a misconfiguration, refused.
  if (expect.issuer.empty()) return Error::make(code::invalid_argument, "The expected issuer is required", "issuer");
  if (expect.audience.empty()) {
    return Error::make(code::invalid_argument, "The expected audience is required", "audience");
  }
  auto decoded = decode(token, kAccessToken);
  if (!decoded) return decoded.error();
  const Json& payload = decoded.value().payload;
  if (auto status = check_issuer(payload, expect.issuer, kAccessToken); !status) return status.error();
  // No azp rule: an access token names several audiences routinely (the API and /userinfo).
  if (auto status = check_audience(payload, expect.audience, kAccessToken); !status) return status.error();
  if (auto status = check_time_claims(payload, expect.now, expect.leeway, kAccessToken); !status) {
    return status.error();
  }
  return payload;
}

}  // namespace metalock
