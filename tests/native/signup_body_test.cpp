// validate_signup_body: a received /dbconnections/signup body against the endpoint's limits,
// and its agreement with map_signup_fields, which shares those limits.
#include "metalock/signup.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <string>

using metalock::Json;
using metalock::map_signup_fields;
using metalock::validate_signup_body;

namespace {

// What auth0-js sends for a Lock sign-up with two custom fields and a given name.
const Json kBody = Json::parse(R"({
  "client_id": "metalock-demo",
  "connection": "Username-Password-Authentication",
  "email": "ann@example.com",
  "password": "Correct-Horse-9",
  "username": "annlee",
  "given_name": "Ann",
  "user_metadata": {"company": "Acme", "newsletter": "true"}
})");

// "ok" or "code (field)".
std::string verdict(const Json& body) {
  auto status = validate_signup_body(body);
  return status.ok() ? "ok" : status.error().code + " (" + status.error().field + ")";
}

Json with(Json object, const std::string& key, Json value) {
  object[key] = std::move(value);
  return object;
}

Json without(Json object, const char* key) {
  object.erase(key);
  return object;
}

Json with_metadata(const Json& metadata) { return with(kBody, "user_metadata", metadata); }

std::string repeat(const std::string& unit, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i) text += unit;
  return text;
}

const std::string kAccent = "\xc3\xa9";           // é: 2 bytes, 1 JS character
const std::string kEmoji = "\xf0\x9f\x98\x80";    // 😀: 4 bytes, 2 JS characters (a surrogate pair)

}  // namespace

TEST_CASE("signup body: an Auth0-shaped body passes, with or without optional parts", "[signup][signup_body]") {
  CHECK(verdict(kBody) == "ok");
  Json minimal = without(without(without(kBody, "username"), "given_name"), "user_metadata");
  CHECK(verdict(minimal) == "ok");
  CHECK(verdict(with_metadata(Json::object())) == "ok");
  // Keys the endpoint may not know are the caller's business (the tenant checks its shape).
  CHECK(verdict(with(kBody, "phone_number", 5)) == "ok");
}

TEST_CASE("signup body: the body must be an object", "[signup][signup_body]") {
  for (const Json& bad : {Json::array({kBody}), Json("body"), Json(nullptr), Json(3)}) {
    CHECK(verdict(bad) == "invalid_body ()");
  }
}

TEST_CASE("signup body: client_id, connection, email, password are non-empty strings", "[signup][signup_body]") {
  for (const char* key : {"client_id", "connection", "email", "password"}) {
    INFO(key);
    const std::string expected = std::string("field_required (") + key + ")";
    CHECK(verdict(without(kBody, key)) == expected);
    CHECK(verdict(with(kBody, key, "")) == expected);
    CHECK(verdict(with(kBody, key, nullptr)) == expected);
    CHECK(verdict(with(kBody, key, 42)) == expected);
  }
  CHECK(verdict(without(without(kBody, "password"), "client_id")) == "field_required (client_id)");
}

TEST_CASE("signup body: username is optional, a string when present", "[signup][signup_body]") {
  CHECK(verdict(with(kBody, "username", 7)) == "not_a_string (username)");
  CHECK(verdict(with(kBody, "username", nullptr)) == "not_a_string (username)");
  CHECK(verdict(with(kBody, "username", Json::array({"ann"}))) == "not_a_string (username)");
  CHECK(verdict(without(kBody, "username")) == "ok");
}

TEST_CASE("signup body: root attributes are non-empty strings within their ranges", "[signup][signup_body]") {
  for (const char* name : {"given_name", "family_name", "name", "nickname", "picture"}) {
    INFO(name);
    CHECK(verdict(with(kBody, name, 1)) == std::string("not_a_string (") + name + ")");
    CHECK(verdict(with(kBody, name, nullptr)) == std::string("not_a_string (") + name + ")");
    CHECK(verdict(with(kBody, name, "")) == std::string("field_required (") + name + ")");
  }
  for (auto [name, max] : {std::pair<const char*, std::size_t>{"given_name", 150}, {"family_name", 150},
                           {"name", 300}, {"nickname", 300}}) {
    INFO(name);
    CHECK(verdict(with(kBody, name, std::string(max, 'a'))) == "ok");
    // Over the range the value is too long; a Lock form would call it field_required.
    CHECK(verdict(with(kBody, name, std::string(max + 1, 'a'))) == std::string("value_too_long (") + name + ")");
    // Counted as JS counts: UTF-16 code units.
    CHECK(verdict(with(kBody, name, repeat(kAccent, max))) == "ok");
    CHECK(verdict(with(kBody, name, repeat(kEmoji, max / 2))) == "ok");
    CHECK(verdict(with(kBody, name, repeat(kEmoji, max / 2) + "a")) == std::string("value_too_long (") + name + ")");
  }
  // No documented range for picture (a URI): long ones pass.
  CHECK(verdict(with(kBody, "picture", "https://example.com/" + std::string(2000, 'p'))) == "ok");
  // Nothing is trimmed: a received value is what will be stored.
  CHECK(verdict(with(kBody, "nickname", "  ")) == "ok");
}

