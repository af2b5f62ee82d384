// A reader over the whole text at once. nlohmann's lexer fetches each character through an
// input adapter and appends it to a token buffer, then copies the token into the document;
// here strings are copied a run at a time straight into the document, numbers are read in
// place, and the containers being filled are an explicit stack (no recursion: depth is
// parse_json's to limit). In the wasm module nlohmann's parser and lexer were about 5.5 KB
// of the gzipped module, and the slowest part of every call that takes JSON.
#include "json_reader.hpp"

#include "utf8.hpp"

#include <algorithm>
#include <clocale>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>
#include <vector>

namespace metalock::detail {
namespace {

int hex_digit(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

class Reader {
 public:
  Reader(std::string_view text, bool as_json_parse)
      : at_(reinterpret_cast<const unsigned char*>(text.data())), end_(at_ + text.size()), as_json_parse_(as_json_parse) {}

  bool read(Json& root) {
    if (end_ - at_ >= 3 && at_[0] == 0xEF && at_[1] == 0xBB && at_[2] == 0xBF) at_ += 3;
    Json* slot = &root;   // where the next value goes
    for (;;) {
      skip_whitespace();
      Json* inner = nullptr;
      if (!value(*slot, inner)) return false;
      if (inner) {
        slot = inner;
        continue;
      }
      // After a complete value: close what it ends, then find the next slot or the text's end.
      for (slot = nullptr; !slot;) {
        skip_whitespace();
        if (open_.empty()) return at_ == end_;
        Json& container = *open_.back();
        const unsigned char c = next();
        if (c == ',') {
          slot = container.is_array() ? &push_item(container) : member(container);
          if (!slot) return false;
        } else if (c == (container.is_array() ? ']' : '}')) {
          open_.pop_back();
        } else {
          return false;
        }
      }
    }
  }

 private:
  // Reads one value into `slot`. An array or object that is not empty is left open, and
  // `inner` is the slot of its first element, which the caller reads next.
  bool value(Json& slot, Json*& inner) {
    if (at_ == end_) return false;
    switch (*at_++) {
      case '{':
        slot = Json::value_t::object;
        skip_whitespace();
        if (accept('}')) return true;
        open_.push_back(&slot);
        inner = member(slot);
        return inner != nullptr;
      case '[':
        slot = Json::value_t::array;
        skip_whitespace();
        if (accept(']')) return true;
        open_.push_back(&slot);
        inner = &push_item(slot);
        return true;
      case '"':
        slot = Json::value_t::string;
        return string(slot.get_ref<std::string&>());
      case 't': slot = true; return literal("rue");
      case 'f': slot = false; return literal("alse");
      case 'n': slot = nullptr; return literal("ull");
      default:
        --at_;
        return number(slot);
    }
  }

  // `"key" :` in an object, and the slot of its value; nullptr if the text is not that.
  Json* member(Json& object) {
    skip_whitespace();
    key_.clear();   // moved into the last member (emptied, but not promised so)
    if (next() != '"' || !string(key_)) return nullptr;
    skip_whitespace();
    if (next() != ':') return nullptr;
    auto& members = object.get_ref<Json::object_t&>();
    // Keys usually arrive in order (a std::map dumps them so): the end is then the right hint,
    // one comparison instead of a search from the root. A repeated key keeps the last value.
    return &members.emplace_hint(members.end(), std::move(key_), nullptr)->second;
  }

  Json& push_item(Json& array) { return array.get_ref<Json::array_t&>().emplace_back(); }

  bool string(std::string& out) {
    const unsigned char* run = at_;   // the bytes copied as they are, not yet appended
    while (at_ != end_) {
      const unsigned char c = *at_;
      if (c == '"') {
        out.append(reinterpret_cast<const char*>(run), at_ - run);
        ++at_;
        return true;
      }
      if (c == '\\') {
        out.append(reinterpret_cast<const char*>(run), at_ - run);
        ++at_;
        if (!escape(out)) return false;
        run = at_;
      } else if (c < 0x20) {
        return false;   // control characters must be escaped
      } else if (c < 0x80) {
        ++at_;
      } else {
        const std::size_t length = utf8::sequence_length(at_, end_);
        if (length == 0) return false;
        at_ += length;
      }
    }
    return false;
  }

  bool escape(std::string& out) {
    if (at_ == end_) return false;
    const unsigned char c = *at_++;
    switch (c) {
      case '"': case '\\': case '/': out += static_cast<char>(c); return true;
      case 'b': out += '\b'; return true;
      case 'f': out += '\f'; return true;
      case 'n': out += '\n'; return true;
      case 'r': out += '\r'; return true;
      case 't': out += '\t'; return true;
      case 'u': return unicode_escape(out);
      default: return false;
    }
  }

  // After `\u`: one code unit, or a surrogate pair as two escapes. A lone surrogate is
  // refused, or (as JSON.parse) read as U+FFFD, the escape after a lone high one read anew.
  bool unicode_escape(std::string& out) {
    const long unit = code_unit();
    if (unit < 0) return false;
    std::uint32_t point = static_cast<std::uint32_t>(unit);
    if (unit >= 0xD800 && unit <= 0xDFFF) {
      const long low = unit <= 0xDBFF ? low_surrogate_after() : -1;
      if (low < 0) {
        if (!as_json_parse_) return false;
        point = 0xFFFD;
      } else {
        point = 0x10000 + ((static_cast<std::uint32_t>(unit) - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
      }
    }
    append_utf8(out, point);
    return true;
  }

  // The low surrogate of a `\uDC00`-`\uDFFF` escape next in the text, consumed; else -1, and
  // nothing consumed.
  long low_surrogate_after() {
    const unsigned char* escape = at_;
    if (end_ - at_ >= 2 && at_[0] == '\\' && at_[1] == 'u') {
      at_ += 2;
      const long low = code_unit();
      if (low >= 0xDC00 && low <= 0xDFFF) return low;
    }
    at_ = escape;
    return -1;
  }

  // Four hex digits -> a UTF-16 code unit, or -1. Moves past what it read either way; a caller
  // that may want the text again (low_surrogate_after) rewinds.
  long code_unit() {
    if (end_ - at_ < 4) return -1;
    long unit = 0;
    for (int i = 0; i < 4; ++i) {
      const int digit = hex_digit(*at_++);
      if (digit < 0) return -1;
      unit = unit * 16 + digit;
    }
    return unit;
  }

  static void append_utf8(std::string& out, std::uint32_t point) {
    if (point < 0x80) {
      out += static_cast<char>(point);
    } else if (point < 0x800) {
      out += static_cast<char>(0xC0 | (point >> 6));
      out += static_cast<char>(0x80 | (point & 0x3F));
    } else if (point < 0x10000) {
      out += static_cast<char>(0xE0 | (point >> 12));
      out += static_cast<char>(0x80 | ((point >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (point & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (point >> 18));
      out += static_cast<char>(0x80 | ((point >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((point >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (point & 0x3F));
    }
  }

  // -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? as nlohmann types it: an integer that fits
  // is unsigned (positive) or signed (negative), anything else a double, which must be finite.
  bool number(Json& slot) {
    const unsigned char* start = at_;
    const bool negative = accept('-');
    if (at_ == end_ || !is_digit(*at_)) return false;
    std::uint64_t magnitude = 0;
    bool fits = true;
    if (*at_ == '0') {
      ++at_;
    } else {
      for (; at_ != end_ && is_digit(*at_); ++at_) {
        const unsigned digit = *at_ - '0';
        if (magnitude > (UINT64_MAX - digit) / 10) fits = false;
        magnitude = magnitude * 10 + digit;
      }
    }
    bool integral = true;
    if (accept('.')) {
      integral = false;
      if (!digits()) return false;
    }
    if (at_ != end_ && (*at_ == 'e' || *at_ == 'E')) {
      ++at_;
      integral = false;
      if (!accept('+')) accept('-');
      if (!digits()) return false;
    }
    if (integral && fits) {
      if (!negative) {
        slot = magnitude;
        return true;
      }
      if (magnitude <= static_cast<std::uint64_t>(INT64_MAX) + 1) {
        // -(2^63) has no positive int64: negate in unsigned arithmetic.
        slot = static_cast<std::int64_t>(0 - magnitude);
        return true;
      }
    }
    // strtod needs a terminated copy, and reads the decimal separator of the C locale, which a
    // host program may have set to ',' (setlocale): the copy spells it so, as nlohmann's lexer
    // did. A token strtod does not read to its end is refused, never cut short.
    std::string token(reinterpret_cast<const char*>(start), at_ - start);
    if (const char point = *std::localeconv()->decimal_point; point != '.') {
      std::replace(token.begin(), token.end(), '.', point);
    }
    char* end = nullptr;
    double value = std::strtod(token.c_str(), &end);
    if (end != token.c_str() + token.size()) return false;
    if (std::isinf(value)) {
      if (!as_json_parse_) return false;
      // JSON.parse gives Infinity, which JSON cannot carry: as null it would delete the key
      // when the value is sent back in a PATCH.
      value = std::copysign(std::numeric_limits<double>::max(), value);
    }
    slot = value;
    return true;
  }

  // [0-9]+
  bool digits() {
    const unsigned char* first = at_;
    while (at_ != end_ && is_digit(*at_)) ++at_;
    return at_ != first;
  }

  bool literal(const char* rest) {
    for (; *rest; ++rest, ++at_) {
      if (at_ == end_ || *at_ != static_cast<unsigned char>(*rest)) return false;
    }
    return true;
  }

  void skip_whitespace() {
    while (at_ != end_ && (*at_ == ' ' || *at_ == '\n' || *at_ == '\r' || *at_ == '\t')) ++at_;
  }

  // The next byte, consumed; 0 at the end (never a valid byte where it is asked for).
  unsigned char next() { return at_ == end_ ? 0 : *at_++; }

  // Consumes `c` if it is next.
  bool accept(unsigned char c) {
    if (at_ == end_ || *at_ != c) return false;
    ++at_;
    return true;
  }

  const unsigned char* at_;
  const unsigned char* const end_;
  const bool as_json_parse_;
  std::vector<Json*> open_;   // the arrays and objects being filled, innermost last
  std::string key_;
};

}  // namespace

bool read_json(std::string_view text, Json& out, bool as_json_parse) { return Reader(text, as_json_parse).read(out); }

}  // namespace metalock::detail
