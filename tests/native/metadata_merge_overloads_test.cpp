// merge_metadata's two overloads build the result differently: the owning one merges in the
// caller's user, the const one copies only what the patch leaves (metadata.cpp,
// copy_unchanged). Both must give the same result, or the same error, for every input.
#include "metalock/metadata.hpp"

#include <catch2/catch.hpp>

#include <string>

using metalock::Json;
using metalock::merge_metadata;
namespace code = metalock::code;

namespace {

// The result's JSON text, or "code (field)".
std::string outcome(const metalock::Result<Json>& result) {
  return result ? result.value().dump() : result.error().code + " (" + result.error().field + ")";
}

// Both overloads on the same input; returns the const one's outcome once they are equal.
std::string merged_both_ways(const Json& user, const Json& patch) {
  const std::string from_const = outcome(merge_metadata(user, patch));
  const std::string from_owned = outcome(merge_metadata(Json(user), patch));
  INFO("user: " << user.dump() << "\npatch: " << patch.dump());
  CHECK(from_const == from_owned);
  return from_const;
}

std::string merged_both_ways(const char* user, const char* patch) {
  return merged_both_ways(Json::parse(user), Json::parse(patch));
}

// [[[...]]] nested `levels` deep, built without recursion.
Json nested_arrays(int levels) {
  Json root = Json::array();
  Json* innermost = &root;
  for (int i = 1; i < levels; ++i) innermost = &innermost->emplace_back(Json::array());
  return root;
}

}  // namespace

TEST_CASE("merge overloads: a null for a key the user lacks deletes nothing and adds nothing",
          "[metadata][merge]") {
  CHECK(merged_both_ways(R"({"user_metadata":{"a":1,"c":3}})", R"({"user_metadata":{"b":null,"z":null}})") ==
        R"({"user_metadata":{"a":1,"c":3}})");
  CHECK(merged_both_ways(R"({"user_metadata":{"a":1}})", R"({"user_metadata":{"0":null,"a":null,"b":2}})") ==
        R"({"user_metadata":{"b":2}})");
}

TEST_CASE("merge overloads: values change kind both ways, wholesale", "[metadata][merge]") {
  CHECK(merged_both_ways(R"({"user_metadata":{"a":{"x":{"y":1}},"b":2,"c":[1,{"d":2}]}})",
                         R"({"user_metadata":{"a":"flat","b":{"now":"nested"},"c":{}}})") ==
        R"({"user_metadata":{"a":"flat","b":{"now":"nested"},"c":{}}})");
  // Top-level keys other than the metadata replace the user's, objects by scalars and back.
  CHECK(merged_both_ways(R"({"identities":[{"a":1}],"name":"A","user_metadata":{"k":1}})",
                         R"({"identities":null,"name":{"first":"A"}})") ==
        R"({"identities":null,"name":{"first":"A"},"user_metadata":{"k":1}})");
}

TEST_CASE("merge overloads: clearing, absent, null and both metadata at once", "[metadata][merge]") {
  CHECK(merged_both_ways(R"({"app_metadata":{"p":1},"user_metadata":{"a":1}})",
                         R"({"app_metadata":{"q":2},"user_metadata":{}})") ==
        R"({"app_metadata":{"p":1,"q":2},"user_metadata":{}})");
  CHECK(merged_both_ways(R"({"user_metadata":null})", R"({"user_metadata":{"a":null,"b":1}})") ==
        R"({"user_metadata":{"b":1}})");
  CHECK(merged_both_ways(R"({"user_id":"u"})", R"({"app_metadata":{},"user_metadata":{"a":null}})") ==
        R"({"app_metadata":{},"user_id":"u","user_metadata":{}})");
  CHECK(merged_both_ways(R"({"user_metadata":{"a":1}})", "{}") == R"({"user_metadata":{"a":1}})");
}

TEST_CASE("merge overloads: the same error, whichever key comes first", "[metadata][merge]") {
  CHECK(merged_both_ways(R"({"user_metadata":"x"})", R"({"user_metadata":{"a":1}})") ==
        "invalid_body (user_metadata)");
  CHECK(merged_both_ways(R"({"user_metadata":[1]})", R"({"user_metadata":{}})") == "invalid_body (user_metadata)");
  CHECK(merged_both_ways(R"({"user_metadata":{"a":1}})", R"({"user_metadata":[1]})") ==
        "invalid_body (user_metadata)");
  CHECK(merged_both_ways(R"({"app_metadata":7,"user_metadata":{"a.b":1}})",
                         R"({"app_metadata":{"x":1},"user_metadata":{"a.b":1}})") == "invalid_body (app_metadata)");
  CHECK(merged_both_ways(R"({"app_metadata":{"x":1}})", R"({"app_metadata":{"email":1},"user_metadata":"no"})") ==
        "reserved_field (app_metadata.email)");
}

TEST_CASE("merge overloads: too_deep even where the patch replaces the deep value", "[metadata][merge]") {
  // 64 levels is the limit: user_metadata.a at depth 2 holding 62 more levels is allowed.
  Json user = {{"user_metadata", {{"a", nested_arrays(62)}, {"b", 1}}}};
  const Json patch = {{"user_metadata", {{"a", 1}}}};
  CHECK(merged_both_ways(user, patch) == R"({"user_metadata":{"a":1,"b":1}})");
  user["user_metadata"]["a"] = nested_arrays(63);
  CHECK(merged_both_ways(user, patch) == "too_deep ()");
  // Far past the limit, under a key the patch replaces or deletes and one it clears: the const
  // overload must refuse before copying anything (a copy recursed into this and crashed).
  const Json deep = {{"user_metadata", {{"a", nested_arrays(200000)}}}, {"name", nested_arrays(200000)}};
  for (const char* replacing : {R"({"user_metadata":{"a":1}})", R"({"user_metadata":{"a":null}})",
                                R"({"user_metadata":{}})", R"({"name":"A"})"}) {
    CHECK(outcome(merge_metadata(deep, Json::parse(replacing))) == "too_deep ()");
  }
}
