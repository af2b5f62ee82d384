// Lock field specs and values: input {fields, values, base, body}. Specs parse or are refused;
// every body the core maps is an object; strip_html never leaves a '<' that opens a tag.
#include "fuzz_support.hpp"
#include "metalock/signup.hpp"

#include <cctype>

using namespace metalock;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::text_of(data, size);
  const std::string stripped = strip_html(std::string(text));
  for (std::size_t i = 0; i + 1 < stripped.size(); ++i) {
    const char next = stripped[i + 1];
    const bool opens = std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' || next == '?';
    fuzz::require(!(stripped[i] == '<' && opens), "strip_html leaves no '<' that opens a tag");
  }
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
