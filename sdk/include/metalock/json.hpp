// The JSON boundary: untrusted text in, a document (or a clean error) out.
#pragma once

#include "metalock/error.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace metalock {

using Json = nlohmann::json;

// Documented limits. Depth counts nested arrays/objects (a bare scalar is depth 0,
// `{}` is 1). Both are checked by a linear scan before any document is built, so a
// hostile body can neither exhaust the stack nor the heap.
inline constexpr std::size_t kMaxJsonDepth = 64;
inline constexpr std::size_t kMaxJsonBytes = 16 * 1024 * 1024;

struct JsonLimits {
  std::size_t max_depth = kMaxJsonDepth;
  std::size_t max_bytes = kMaxJsonBytes;
};

// Parses text. Errors: payload_too_large, too_deep, invalid_json (syntax or invalid UTF-8).
Result<Json> parse_json(std::string_view text, const JsonLimits& limits = {});

// A server's response body, read as JSON.parse reads it (json.cpp): same limits and
// errors, but a lone surrogate escape becomes U+FFFD and a number past the double range
// becomes +-1.7976931348623157e308. What metalock sends is parsed strictly (parse_json).
Result<Json> parse_json_lenient(std::string_view text, const JsonLimits& limits = {});

// Same limits for a document built elsewhere (e.g. from JS values).
Status check_json_depth(const Json& value, std::size_t max_depth = kMaxJsonDepth);

// Compact serialization that never throws, byte for byte what nlohmann's
// dump(-1, ' ', false, error_handler_t::replace) writes (invalid UTF-8 is replaced with U+FFFD),
// except for values no JSON text parses to: binary and discarded are written as null. It
// recurses once per level: a document built in memory should pass check_json_depth first.
std::string dump_json(const Json& value);
// The same text appended to `out`: for a caller wrapping it in more text, without a copy.
void append_json(std::string& out, const Json& value);

// A JSON number read as an int64 (epoch seconds, leeway, max_age): integers as they are, an
// unsigned one past INT64_MAX as INT64_MAX, a float floored and clamped to [INT64_MIN,
// INT64_MAX]; anything else (NaN included) -> nullopt. get<std::int64_t>() would wrap 1e19 to
// a negative number and is undefined behaviour for 1e300.
std::optional<std::int64_t> json_int64(const Json& value);

// {name: value, ...}, member by member. Json's own initializer-list constructor builds each
// member as a two-element array and checks them all before converting, in line at every call
// site: this is what the core and the bindings use to build objects, for the wasm's size.
Json json_object(std::initializer_list<std::pair<const char*, Json>> members);

}  // namespace metalock
