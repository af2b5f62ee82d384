// The JSON boundary: hostile text gets a clean error code, with no crash (its speed: bench/).
#include "metalock/json.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

using metalock::Json;
using metalock::parse_json;

namespace {

std::string nested(std::size_t depth, char open, char close, const std::string& inner = "") {
  return std::string(depth, open) + inner + std::string(depth, close);
}

// {"a":{"a":...{}...}} with `depth` objects.
std::string nested_objects(std::size_t depth) {
  std::string text;
  for (std::size_t i = 1; i < depth; ++i) text += "{\"a\":";
  text += "{}";
  text += std::string(depth - 1, '}');
  return text;
}

}  // namespace

TEST_CASE("parse_json accepts ordinary documents", "[json]") {
  auto doc = parse_json(R"({"a": [1, 2.5, "x", null, true], "b": {"c": "é"}})");
  REQUIRE(doc.ok());
  CHECK(doc.value()["a"][1] == 2.5);
  CHECK(doc.value()["b"]["c"] == "é");
  CHECK(parse_json("42").value() == 42);
  CHECK(parse_json("\"text\"").value() == "text");
}

// How fast these refusals are is measured in bench/limits_bench.cpp, not asserted here.
TEST_CASE("10,000 nested arrays or objects are too_deep without a crash", "[json]") {
  auto a = parse_json(nested(10000, '[', ']'));
  REQUIRE_FALSE(a.ok());
  CHECK(a.error().code == metalock::code::too_deep);
  auto o = parse_json(nested_objects(10000));
  REQUIRE_FALSE(o.ok());
  CHECK(o.error().code == metalock::code::too_deep);
}

TEST_CASE("depth exactly at the limit is accepted, one more is refused", "[json]") {
  const std::size_t limit = metalock::kMaxJsonDepth;
  CHECK(parse_json(nested(limit, '[', ']')).ok());
  CHECK(parse_json(nested_objects(limit)).ok());
  CHECK(parse_json(nested(limit, '[', ']', "1")).ok());
  CHECK(parse_json(nested(limit + 1, '[', ']')).error().code == metalock::code::too_deep);
  CHECK(parse_json(nested_objects(limit + 1)).error().code == metalock::code::too_deep);
}

TEST_CASE("brackets inside strings do not count as depth", "[json]") {
  const std::string text = "[\"" + std::string(1000, '[') + "\\\"" + std::string(1000, '{') + "\"]";
  auto doc = parse_json(text);
  REQUIRE(doc.ok());
  CHECK(doc.value()[0].get<std::string>().size() == 2001);
}

TEST_CASE("custom limits apply", "[json]") {
  CHECK(parse_json("[[1]]", {1, 100}).error().code == metalock::code::too_deep);
  CHECK(parse_json("[[1]]", {2, 100}).ok());
  CHECK(parse_json("[1,2,3]", {64, 6}).error().code == metalock::code::payload_too_large);
  CHECK(parse_json("[1,2,3]", {64, 7}).ok());
}

TEST_CASE("a 50 MB document is payload_too_large", "[json]") {
  auto doc = parse_json("[\"" + std::string(50 * 1024 * 1024, 'x') + "\"]");
  REQUIRE_FALSE(doc.ok());
  CHECK(doc.error().code == metalock::code::payload_too_large);
}

TEST_CASE("invalid UTF-8 and bad syntax are invalid_json", "[json]") {
  for (const char* text : {"\"\xff\"", "{\"a\": \"\xc3\"}", "\"\xed\xa0\x80\"", "{", "[1,]", "", "nul", "{'a': 1}",
                           "[1] [2]"}) {
    INFO(text);
    auto doc = parse_json(text);
    REQUIRE_FALSE(doc.ok());
    CHECK(doc.error().code == metalock::code::invalid_json);
  }
}

TEST_CASE("check_json_depth bounds documents built in memory", "[json]") {
  Json deep = Json::array();
  for (int i = 0; i < 100; ++i) deep = Json::array({deep});
  CHECK(metalock::check_json_depth(deep).error().code == metalock::code::too_deep);
  CHECK(metalock::check_json_depth(deep, 101).ok());
  CHECK(metalock::check_json_depth(Json(1), 0).ok());
  CHECK_FALSE(metalock::check_json_depth(Json::object(), 0).ok());
}

TEST_CASE("dump_json never throws on invalid UTF-8", "[json]") {
  Json bad = std::string("a\xff");
  CHECK(metalock::dump_json(bad) == "\"a\xEF\xBF\xBD\"");
  CHECK(metalock::dump_json(Json{{"b", 1}, {"a", Json::array({true})}}) == R"({"a":[true],"b":1})");
}

