// JWT decoding: three base64url parts, a JSON-object header and payload (under the core's
// JSON limits, since tokens are untrusted), and the raw signature for the caller to check.
#include "metalock/jwt.hpp"

#include "jwt_claims.hpp"
#include "text.hpp"

namespace metalock {
namespace jwt_claims {
namespace {

Error invalid_token(const std::string& description) { return Error::make(code::invalid_token, description); }

// "ID token ..." / "Access token ..." / "JWT ..." at the start of a sentence.
std::string sentence(TokenKind kind, std::string_view rest, std::string_view more = {}) {
  std::string out = text::concat({kind.name, " ", rest, more});
  if (out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

Result<Json> decode_json_segment(std::string_view segment, const char* name, TokenKind kind) {
  auto bytes = base64url_decode(segment);
  if (!bytes) return invalid_token(sentence(kind, name, " is not base64url"));
  // A token is server output, read as JSON.parse-based SDKs read it (json_lenient.cpp): a
  // name cut inside an emoji must not make the whole login fail.
  auto doc = parse_json_lenient(bytes.value());
  if (!doc || !doc.value().is_object()) {
    return invalid_token(sentence(kind, name, " is not a JSON object"));
  }
  return std::move(doc).value();
}

}  // namespace

Result<DecodedJwt> decode(std::string_view token, TokenKind kind) {
  if (token.empty()) return invalid_token(sentence(kind, "is required but missing"));
  const std::size_t first = token.find('.');
  const std::size_t second = first == std::string_view::npos ? first : token.find('.', first + 1);
  if (second == std::string_view::npos || token.find('.', second + 1) != std::string_view::npos) {
    return invalid_token(sentence(kind, "could not be decoded: expected three dot-separated parts"));
  }
  const std::string_view header = token.substr(0, first);
  const std::string_view payload = token.substr(first + 1, second - first - 1);
  const std::string_view signature = token.substr(second + 1);
  // An empty signature is an unsigned ("alg":"none") token; Auth0's SDKs refuse those.
  if (header.empty() || payload.empty() || signature.empty()) {
    return invalid_token(sentence(kind, "could not be decoded: a part is empty"));
  }
  DecodedJwt decoded;
  auto header_json = decode_json_segment(header, "header", kind);
  if (!header_json) return header_json.error();
  auto payload_json = decode_json_segment(payload, "payload", kind);
  if (!payload_json) return payload_json.error();
  auto signature_bytes = base64url_decode(signature);
  if (!signature_bytes) return invalid_token(sentence(kind, "signature is not base64url"));
  decoded.header = std::move(header_json).value();
  decoded.payload = std::move(payload_json).value();
  decoded.signing_input = std::string(token.substr(0, second));
  decoded.signature = std::move(signature_bytes).value();
  return decoded;
}

}  // namespace jwt_claims

Result<DecodedJwt> decode_jwt(std::string_view token) { return jwt_claims::decode(token, jwt_claims::kAnyJwt); }

}  // namespace metalock
