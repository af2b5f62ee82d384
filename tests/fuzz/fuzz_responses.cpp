// HTTP responses: the first byte picks a status (2xx..5xx), the rest is the body; every
// non-2xx becomes one Error with a code and its status.
#include "fuzz_support.hpp"
#include "metalock/responses.hpp"

using namespace metalock;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static constexpr int kStatuses[] = {200, 201, 204, 400, 401, 403, 404, 409, 413, 429, 500, 503};
  HttpResponse response;
  response.status = kStatuses[data[0] % (sizeof kStatuses / sizeof kStatuses[0])];
  response.headers = {{"Content-Type", "application/json"}, {"WWW-Authenticate", "Bearer error=\"invalid_token\""}};
  response.body = std::string(fuzz::text_of(data + 1, size - 1));
  auto parsed = parse_http_response(response);
  if (response.status >= 300) {
    fuzz::require(!parsed, "a non-2xx response is an error");
    fuzz::require(!parsed.error().code.empty(), "the error has a code");
    fuzz::require(parsed.error().status_code == response.status, "the error keeps the status");
  }
  return 0;
}
