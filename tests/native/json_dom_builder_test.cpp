// parse_json builds documents with its own SAX handler (sdk/src/json_dom_builder.hpp), which
// inserts members with a hint instead of nlohmann's search: whatever order the keys come in,
// repeated or not, the document must be the one nlohmann's own parser builds.
#include "metalock/json.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

using metalock::Json;
using metalock::parse_json;

namespace {

// What nlohmann's own DOM parser makes of `text` (null for invalid text, as parse_json's error).
Json reference(const std::string& text) {
  Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  return doc.is_discarded() ? Json() : doc;
}

Json parsed(const std::string& text) {
  auto doc = parse_json(text);
  return doc ? doc.value() : Json();
}

// Random JSON text whose objects list keys in any order, repeat some, and nest arrays.
class TextGenerator {
 public:
  explicit TextGenerator(std::uint32_t seed) : rng_(seed) {}

  std::string value(int depth) {
    switch (pick(0, depth >= 4 ? 3 : 5)) {
      case 0: return pick(0, 1) ? "null" : "true";
      case 1: return std::to_string(pick(-100000, 100000));
      case 2: return pick(0, 1) ? "1.5e3" : "18446744073709551615";
      case 3: return "\"" + key() + "\"";
      case 4: {
        std::string text = "[";
        for (int i = 0, n = pick(0, 4); i < n; ++i) text += (i ? "," : "") + value(depth + 1);
        return text + "]";
      }
      default: {
        std::string text = "{";
        for (int i = 0, n = pick(0, 8); i < n; ++i) text += (i ? ",\"" : "\"") + key() + "\":" + value(depth + 1);
        return text + "}";
      }
    }
  }

 private:
  int pick(int low, int high) { return std::uniform_int_distribution<int>(low, high)(rng_); }
  // Few names, so that repeats and every order occur; "" and "é" sort apart from ASCII.
  std::string key() {
    static const char* const kKeys[] = {"", "a", "b", "c", "aa", "B", "\xc3\xa9", "z9"};
    return kKeys[pick(0, 7)];
  }

  std::mt19937 rng_;
};

}  // namespace

TEST_CASE("parse_json: keys out of order, repeated (the last wins) and nested build nlohmann's document",
          "[json]") {
  for (const char* text : {R"({"b":1,"a":2,"c":{"z":1,"y":[{"q":1,"p":2}]}})", R"({"a":1,"a":2,"a":{"x":3}})",
                           R"({"z":1,"a":2,"z":3})", R"([{"b":1,"a":2},{"a":1,"b":2},[]])", R"("top")", "7", "{}",
                           R"({"a":{"b":{"c":{}}},"a":null})"}) {
    INFO(text);
    REQUIRE(parse_json(text).ok());
    CHECK(parsed(text) == reference(text));
    CHECK(parsed(text).dump() == reference(text).dump());
  }
  CHECK(parsed(R"({"a":1,"a":2})") == Json::parse(R"({"a":2})"));
}

TEST_CASE("parse_json == nlohmann's parser for 5,000 random texts, valid and cut short", "[json][property]") {
  TextGenerator gen(20261126u);
  int invalid = 0;
  for (int i = 0; i < 5000; ++i) {
    std::string text = gen.value(0);
    if (i % 5 == 0 && text.size() > 1) text.resize(text.size() / 2);   // mostly invalid now
    INFO(text);
    const bool ok = parse_json(text).ok();
    REQUIRE(ok == !Json::parse(text, nullptr, false).is_discarded());
    if (!ok) ++invalid;
    REQUIRE(parsed(text).dump() == reference(text).dump());
  }
  CHECK(invalid > 500);
}