TEST_CASE("signup body: user_metadata is an object of at most 10 properties", "[signup][signup_body]") {
  for (const Json& bad : {Json(nullptr), Json::array(), Json("company=Acme"), Json(1)}) {
    CHECK(verdict(with_metadata(bad)) == "invalid_body (user_metadata)");
  }
  Json ten = Json::object();
  for (int i = 0; i < 10; ++i) ten["field_" + std::to_string(i)] = "v";
  CHECK(verdict(with_metadata(ten)) == "ok");
  CHECK(verdict(with_metadata(with(ten, "field_10", "v"))) == "too_many_fields (user_metadata)");
}

TEST_CASE("signup body: user_metadata names: 100 characters, no '.' or '$', nothing else",
          "[signup][signup_body]") {
  CHECK(verdict(with_metadata({{std::string(100, 'n'), "v"}})) == "ok");
  CHECK(verdict(with_metadata({{std::string(101, 'n'), "v"}})) ==
        "field_name_too_long (user_metadata." + std::string(101, 'n') + ")");
  CHECK(verdict(with_metadata({{repeat(kAccent, 100), "v"}})) == "ok");
  CHECK(verdict(with_metadata({{repeat(kEmoji, 51), "v"}})) ==
        "field_name_too_long (user_metadata." + repeat(kEmoji, 51) + ")");

  CHECK(verdict(with_metadata({{"plan.tier", "pro"}})) == "invalid_field_name (user_metadata.plan.tier)");
  CHECK(verdict(with_metadata({{"$set", "x"}})) == "invalid_field_name (user_metadata.$set)");
  CHECK(verdict(with_metadata({{"price$", "5"}})) == "invalid_field_name (user_metadata.price$)");
  // Auth0 takes any other name at sign-up: no Lock [A-Za-z0-9_] rule, no reserved words.
  CHECK(verdict(with_metadata({{"favourite color", "red"},
                               {"x-y:z", "1"},
                               {"caf" + kAccent, "2"},
                               {"email", "other@example.com"},
                               {"__proto__", "3"},
                               {"", "empty name"}})) == "ok");
}

TEST_CASE("signup body: user_metadata values are strings of at most 500 characters", "[signup][signup_body]") {
  for (const Json& bad : {Json(1), Json(true), Json(nullptr), Json::object(), Json::array({"a"})}) {
    INFO(bad.dump());
    CHECK(verdict(with_metadata({{"age", bad}})) == "not_a_string (user_metadata.age)");
  }
  CHECK(verdict(with_metadata({{"bio", ""}})) == "ok");
  CHECK(verdict(with_metadata({{"bio", std::string(500, 'x')}})) == "ok");
  CHECK(verdict(with_metadata({{"bio", std::string(501, 'x')}})) == "value_too_long (user_metadata.bio)");
  CHECK(verdict(with_metadata({{"bio", repeat(kAccent, 500)}})) == "ok");
  CHECK(verdict(with_metadata({{"bio", repeat(kEmoji, 250)}})) == "ok");
  CHECK(verdict(with_metadata({{"bio", repeat(kEmoji, 250) + "x"}})) == "value_too_long (user_metadata.bio)");
}