TEST_CASE("json_int64 clamps numbers into int64 instead of wrapping", "[json]") {
  using metalock::json_int64;
  CHECK(json_int64(Json::parse("42")) == 42);
  CHECK(json_int64(Json::parse("-42")) == -42);
  CHECK(json_int64(Json::parse("9223372036854775807")) == INT64_MAX);
  CHECK(json_int64(Json::parse("10000000000000000000")) == INT64_MAX);   // unsigned: get<int64_t> would wrap
  CHECK(json_int64(Json::parse("18446744073709551615")) == INT64_MAX);
  CHECK(json_int64(Json::parse("1e300")) == INT64_MAX);                  // a plain cast is undefined
  CHECK(json_int64(Json::parse("-1e300")) == INT64_MIN);
  CHECK(json_int64(Json::parse("-10000000000000000000")) == INT64_MIN);
  CHECK(json_int64(Json::parse("9223372036854775808.0")) == INT64_MAX);
  CHECK(json_int64(Json::parse("1714557600.9")) == 1714557600);          // Date.now() / 1000: floored
  CHECK(json_int64(Json::parse("-0.5")) == -1);
  CHECK(json_int64(Json(std::nan(""))) == std::nullopt);
  CHECK(json_int64(Json("5")) == std::nullopt);
  CHECK(json_int64(Json()) == std::nullopt);
}

TEST_CASE("parse_json_lenient reads responses as JSON.parse does", "[json][lenient]") {
  using metalock::parse_json_lenient;
  // A string cut inside an emoji: the high surrogate alone becomes U+FFFD.
  CHECK(parse_json(R"({"name":"Ann \ud83d"})").error().code == metalock::code::invalid_json);
  CHECK(parse_json_lenient(R"({"name":"Ann \ud83d"})").value()["name"] == "Ann \xEF\xBF\xBD");
  CHECK(parse_json_lenient(R"(["\udc00x", "\ud83d\ud83d\ude00", "\\ud83d", "\ud83d\u0041"])").value() ==
        Json::parse("[\"\xEF\xBF\xBDx\", \"\xEF\xBF\xBD\xF0\x9F\x98\x80\", \"\\\\ud83d\", \"\xEF\xBF\xBD" "A\"]"));
  // A pair stays a pair, and a body the strict parser takes is read the same.
  CHECK(parse_json_lenient(R"("\ud83d\ude00")").value() == "\xF0\x9F\x98\x80");
  // Out of the double range: the largest finite double with its sign; too small: 0.
  const Json numbers = parse_json_lenient(R"({"big":1e400,"neg":-2.5E+999,"tiny":1e-400,"ok":12,"s":"1e400"})").value();
  CHECK(numbers["big"].get<double>() == std::numeric_limits<double>::max());
  CHECK(numbers["neg"].get<double>() == -std::numeric_limits<double>::max());
  CHECK(numbers["tiny"].get<double>() == 0.0);
  CHECK(numbers["ok"] == 12);
  CHECK(numbers["s"] == "1e400");
  // Everything else stays refused, with the same codes and limits.
  for (const char* bad : {"{", R"({"a":1e400)", "[1e400,]", R"("\ud83d)", "\xff\xfe"}) {
    INFO(bad);
    CHECK(parse_json_lenient(bad).error().code == metalock::code::invalid_json);
  }
  // Only a number token's own text is read: once a repair pass replaced the longest run of
  // number characters, so `1e400.5` and `1e400-3` (not JSON) read as the largest double.
  for (const char* bad : {"1e400.5", "[1e400-3]", "1e400e1"}) {
    INFO(bad);
    CHECK(parse_json_lenient(bad).error().code == metalock::code::invalid_json);
  }
  // A surrogate escape cut short at the very end of the text is a syntax error, lenient or not.
  for (const char* bad : {R"("\ud800\u)", R"("\ud800\)", R"("\ud800\udc0)", R"("\ud800)"}) {
    INFO(bad);
    CHECK(parse_json_lenient(bad).error().code == metalock::code::invalid_json);
  }
  const Json tiny = parse_json_lenient("-1e-400").value();
  CHECK((tiny.get<double>() == 0.0 && std::signbit(tiny.get<double>())));
  CHECK(parse_json_lenient("[1e400]", {0, 64}).error().code == metalock::code::too_deep);
  CHECK(parse_json_lenient("[1e400,1]", {64, 8}).error().code == metalock::code::payload_too_large);
}
