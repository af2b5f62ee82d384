// client_metadata: what the vectors (client-metadata.json) cannot say as data.
#include "metalock/client_metadata.hpp"

#include <catch2/catch.hpp>

using metalock::apply_client_metadata_patch;
using metalock::Json;
using metalock::validate_client_metadata;
namespace code = metalock::code;

TEST_CASE("client_metadata: a refused patch leaves the caller's metadata as it was", "[client_metadata]") {
  const Json current = Json::parse(R"({"a":"1"})");
  auto refused = apply_client_metadata_patch(current, Json::parse(R"({"b":2})"));
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.error().code == code::not_a_string);
  CHECK(current == Json::parse(R"({"a":"1"})"));
}

TEST_CASE("client_metadata: deep input is too_deep, not a crash", "[client_metadata]") {
  Json deep = Json::object();
  for (int i = 0; i < 200; ++i) deep = Json{{"x", deep}};
  CHECK(validate_client_metadata(deep).error().code == code::too_deep);
  CHECK(apply_client_metadata_patch(Json(), deep).error().code == code::too_deep);
}

TEST_CASE("client_metadata: the stored metadata must be an object or null", "[client_metadata]") {
  auto result = apply_client_metadata_patch(Json("text"), Json::parse(R"({"a":"1"})"));
  REQUIRE_FALSE(result.ok());
  CHECK(result.error().code == code::invalid_body);
}
