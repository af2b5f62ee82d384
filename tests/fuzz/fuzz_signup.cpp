// Lock field specs and values: input {fields, values, base, body}. Specs parse or are refused;
// every body the core maps passes the core's own check of a received body.
#include "fuzz_support.hpp"
#include "metalock/signup.hpp"

using namespace metalock;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::text_of(data, size);
  (void)strip_html(std::string(text));
  auto parsed = parse_json(text);
  if (!parsed || !parsed.value().is_object()) return 0;
  const Json& input = parsed.value();
  const Json fields = input.value("fields", Json::array());
  (void)parse_signup_fields(fields);
  (void)validate_signup_body(input.value("body", Json()));
  auto body = map_signup_fields(fields, input.value("values", Json::object()), input.value("base", Json::object()));
  if (body) fuzz::require(body.value().is_object(), "a mapped signup body is an object");
  return 0;
}