TEST_CASE("signup body: checks run in the documented order", "[signup][signup_body]") {
  Json body = with(with(kBody, "nickname", ""), "user_metadata", Json::array());
  CHECK(verdict(without(body, "email")) == "field_required (email)");
  CHECK(verdict(with(without(kBody, "email"), "username", 1)) == "field_required (email)");
  CHECK(verdict(with(body, "username", 1)) == "not_a_string (username)");
  CHECK(verdict(with(body, "given_name", 5)) == "not_a_string (given_name)");   // given_name before nickname
  CHECK(verdict(body) == "field_required (nickname)");                          // root before user_metadata

  Json eleven = Json::object();
  for (int i = 0; i < 11; ++i) eleven["a.b" + std::to_string(i)] = 1;
  CHECK(verdict(with_metadata(eleven)) == "too_many_fields (user_metadata)");    // count before names
  // Per property: its name, then its value; properties in key order.
  CHECK(verdict(with_metadata({{"a.b", 1}})) == "invalid_field_name (user_metadata.a.b)");
  CHECK(verdict(with_metadata({{std::string(101, 'z') + ".", 1}})) ==
        "field_name_too_long (user_metadata." + std::string(101, 'z') + ".)");
  CHECK(verdict(with_metadata({{"b", std::string(501, 'x')}, {"a", 1}})) == "not_a_string (user_metadata.a)");
}

TEST_CASE("signup body: what map_signup_fields builds from Lock fields passes", "[signup][signup_body]") {
  const Json specs = Json::parse(R"([
    {"name":"given_name","placeholder":"First name","storage":"root"},
    {"name":"nickname","placeholder":"Nick","storage":"root"},
    {"name":"company","placeholder":"Company"},
    {"name":"plan","type":"select","placeholder":"Plan","options":[{"label":"Pro","value":"pro"}]},
    {"name":"newsletter","type":"checkbox","placeholder":"News"},
    {"name":"source","type":"hidden","value":"web"}
  ])");
  const Json values = {{"given_name", repeat(kAccent, 150)},
                       {"nickname", " <b>an</b> "},
                       {"company", std::string(500, 'c')},
                       {"plan", "pro"},
                       {"newsletter", true}};
  auto built = map_signup_fields(specs, values, without(without(kBody, "given_name"), "user_metadata"));
  REQUIRE(built);
  CHECK(verdict(built.value()) == "ok");
}

// The user_metadata limits exist once (signup_limits.cpp): whatever map_signup_fields says
// of a base.user_metadata, validate_signup_body says of the same body, naming the property
// by its path instead of its bare name.
TEST_CASE("signup body: same verdicts as map_signup_fields on random user_metadata", "[signup][signup_body]") {
  std::mt19937 rng(7);
  const std::vector<std::string> pieces = {"a", "Z", "_", "9", " ", ".", "$", kAccent, kEmoji};
  const auto random_text = [&](std::size_t max_units, const std::vector<std::string>& alphabet) {
    std::string text;
    const std::size_t length = rng() % (max_units + 1);
    for (std::size_t i = 0; i < length; ++i) text += alphabet[rng() % alphabet.size()];
    return text;
  };
  const std::vector<std::string> safe = {"a", "b", "c", "d", kAccent, kEmoji};
  const auto failure = [](const metalock::Error& e, const std::string& prefix) {
    return e.code + " (" + prefix + e.field + ")";
  };
  for (int round = 0; round < 3000; ++round) {
    Json metadata = Json::object();
    const int properties = static_cast<int>(rng() % 13);
    for (int i = 0; i < properties; ++i) {
      // Mostly short safe names; sometimes long ones or ones with '.'/'$'.
      const int kind = static_cast<int>(rng() % 10);
      std::string name = kind < 7 ? random_text(8, safe) + std::to_string(i)
                                  : kind < 9 ? random_text(110, safe) : random_text(12, pieces);
      const int value_kind = static_cast<int>(rng() % 10);
      Json value = value_kind < 8 ? Json(random_text(520, safe)) : value_kind == 8 ? Json(i) : Json(nullptr);
      metadata[name] = value;
    }
    INFO(metadata.dump());
    const Json body = with_metadata(metadata);
    auto received = validate_signup_body(body);
    auto built = map_signup_fields(Json::array(), Json::object(), body);
    REQUIRE(received.ok() == built.ok());
    if (!received.ok()) {
      if (received.error().code == metalock::code::too_many_fields) {
        CHECK(built.error().code == received.error().code);
      } else {
        CHECK(failure(received.error(), "") == failure(built.error(), "user_metadata."));
      }
    }
  }
}
