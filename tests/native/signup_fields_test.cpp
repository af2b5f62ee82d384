// Lock's additionalSignUpFields specs: what a valid field spec is, and what parse_signup_fields
// reads from one. Mapping values into the sign-up body: signup_values_test.cpp.
#include "metalock/signup.hpp"
#include "signup_fixtures.hpp"

#include <catch2/catch.hpp>

#include <optional>
#include <string>

using metalock::Json;
using metalock::signup_fixtures::failure;

TEST_CASE("signup: spec validation", "[signup][spec]") {
  auto spec_error = [](const char* specs) { return failure(specs); };
  CHECK(spec_error(R"({"name":"a"})") == "invalid_field_spec ()");
  CHECK(spec_error(R"([1])") == "invalid_field_spec (0)");
  CHECK(spec_error(R"([{"placeholder":"P"}])") == "invalid_field_spec (0)");
  CHECK(spec_error(R"([{"name":"ok","placeholder":"P"},{"name":"","placeholder":"P"}])") == "invalid_field_spec (1)");
  CHECK(spec_error(R"([{"name":7,"placeholder":"P"}])") == "invalid_field_spec (0)");
  CHECK(spec_error(R"([{"name":"a b","placeholder":"P"}])") == "invalid_field_spec (a b)");
  CHECK(spec_error(R"([{"name":"a-b","placeholder":"P"}])") == "invalid_field_spec (a-b)");
  CHECK(spec_error(R"([{"name":"é","placeholder":"P"}])") == "invalid_field_spec (é)");
  for (const char* reserved : {"email", "username", "password"}) {
    CHECK(spec_error((std::string(R"([{"name":")") + reserved + R"(","placeholder":"P"}])").c_str()) ==
          std::string("invalid_field_spec (") + reserved + ")");
  }
  CHECK(spec_error(R"([{"name":"a","placeholder":"P"},{"name":"a","placeholder":"Q"}])") == "invalid_field_spec (a)");
  CHECK(spec_error(R"([{"name":"a","placeholder":"P","type":"radio"}])") == "invalid_field_spec (a)");
  CHECK(spec_error(R"([{"name":"a","placeholder":"P","type":1}])") == "invalid_field_spec (a)");
  CHECK(spec_error(R"([{"name":"a"}])") == "invalid_field_spec (a)");
  CHECK(spec_error(R"([{"name":"a","placeholder":""}])") == "invalid_field_spec (a)");
  CHECK(spec_error(R"([{"name":"a","placeholder":3}])") == "invalid_field_spec (a)");
  CHECK(spec_error(R"([{"name":"a","type":"checkbox"}])") == "invalid_field_spec (a)");
  CHECK(spec_error(R"([{"name":"a","placeholder":"P","prefill":1}])") == "invalid_field_spec (a)");
  CHECK(spec_error(R"([{"name":"a","placeholder":"P","validator":"fn"}])") == "invalid_field_spec (a)");
  CHECK(spec_error(R"([{"name":"a","placeholder":"P","ariaLabel":false}])") == "invalid_field_spec (a)");
  CHECK(spec_error(R"([{"name":"a","type":"checkbox","placeholder":"P","prefill":"yes"}])") == "invalid_field_spec (a)");
  // select
  CHECK(spec_error(R"([{"name":"s","type":"select","placeholder":"P"}])") == "invalid_field_spec (s)");
  CHECK(spec_error(R"([{"name":"s","type":"select","placeholder":"P","options":[]}])") == "invalid_field_spec (s)");
  CHECK(spec_error(R"([{"name":"s","type":"select","placeholder":"P","options":[{"label":"A"}]}])") ==
        "invalid_field_spec (s)");
  CHECK(spec_error(R"([{"name":"s","type":"select","placeholder":"P","options":[{"label":"","value":"a"}]}])") ==
        "invalid_field_spec (s)");
  CHECK(spec_error(R"([{"name":"s","type":"select","placeholder":"P","options":[{"label":"A","value":1}]}])") ==
        "invalid_field_spec (s)");
  CHECK(spec_error(R"([{"name":"s","type":"select","placeholder":"P","options":["a"]}])") == "invalid_field_spec (s)");
  CHECK(spec_error(R"([{"name":"s","type":"select","placeholder":"P","validator":true,
      "options":[{"label":"A","value":"a"}]}])") == "invalid_field_spec (s)");
  CHECK(spec_error(R"([{"name":"s","type":"select","placeholder":"P","prefill":"b",
      "options":[{"label":"A","value":"a"}]}])") == "invalid_field_spec (s)");
  // hidden
  CHECK(spec_error(R"([{"name":"h","type":"hidden"}])") == "invalid_field_spec (h)");
  CHECK(spec_error(R"([{"name":"h","type":"hidden","value":5}])") == "invalid_field_spec (h)");
  // storage
  CHECK(spec_error(R"([{"name":"color","placeholder":"P","storage":"root"}])") == "invalid_field_spec (color)");
  CHECK(spec_error(R"([{"name":"name","placeholder":"P","storage":"user_metadata"}])") == "invalid_field_spec (name)");
  CHECK(spec_error(R"([{"name":"picture","placeholder":"P","storage":true}])") == "invalid_field_spec (picture)");
  // Spec errors come before limits and values.
  CHECK(failure(R"([{"name":"bio","placeholder":"P"},{"name":"x y"}])", R"({"bio":5})") == "invalid_field_spec (x y)");
}

