// parse_json and dump_json have their own reader and writer (sdk/src/json_reader.cpp,
// json_writer.cpp); nlohmann's parser and serializer stay the reference. Whatever the text,
// valid or not, parse_json must accept exactly what nlohmann accepts and build the same
// document, number types included; dump_json must write nlohmann's bytes, for any string.
#include "metalock/json.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

using metalock::Json;
using metalock::parse_json;

namespace {

// What nlohmann's own DOM parser makes of `text` (discarded for invalid text).
Json reference(const std::string& text) { return Json::parse(text, nullptr, /*allow_exceptions=*/false); }

// Equal and of the same types all the way down (nlohmann's == calls 1u and 1 equal).
bool identical(const Json& a, const Json& b) {
  if (a.type() != b.type()) return false;
  if (a.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto x = a.begin(), y = b.begin(); x != a.end(); ++x, ++y) {
      if (x.key() != y.key() || !identical(*x, *y)) return false;
    }
    return true;
  }
  if (a.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!identical(a[i], b[i])) return false;
    }
    return true;
  }
  return a == b;
}

std::string nlohmann_dump(const Json& value) { return value.dump(-1, ' ', false, Json::error_handler_t::replace); }

// Checks one text against the reference; returns whether it was valid.
bool agrees(const std::string& text) {
  INFO(text);
  const auto ours = parse_json(text);
  const Json theirs = reference(text);
  REQUIRE(ours.ok() == !theirs.is_discarded());
  if (!ours.ok()) {
    CHECK(ours.error().code == metalock::code::invalid_json);
    return false;
  }
  REQUIRE(identical(ours.value(), theirs));
  REQUIRE(metalock::dump_json(ours.value()) == nlohmann_dump(theirs));
  return true;
}

// Random JSON text: keys in any order and repeated, nesting, every escape, multi-byte UTF-8,
// surrogate pairs, numbers of every form and size, whitespace between tokens.
class TextGenerator {
 public:
  explicit TextGenerator(std::uint32_t seed) : rng_(seed) {}

  std::string value(int depth) {
    switch (pick(0, depth >= 4 ? 3 : 5)) {
      case 0: return pick(0, 2) == 0 ? "null" : pick(0, 1) ? "true" : "false";
      case 1: return number();
      case 2: return string();
      case 3: return "\"" + key() + "\"";
      case 4: {
        std::string text = "[" + space();
        for (int i = 0, n = pick(0, 4); i < n; ++i) text += (i ? "," : "") + space() + value(depth + 1) + space();
        return text + "]";
      }
      default: {
        std::string text = "{" + space();
        for (int i = 0, n = pick(0, 8); i < n; ++i) {
          text += (i ? ",\"" : "\"") + key() + "\"" + space() + ":" + space() + value(depth + 1) + space();
        }
        return text + "}";
      }
    }
  }

  // A few bytes changed, inserted or removed: mostly invalid text near valid text.
  std::string mutated(std::string text) {
    static const char kBytes[] = "{}[]\",:\\u0eE+-.9 \x01\x7f\x80\xbf\xc0\xc3\xe0\xed\xef\xf0\xf4\xf5\xff";
    for (int i = 0, n = pick(1, 3); i < n && !text.empty(); ++i) {
      const std::size_t at = pick(0, static_cast<int>(text.size()) - 1);
      const char byte = kBytes[pick(0, sizeof kBytes - 2)];
      switch (pick(0, 2)) {
        case 0: text[at] = byte; break;
        case 1: text.insert(text.begin() + at, byte); break;
        default: text.erase(at, 1);
      }
    }
    return text;
  }

  // Any bytes at all (a string built in memory, not parsed): malformed UTF-8 of every kind.
  std::string bytes() {
    std::string out;
    for (int i = 0, n = pick(0, 12); i < n; ++i) {
      out += pick(0, 3) ? static_cast<char>(pick(0x7e, 0xff)) : static_cast<char>(pick(0, 0x7f));
    }
    return out;
  }

