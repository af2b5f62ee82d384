#include "metalock/json.hpp"

#include "json_reader.hpp"
#include "text.hpp"

#include <cmath>
#include <limits>
#include <vector>

namespace metalock {
namespace {

// Deepest nesting of [ and { outside string literals; stops early once past `limit`.
std::size_t scan_depth(std::string_view text, std::size_t limit) {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    switch (c) {
      case '"': in_string = true; break;
      case '[':
      case '{':
        if (++depth > deepest) {
          deepest = depth;
          if (deepest > limit) return deepest;
        }
        break;
      case ']':
      case '}':
        if (depth > 0) --depth;
        break;
      default: break;
    }
  }
  return deepest;
}

Error too_deep_error(std::size_t limit) {
  return Error::make(code::too_deep,
                     "JSON nesting is deeper than " + text::decimal(limit) + " levels");
}

// The limits first, on the text as received, then the reader.
Result<Json> parse_within_limits(std::string_view text, const JsonLimits& limits, bool as_json_parse) {
  if (text.size() > limits.max_bytes) {
    return Error::make(code::payload_too_large,
                       "JSON body of " + text::decimal(text.size()) + " bytes exceeds the limit of " +
                           text::decimal(limits.max_bytes) + " bytes");
  }
  if (scan_depth(text, limits.max_depth) > limits.max_depth) return too_deep_error(limits.max_depth);
  Json doc;
  if (!detail::read_json(text, doc, as_json_parse)) {
    return Error::make(code::invalid_json, "Body is not valid JSON (or not valid UTF-8)");
  }
  return doc;
}

}  // namespace

Result<Json> parse_json(std::string_view text, const JsonLimits& limits) {
  return parse_within_limits(text, limits, /*as_json_parse=*/false);
}

// Every other Auth0 SDK parses a server body with JSON.parse, which takes two things metalock
// (rightly, for what it sends) refuses: a lone UTF-16 surrogate escape (V8 writes one when it
// cuts a string inside an emoji) and a number past the double range. Refusing a whole /userinfo
// body for one such character or number would lose the profile (json_reader.hpp says how they
// are read).
Result<Json> parse_json_lenient(std::string_view text, const JsonLimits& limits) {
  return parse_within_limits(text, limits, /*as_json_parse=*/true);
}

namespace {

// Whether `node` nests deeper than `levels` more levels. The recursion stops one level past
// `levels`, so a hostile document cannot exhaust the stack; no allocation, where a stack of
// pending nodes cost a growing vector per call (glibc then consolidated its free lists).
bool deeper_than(const Json& node, std::size_t levels) {
  if (node.is_object()) {
    if (levels == 0) return true;
    for (const auto& item : node.get_ref<const Json::object_t&>()) {
      if (item.second.is_structured() && deeper_than(item.second, levels - 1)) return true;
    }
  } else if (node.is_array()) {
    if (levels == 0) return true;
    for (const auto& child : node.get_ref<const Json::array_t&>()) {
      if (child.is_structured() && deeper_than(child, levels - 1)) return true;
    }
  }
  return false;
}

}  // namespace

Status check_json_depth(const Json& value, std::size_t max_depth) {
  // The value may come from a caller who built it without limits.
  if (deeper_than(value, max_depth)) return too_deep_error(max_depth);
  return ok_status();
}

Json json_object(std::initializer_list<std::pair<const char*, Json>> members) {
  Json object = Json::object();
  for (const auto& [name, value] : members) object[name] = value;
  return object;
}

std::optional<std::int64_t> json_int64(const Json& value) {
  using Limits = std::numeric_limits<std::int64_t>;
  if (value.is_number_unsigned()) {
    const std::uint64_t n = value.get<std::uint64_t>();
    return n > static_cast<std::uint64_t>(Limits::max()) ? Limits::max() : static_cast<std::int64_t>(n);
  }
  if (value.is_number_integer()) return value.get<std::int64_t>();
  if (!value.is_number_float()) return std::nullopt;
  const double d = std::floor(value.get<double>());
  if (std::isnan(d)) return std::nullopt;
  // 2^63 is exact in a double; INT64_MAX is not (it rounds up to 2^63).
  if (d >= 9223372036854775808.0) return Limits::max();
  if (d <= -9223372036854775808.0) return Limits::min();
  return static_cast<std::int64_t>(d);
}

}  // namespace metalock