TEST_CASE("signup: parse_signup_fields reads every member", "[signup][spec]") {
  auto fields = metalock::parse_signup_fields(Json::parse(R"([
    {"name":"given_name","placeholder":"First","storage":"root","ariaLabel":"First name","prefill":"Ann","icon":"x.svg"},
    {"name":"plan","type":"select","placeholder":"Plan","options":[{"label":"Free","value":"free"}]},
    {"name":"nl","type":"checkbox","placeholder":"News","validator":null},
    {"name":"src","type":"hidden","value":"web","validator":true}])"));
  REQUIRE(fields.ok());
  const auto& f = fields.value();
  REQUIRE(f.size() == 4);
  CHECK(f[0].root);
  CHECK(f[0].aria_label == "First name");
  CHECK(f[0].prefill == std::optional<std::string>("Ann"));
  CHECK(f[0].type == metalock::FieldType::text);
  CHECK(f[1].type == metalock::FieldType::select);
  REQUIRE(f[1].options.size() == 1);
  CHECK(f[1].options[0].label == "Free");
  CHECK(f[1].options[0].value == "free");
  CHECK(f[2].type == metalock::FieldType::checkbox);
  CHECK_FALSE(f[2].has_validator);
  CHECK(f[3].type == metalock::FieldType::hidden);
  CHECK(f[3].value == std::optional<std::string>("web"));
  CHECK(f[3].has_validator);
  CHECK(f[3].placeholder.empty());
}

TEST_CASE("signup: placeholderHTML stands in for placeholder and is read as given", "[signup][spec]") {
  auto fields = metalock::parse_signup_fields(
      Json::parse(R"([{"name":"terms","type":"checkbox","placeholderHTML":"I accept <a href='https://x.test'>these</a>"}])"));
  REQUIRE(fields.ok());
  CHECK(fields.value().front().placeholder.empty());
  CHECK(fields.value().front().placeholder_html == "I accept <a href='https://x.test'>these</a>");
  CHECK(failure(R"([{"name":"a","placeholderHTML":""}])") == "invalid_field_spec (a)");
  CHECK(failure(R"([{"name":"a","placeholderHTML":5}])") == "invalid_field_spec (a)");
}

TEST_CASE("signup_field_value: one field judged as map_signup_fields judges it", "[signup][field]") {
  auto field_of = [](const char* spec) {
    auto fields = metalock::parse_signup_fields(Json::parse(spec));
    REQUIRE(fields.ok());
    return fields.value().front();
  };
  auto judge = [](const metalock::SignupField& field, const char* values) {
    auto value = metalock::signup_field_value(field, Json::parse(values));
    return value.ok() ? "ok: " + value.value() : value.error().code + " (" + value.error().field + ")";
  };
  const auto text = field_of(R"([{"name":"bio","placeholder":"Bio"}])");
  CHECK(judge(text, R"({"bio":" I <3 <b>cats</b> "})") == "ok:  I <3 cats ");
  CHECK(judge(text, R"({"bio":"  "})") == "field_required (bio)");
  CHECK(judge(text, R"({})") == "field_required (bio)");
  CHECK(judge(text, (R"({"bio":")" + std::string(501, 'x') + R"("})").c_str()) == "value_too_long (bio)");
  const auto validated = field_of(R"([{"name":"bio","placeholder":"Bio","validator":true}])");
  CHECK(judge(validated, R"({"bio":""})") == "ok: ");
  const auto select = field_of(R"([{"name":"plan","type":"select","placeholder":"Plan","options":[{"label":"Free","value":"free"}]}])");
  CHECK(judge(select, R"({"plan":"free"})") == "ok: free");
  CHECK(judge(select, R"({"plan":"gold"})") == "invalid_option (plan)");
  CHECK(judge(select, R"({"plan":""})") == "field_required (plan)");
  const auto checkbox = field_of(R"([{"name":"news","type":"checkbox","placeholder":"News"}])");
  CHECK(judge(checkbox, R"({"news":"false"})") == "ok: false");
  CHECK(judge(checkbox, R"({"news":"maybe"})") == "not_a_string (news)");
  const auto given = field_of(R"([{"name":"given_name","placeholder":"First","storage":"root"}])");
  CHECK(judge(given, (R"({"given_name":")" + std::string(151, 'a') + R"("})").c_str()) == "field_required (given_name)");
}

TEST_CASE("signup: a \"\" prefill is ignored, as Lock ignores it", "[signup][spec]") {
  auto fields = metalock::parse_signup_fields(Json::parse(
      R"([{"name":"plan","type":"select","placeholder":"P","options":[{"label":"A","value":"a"}],"prefill":""},
          {"name":"news","type":"checkbox","placeholder":"N","prefill":""},
          {"name":"city","placeholder":"City","prefill":""}])"));
  REQUIRE(fields.ok());
  for (const auto& field : fields.value()) CHECK_FALSE(field.prefill.has_value());
  CHECK(failure(R"([{"name":"city","placeholder":"City","prefill":""}])") == "field_required (city)");
}
