// Compact JSON text, as nlohmann's dump(-1, ' ', false, error_handler_t::replace) writes it:
// members in the document's (sorted) order, no whitespace, only `"`, `\` and control
// characters escaped (\b \f \n \r \t, the rest \u00XX), malformed UTF-8 replaced with U+FFFD
// per maximal subpart, doubles in nlohmann's notation (1.0, 0.0001, 1e-05, 1e+300) of their
// shortest digits (double_digits.hpp), non-finite doubles as null. nlohmann's serializer moves
// each string through a buffer byte by byte; this appends runs that need no escape in one call
// (it was about 3 KB of the gzipped wasm). Recursion is bounded by the documents the core builds (check_json_depth).
#include "metalock/json.hpp"

#include "double_digits.hpp"
#include "text.hpp"
#include "utf8.hpp"

#include <cmath>
#include <cstdint>
#include <limits>

namespace metalock {
namespace {

void append_double(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  // What nlohmann::detail::to_chars does around its Grisu2 call, with the digits from
  // double_digits.hpp: the sign, 0.0 for zero, then its notation for digits x 10^exponent.
  char text[64];
  char* first = text;
  if (std::signbit(value)) {
    *first++ = '-';
    value = -value;
  }
  if (value == 0) {
    out.append(text, first - text);
    out += "0.0";
    return;
  }
  int exponent = 0;
  const int count = detail::shortest_digits(value, first, exponent);
  const char* end = nlohmann::detail::dtoa_impl::format_buffer(first, count, exponent, -4,
                                                               std::numeric_limits<double>::digits10);
  out.append(text, end - text);
}

void append_escaped(std::string& out, unsigned char c) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char* named = nullptr;
  switch (c) {
    case '"': named = "\\\""; break;
    case '\\': named = "\\\\"; break;
    case '\b': named = "\\b"; break;
    case '\f': named = "\\f"; break;
    case '\n': named = "\\n"; break;
    case '\r': named = "\\r"; break;
    case '\t': named = "\\t"; break;
    default: {
      const char unit[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
      out.append(unit, sizeof unit);
      return;
    }
  }
  out += named;
}

void append_string(std::string& out, const std::string& text) {
  const auto* at = reinterpret_cast<const unsigned char*>(text.data());
  const auto* const end = at + text.size();
  out += '"';
  const unsigned char* run = at;   // bytes written as they are, not yet appended
  while (at != end) {
    const unsigned char c = *at;
    if (c >= 0x80) {
      std::size_t valid_prefix = 0;
      if (const std::size_t length = utf8::sequence_length(at, end, &valid_prefix)) {
        at += length;
        continue;
      }
      out.append(reinterpret_cast<const char*>(run), at - run);
      out += "\xEF\xBF\xBD";
      at += valid_prefix;
      run = at;
    } else if (c < 0x20 || c == '"' || c == '\\') {
      out.append(reinterpret_cast<const char*>(run), at - run);
      append_escaped(out, c);
      run = ++at;
    } else {
      ++at;
    }
  }
  out.append(reinterpret_cast<const char*>(run), at - run);
  out += '"';
}

}  // namespace

void append_json(std::string& out, const Json& value) {
  switch (value.type()) {
    case Json::value_t::object: {
      out += '{';
      bool first = true;
      for (const auto& [name, member] : value.get_ref<const Json::object_t&>()) {
        if (!first) out += ',';
        first = false;
        append_string(out, name);
        out += ':';
        append_json(out, member);
      }
      out += '}';
      return;
    }
    case Json::value_t::array: {
      out += '[';
      bool first = true;
      for (const Json& item : value.get_ref<const Json::array_t&>()) {
        if (!first) out += ',';
        first = false;
        append_json(out, item);
      }
      out += ']';
      return;
    }
    case Json::value_t::string: append_string(out, value.get_ref<const std::string&>()); return;
    case Json::value_t::boolean: out += value.get<bool>() ? "true" : "false"; return;
    case Json::value_t::number_unsigned: text::append_decimal(out, value.get<std::uint64_t>()); return;
    case Json::value_t::number_integer: text::append_decimal(out, value.get<std::int64_t>()); return;
    case Json::value_t::number_float: append_double(out, value.get<double>()); return;
    default: out += "null"; return;   // null; binary and discarded never reach here (nothing parses them)
  }
}

std::string dump_json(const Json& value) {
  std::string text;
  append_json(text, value);
  return text;
}

}  // namespace metalock
