// Responses read as JSON.parse reads them. Every other Auth0 SDK parses a server body with
// JSON.parse, which takes two things nlohmann (rightly, for what we send) refuses: a lone
// UTF-16 surrogate escape (V8 writes one when it cuts a string inside an emoji) and a number
// past the double range. Refusing the whole /userinfo body for one such character or number
// would lose the profile, so a body that fails the strict parse is repaired and parsed again:
//   - a lone surrogate escape (\ud83d not followed by a low one, or a low one alone) becomes
//     \ufffd, the replacement character, as TextDecoder does for broken UTF-16;
//   - a number beyond +-1.7976931348623157e308 becomes that largest finite double with its
//     sign (JSON.parse gives Infinity, which JSON cannot carry: as null it would delete the
//     key when the value is sent back in a PATCH). A number too small for a double becomes 0
//     under both parsers already.
// The limits (size, depth) are checked on the text as received, before any repair.
#include "metalock/json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

namespace metalock {
namespace {

constexpr const char* kMaxDouble = "1.7976931348623157e308";

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of a \uXXXX escape starting at text[at] (the backslash), or -1.
long escape_unit(std::string_view text, std::size_t at) {
  if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return -1;
  long unit = 0;
  for (std::size_t i = at + 2; i < at + 6; ++i) {
    const int digit = hex_value(text[i]);
    if (digit < 0) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

bool is_high(long unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
bool is_low(long unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }
bool is_number_char(char c) { return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'; }

// Copies `text`, replacing lone surrogate escapes and out-of-range numbers as described above.
// Anything else (a real syntax error) is left for the second parse to refuse.
std::string repaired(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 32);
  bool in_string = false;
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (in_string) {
      if (c == '"') {
        in_string = false;
      } else if (c == '\\') {
        const long unit = escape_unit(text, i);
        if (is_high(unit) && is_low(escape_unit(text, i + 6))) {
          out.append(text.substr(i, 12));
          i += 12;
        } else if (is_high(unit) || is_low(unit)) {
          out += "\\ufffd";
          i += 6;
        } else {
          out.append(text.substr(i, std::min<std::size_t>(2, text.size() - i)));
          i += 2;
        }
        continue;
      }
      out += c;
      ++i;
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '-' || (c >= '0' && c <= '9')) {
      std::size_t end = i;
      while (end < text.size() && is_number_char(text[end])) ++end;
      const std::string token(text.substr(i, end - i));
      const double value = std::strtod(token.c_str(), nullptr);
      if (std::isinf(value)) {
        out += value < 0 ? std::string("-") + kMaxDouble : std::string(kMaxDouble);
      } else {
        out += token;
      }
      i = end;
      continue;
    }
    out += c;
    ++i;
  }
  return out;
}

}  // namespace

Result<Json> parse_json_lenient(std::string_view text, const JsonLimits& limits) {
  auto strict = parse_json(text, limits);
  if (strict || strict.error().code != code::invalid_json) return strict;
  const std::string fixed = repaired(text);
  // The repair may lengthen the text (a long number token); the limits were met as received.
  JsonLimits relaxed = limits;
  relaxed.max_bytes = std::max(limits.max_bytes, fixed.size());
  auto second = parse_json(fixed, relaxed);
  return second ? second : strict;
}

}  // namespace metalock
