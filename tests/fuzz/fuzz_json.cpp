// The JSON boundary: any text either parses within the limits or is refused with a code; what
// parses dumps to text that parses back to the same document.
#include "fuzz_support.hpp"
#include "metalock/json.hpp"

using namespace metalock;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto parsed = parse_json(fuzz::text_of(data, size));
  // Responses are read leniently (json_lenient.cpp): never a crash, the same document whenever
  // the strict parse succeeds, and whatever it accepts dumps to strict JSON.
  auto lenient = parse_json_lenient(fuzz::text_of(data, size));
  if (parsed) fuzz::require(lenient && lenient.value() == parsed.value(), "lenient agrees with strict on valid JSON");
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
