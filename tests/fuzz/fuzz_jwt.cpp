// Tokens: any text decodes or is refused; the ID-token and access-token claim checks never
// crash; base64url decoding round-trips through encoding.
#include "fuzz_support.hpp"
#include "metalock/jwt.hpp"

using namespace metalock;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view token = fuzz::text_of(data, size);
  (void)decode_jwt(token);
  IdTokenExpectations id;
  id.issuer = "https://tenant.example.com/";
  id.audience = "client";
  id.nonce = "n";
  id.now = 1700000000;
  id.max_age = 3600;
  (void)verify_id_token_claims(token, id);
  AccessTokenExpectations access;
  access.issuer = id.issuer;
  access.audience = "https://tenant.example.com/api/v2/";
  access.now = id.now;
  (void)verify_access_token_claims(token, access);

  auto bytes = base64url_decode(token);
  if (bytes) {
    auto again = base64url_decode(base64url_encode(bytes.value()));
    fuzz::require(again && again.value() == bytes.value(), "base64url decode(encode(x)) == x");
  }
  return 0;
}