 private:
  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
  // Few names, so that repeats and every order occur; "" and "é" sort apart from ASCII.
  std::string key() {
    static const char* const kKeys[] = {"", "a", "b", "c", "aa", "B", "\xc3\xa9", "z9"};
    return kKeys[pick(0, 7)];
  }
  std::string space() {
    static const char* const kSpaces[] = {"", "", "", " ", "\n", "\t\r "};
    return kSpaces[pick(0, 5)];
  }
  std::string number() {
    static const char* const kNumbers[] = {"0", "-0", "7", "-12", "1.5", "-0.25e-3", "1E10", "2e+2", "1e400", "-1e400",
                                           "1e-400", "18446744073709551615", "18446744073709551616",
                                           "-9223372036854775808", "-9223372036854775809", "9007199254740993",
                                           "0.1", "123456789012345678901234567890", "3.141592653589793238"};
    if (pick(0, 3) == 0) return std::to_string(pick(-1000000, 1000000));
    return kNumbers[pick(0, sizeof kNumbers / sizeof *kNumbers - 1)];
  }
  std::string string() {
    static const char* const kPieces[] = {"plain", " ", "\\\"", "\\\\", "\\/", "\\b\\f\\n\\r\\t", "\\u0000",
                                          "\\u001f", "\\u00e9", "\\u20AC", "\\ud83d\\ude00", "\xc3\xa9", "\xe2\x82\xac",
                                          "\xf0\x9f\x98\x80", "\x7f", "{[,:]}", "\\ud800", "\\udc00x"};
    std::string text = "\"";
    for (int i = 0, n = pick(0, 4); i < n; ++i) text += kPieces[pick(0, sizeof kPieces / sizeof *kPieces - 1)];
    return text + "\"";
  }

  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("parse_json: keys out of order, repeated (the last wins) and nested build nlohmann's document",
          "[json]") {
  for (const char* text : {R"({"b":1,"a":2,"c":{"z":1,"y":[{"q":1,"p":2}]}})", R"({"a":1,"a":2,"a":{"x":3}})",
                           R"({"z":1,"a":2,"z":3})", R"([{"b":1,"a":2},{"a":1,"b":2},[]])", R"("top")", "7", "{}",
                           R"({"a":{"b":{"c":{}}},"a":null})"}) {
    CHECK(agrees(text));
  }
  CHECK(identical(parse_json(R"({"a":1,"a":2})").value(), Json::parse(R"({"a":2})")));
}

TEST_CASE("parse_json and dump_json agree with nlohmann on edge texts", "[json]") {
  // Valid: a byte order mark, whitespace around, escapes, surrogate pairs, number types.
  for (const char* text : {"\xEF\xBB\xBF{}", " \t\r\n[ 1 , -1 , 1.0 ] \n", R"("\u00e9\ud83d\ude00\/\u0000")", "-0",
                           "18446744073709551615", "18446744073709551616", "-9223372036854775808",
                           "-9223372036854775809", "1e-400", "0.1", "1E+2", R"("\u001f\u007f")", "\"\x7f\""}) {
    CHECK(agrees(text));
  }
  // Invalid: numbers out of form or range, lone surrogates, control characters, overlong and
  // surrogate UTF-8, a BOM cut short or elsewhere, literals cut short, trailing text.
  for (const char* text : {"01", "1.", ".5", "+1", "-", "1e", "1e+", "1e400", "-1e400", "\"\\ud800\"",
                           "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"\\u12\"", "\"\\x\"", "\"a\nb\"", "\"\xc0\xaf\"",
                           "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xe0\x80\xaf\"", "\xEF\xBB", "[\xEF\xBB\xBF]",
                           "tru", "nulll", "[1,]", "{\"a\":1,}", "{\"a\"}", "{1:2}", "[1 2]", "\"abc", "", " ",
                           "[1]x"}) {
    CHECK_FALSE(agrees(text));
  }
  CHECK_FALSE(agrees(std::string("\"a\0b\"", 5)));
  // The one difference: nlohmann's lexer takes a NUL byte for the end of the input and accepts
  // what comes before it; a NUL is not JSON (RFC 8259, and JSON.parse refuses it), so parse_json
  // refuses the text.
  CHECK_FALSE(reference(std::string("[1]\0x", 5)).is_discarded());
  CHECK(parse_json(std::string("[1]\0x", 5)).error().code == metalock::code::invalid_json);
  CHECK(parse_json(std::string("[1]\0", 4)).error().code == metalock::code::invalid_json);
  CHECK(agrees(std::string("\"a\\u0000b\"")));
}

TEST_CASE("parse_json == nlohmann's parser for 20,000 random texts, valid and mutated", "[json][property]") {
  TextGenerator gen(20261127u);
  int valid = 0;
  int invalid = 0;
  for (int i = 0; i < 20000; ++i) {
    std::string text = gen.value(0);
    if (i % 2 == 0) text = gen.mutated(text);
    (agrees(text) ? valid : invalid) += 1;
  }
  CHECK(valid > 5000);
  CHECK(invalid > 5000);
}

TEST_CASE("dump_json writes nlohmann's bytes for any string, malformed UTF-8 included", "[json][property]") {
  TextGenerator gen(7u);
  for (int i = 0; i < 20000; ++i) {
    Json doc = Json::object();
    doc[gen.bytes()] = gen.bytes();
    doc["list"] = Json::array({gen.bytes(), 1.5, -3, 18446744073709551615u, nullptr, false, 1e300, -0.0});
    INFO(nlohmann_dump(doc));
    REQUIRE(metalock::dump_json(doc) == nlohmann_dump(doc));
  }
  CHECK(metalock::dump_json(Json(std::nan(""))) == "null");
  CHECK(metalock::dump_json(Json(-9223372036854775807LL - 1)) == "-9223372036854775808");
}

TEST_CASE("the reader keeps no recursion: 200,000 levels parse when the limit allows them", "[json]") {
  const std::size_t levels = 200000;
  const std::string arrays = std::string(levels, '[') + std::string(levels, ']');
  std::string objects;
  for (std::size_t i = 0; i < levels; ++i) objects += "{\"a\":";
  objects += "null" + std::string(levels, '}');
  const metalock::JsonLimits deep{levels, metalock::kMaxJsonBytes};
  CHECK(parse_json(arrays, deep).ok());
  CHECK(parse_json(objects, deep).ok());
  CHECK(parse_json(arrays).error().code == metalock::code::too_deep);   // the default limit still holds
}
