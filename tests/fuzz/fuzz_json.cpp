// The JSON boundary: any text either parses within the limits or is refused with a code; what
// parses dumps to text that parses back to the same document. The core's reader and writer
// agree with nlohmann's parser and serializer, the reference (tests/native/json_reader_test.cpp).
#include "fuzz_support.hpp"
#include "metalock/json.hpp"

#include <cstring>

using namespace metalock;

namespace {

// Equal and of the same types all the way down (nlohmann's == calls 1u and 1 equal).
bool identical(const Json& a, const Json& b) {
  if (a.type() != b.type() || a.size() != b.size()) return false;
  if (!a.is_structured()) return a == b;
  for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y) {
    if ((a.is_object() && x.key() != y.key()) || !identical(*x, *y)) return false;
  }
  return true;
}

void require_agrees_with_nlohmann(std::string_view text, const Result<Json>& parsed) {
  // nlohmann takes a NUL byte for the end of its input; parse_json refuses NUL (not JSON)
  // outside a string, and inside one it is an unescaped control character: always refused.
  if (std::memchr(text.data(), 0, text.size()) != nullptr) {
    fuzz::require(!parsed, "a text holding a NUL byte is refused");
    return;
  }
  const Json reference = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (!parsed) {
    // Refused for size or depth is ours alone; a syntax refusal must be nlohmann's too.
    if (parsed.error().code == code::invalid_json) fuzz::require(reference.is_discarded(), "nlohmann refuses it too");
    return;
  }
  fuzz::require(!reference.is_discarded(), "nlohmann accepts it too");
  fuzz::require(identical(parsed.value(), reference), "the same document as nlohmann's");
  fuzz::require(dump_json(parsed.value()) == reference.dump(-1, ' ', false, Json::error_handler_t::replace),
                "the same text as nlohmann's dump");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto parsed = parse_json(fuzz::text_of(data, size));
  require_agrees_with_nlohmann(fuzz::text_of(data, size), parsed);
  // Any bytes as a string (malformed UTF-8 included) are written as nlohmann writes them.
  const Json bytes(std::string(fuzz::text_of(data, size)));
  fuzz::require(dump_json(bytes) == bytes.dump(-1, ' ', false, Json::error_handler_t::replace), "a string dumps as nlohmann's");
  // Responses are read leniently (json_lenient.cpp): never a crash, the same document whenever
  // the strict parse succeeds, and whatever it accepts dumps to strict JSON.
  auto lenient = parse_json_lenient(fuzz::text_of(data, size));
  if (parsed) fuzz::require(lenient && identical(lenient.value(), parsed.value()), "lenient agrees with strict on valid JSON");
  if (lenient) fuzz::require(static_cast<bool>(parse_json(dump_json(lenient.value()))), "a lenient read dumps to strict JSON");
  if (!parsed) {
    fuzz::require(!parsed.error().code.empty(), "a refused document has an error code");
    return 0;
  }
  const std::string dumped = dump_json(parsed.value());
  auto again = parse_json(dumped);
  fuzz::require(static_cast<bool>(again), "dumped JSON parses again");
  fuzz::require(again.value() == parsed.value(), "dump + parse is the identity");
  fuzz::require(static_cast<bool>(check_json_depth(parsed.value())), "a parsed document is within the depth limit");
  return 0;
}
