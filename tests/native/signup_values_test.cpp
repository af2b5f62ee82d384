// Lock's additionalSignUpFields -> the /dbconnections/signup body: values, prefills, limits,
// and the markup stripping every value goes through. The specs themselves: signup_fields_test.cpp.
#include "metalock/signup.hpp"
#include "signup_fixtures.hpp"

#include <catch2/catch.hpp>

#include <cctype>
#include <chrono>
#include <string>

using metalock::Json;
using metalock::map_signup_fields;
using metalock::strip_html;
using metalock::signup_fixtures::failure;
using metalock::signup_fixtures::kBase;

namespace {

Json body_for(const char* specs, const char* values, const Json& base = kBase) {
  auto result = map_signup_fields(Json::parse(specs), Json::parse(values), base);
  INFO((result.ok() ? std::string() : result.error().code + " " + result.error().field + ": " + result.error().description));
  REQUIRE(result.ok());
  return result.value();
}

Json with(Json object, const char* key, Json value) {
  object[key] = std::move(value);
  return object;
}

}  // namespace

TEST_CASE("signup: text fields go to user_metadata, root fields to the root", "[signup]") {
  const Json body = body_for(
      R"([{"name":"given_name","placeholder":"First name","storage":"root"},
          {"name":"favorite_color","placeholder":"Color"}])",
      R"({"given_name":"  Ann ","favorite_color":"blue","unrelated":"ignored"})");
  Json expected = kBase;
  expected["given_name"] = "  Ann ";  // sent as typed: trimmed only to decide "required"
  expected["user_metadata"] = {{"favorite_color", "blue"}};
  CHECK(body == expected);
}

TEST_CASE("signup: no custom fields means no user_metadata, only root ones send it empty, as Lock does", "[signup]") {
  CHECK(body_for("[]", "{}") == kBase);
  CHECK_FALSE(body_for("[]", "{}").contains("user_metadata"));
  const Json body = body_for(R"([{"name":"nickname","placeholder":"Nick","storage":"root"}])", R"({"nickname":"an"})");
  CHECK(body == with(with(kBase, "nickname", "an"), "user_metadata", Json::object()));
}

TEST_CASE("signup: a blank root value with a validator is left out, user_metadata still sent", "[signup]") {
  const Json body = body_for(R"([{"name":"nickname","placeholder":"Nick","storage":"root","validator":true}])",
                             R"({"nickname":"  "})");
  CHECK_FALSE(body.contains("nickname"));
  CHECK(body["user_metadata"] == Json::object());
}

TEST_CASE("signup: base keys are copied as given, username included", "[signup]") {
  Json base = with(kBase, "username", "ann");
  base["extra"] = 1;
  CHECK(body_for("[]", "{}", base) == base);
}

TEST_CASE("signup: base user_metadata is kept beneath the fields and obeys the limits", "[signup]") {
  Json base = with(kBase, "user_metadata", {{"source", "campaign"}, {"color", "old"}});
  CHECK(body_for(R"([{"name":"color","placeholder":"Color"}])", R"({"color":"new"})", base)["user_metadata"] ==
        Json({{"source", "campaign"}, {"color", "new"}}));
  CHECK(body_for("[]", "{}", base)["user_metadata"] == base["user_metadata"]);
  CHECK(failure(Json::array(), Json::object(), with(kBase, "user_metadata", {{"n", 1}})) == "not_a_string (n)");
  CHECK(failure(Json::array(), Json::object(), with(kBase, "user_metadata", "x")) == "invalid_body (user_metadata)");
  CHECK(failure(Json::array(), Json::object(),
                with(kBase, "user_metadata", {{std::string(101, 'k'), "v"}})) ==
        "field_name_too_long (" + std::string(101, 'k') + ")");
  CHECK(failure(Json::array(), Json::object(), with(kBase, "user_metadata", {{"v", std::string(501, 'x')}})) ==
        "value_too_long (v)");
}

TEST_CASE("signup: checkbox values are \"true\"/\"false\"", "[signup]") {
  const char* specs = R"([{"name":"newsletter","type":"checkbox","placeholder":"Subscribe"}])";
  CHECK(body_for(specs, R"({"newsletter":true})")["user_metadata"]["newsletter"] == "true");
  CHECK(body_for(specs, R"({"newsletter":false})")["user_metadata"]["newsletter"] == "false");
  CHECK(body_for(specs, R"({"newsletter":"true"})")["user_metadata"]["newsletter"] == "true");
  CHECK(body_for(specs, R"({"newsletter":"false"})")["user_metadata"]["newsletter"] == "false");
  CHECK(body_for(specs, "{}")["user_metadata"]["newsletter"] == "false");
  CHECK(body_for(R"([{"name":"nl","type":"checkbox","placeholder":"S","prefill":"true"}])", "{}")["user_metadata"]["nl"] ==
        "true");
  CHECK(failure(specs, R"({"newsletter":"yes"})") == "not_a_string (newsletter)");
  CHECK(failure(specs, R"({"newsletter":1})") == "not_a_string (newsletter)");
}

TEST_CASE("signup: select takes the chosen option's value", "[signup]") {
  const char* specs = R"([{"name":"plan","type":"select","placeholder":"Plan",
      "options":[{"label":"Free","value":"free"},{"label":"Pro","value":"pro"}]}])";
  CHECK(body_for(specs, R"({"plan":"pro"})")["user_metadata"]["plan"] == "pro");
  CHECK(failure(specs, R"({"plan":"Pro"})") == "invalid_option (plan)");
  CHECK(failure(specs, R"({"plan":"enterprise"})") == "invalid_option (plan)");
  CHECK(failure(specs, R"({"plan":"<b>pro</b>"})") == "invalid_option (plan)");
  CHECK(failure(specs, R"({"plan":["pro"]})") == "not_a_string (plan)");
  CHECK(failure(specs, "{}") == "field_required (plan)");
  CHECK(failure(specs, R"({"plan":""})") == "field_required (plan)");
  const char* prefilled = R"([{"name":"plan","type":"select","placeholder":"Plan","prefill":"free",
      "options":[{"label":"Free","value":"free"}]}])";
  CHECK(body_for(prefilled, "{}")["user_metadata"]["plan"] == "free");
}

TEST_CASE("signup: hidden fields always send their configured value", "[signup]") {
  const char* specs = R"([{"name":"source","type":"hidden","value":"landing-page"}])";
  CHECK(body_for(specs, "{}")["user_metadata"]["source"] == "landing-page");
  CHECK(body_for(specs, R"({"source":"forged"})")["user_metadata"]["source"] == "landing-page");
  CHECK(body_for(specs, R"({"source":12})")["user_metadata"]["source"] == "landing-page");
}

TEST_CASE("signup: missing (or null) values take the prefill", "[signup]") {
  const char* specs = R"([{"name":"city","placeholder":"City","prefill":"Paris"}])";
  CHECK(body_for(specs, "{}")["user_metadata"]["city"] == "Paris");
  CHECK(body_for(specs, R"({"city":null})")["user_metadata"]["city"] == "Paris");
  CHECK(body_for(specs, R"({"city":"Lyon"})")["user_metadata"]["city"] == "Lyon");
  CHECK(failure(specs, R"({"city":""})") == "field_required (city)");
}

TEST_CASE("signup: values are HTML-stripped and otherwise sent as typed", "[signup]") {
  const Json body = body_for(R"([{"name":"bio","placeholder":"Bio"}])",
                             R"({"bio":" <b>Hi</b> <script>alert(1)</script>there\u00a0"})");
  CHECK(body["user_metadata"]["bio"] == " Hi there\u00a0");
  CHECK(body_for(R"([{"name":"bio","placeholder":"Bio"}])", R"({"bio":"I <3 cats, a < b & c"})")["user_metadata"]["bio"] ==
        "I <3 cats, a < b & c");
  CHECK(failure(R"([{"name":"bio","placeholder":"Bio"}])", R"({"bio":" \u00a0\t"})") == "field_required (bio)");
  CHECK(failure(R"([{"name":"bio","placeholder":"Bio"}])", R"({"bio":"<img src=x onerror=alert(1)>"})") ==
        "field_required (bio)");
}

TEST_CASE("signup: without a validator a field is required, with one it may be empty", "[signup]") {
  CHECK(failure(R"([{"name":"company","placeholder":"Company"}])", "{}") == "field_required (company)");
  CHECK(failure(R"([{"name":"company","placeholder":"Company"}])", R"({"company":"   "})") == "field_required (company)");
  CHECK(body_for(R"([{"name":"company","placeholder":"Company","validator":true}])", "{}")["user_metadata"] ==
        Json({{"company", ""}}));
  CHECK(failure(R"([{"name":"company","placeholder":"Company","validator":false}])", "{}") == "field_required (company)");
  // An empty root attribute would be refused by Auth0: it is left out; user_metadata is still
  // sent, empty, as Lock sends it.
  const Json body = body_for(R"([{"name":"given_name","placeholder":"First","storage":"root","validator":true}])", "{}");
  CHECK_FALSE(body.contains("given_name"));
  CHECK(body["user_metadata"] == Json::object());
}

TEST_CASE("signup: the base needs client_id, connection, email, password", "[signup]") {
  for (const char* key : {"client_id", "connection", "email", "password"}) {
    INFO(key);
    Json missing = kBase;
    missing.erase(key);
    CHECK(failure(Json::array(), Json::object(), missing) == std::string("field_required (") + key + ")");
    CHECK(failure(Json::array(), Json::object(), with(kBase, key, "")) == std::string("field_required (") + key + ")");
    CHECK(failure(Json::array(), Json::object(), with(kBase, key, 5)) == std::string("field_required (") + key + ")");
  }
}

TEST_CASE("signup: invalid_body for non-object values or base", "[signup]") {
  CHECK(failure(Json::array(), Json::array(), kBase) == "invalid_body (values)");
  CHECK(failure(Json::array(), Json(nullptr), kBase) == "invalid_body (values)");
  CHECK(failure(Json::array(), Json::object(), Json("x")) == "invalid_body (base)");
}

TEST_CASE("signup: length limits", "[signup]") {
  auto root_field = [](const char* name) {
    return Json::array({{{"name", name}, {"placeholder", "P"}, {"storage", "root"}}});
  };
  auto validated = [&](const char* name) {
    Json specs = root_field(name);
    specs[0]["validator"] = true;
    return specs;
  };
  // Lock's default validator: given/family name 1-150, name/nickname 1-300, and docs/semantics.md
  // counts those ranges as "required". A field's own validator replaces them; 500 stays.
  for (const char* name : {"given_name", "family_name"}) {
    INFO(name);
    CHECK(failure(root_field(name), {{name, std::string(150, 'a')}}).rfind("ok", 0) == 0);
    CHECK(failure(root_field(name), {{name, std::string(151, 'a')}}) == std::string("field_required (") + name + ")");
    CHECK(failure(root_field(name), {{name, std::string(501, 'a')}}) == std::string("field_required (") + name + ")");
    CHECK(failure(validated(name), {{name, std::string(151, 'a')}}).rfind("ok", 0) == 0);
    CHECK(failure(validated(name), {{name, std::string(501, 'a')}}) == std::string("value_too_long (") + name + ")");
  }
  for (const char* name : {"name", "nickname"}) {
    INFO(name);
    CHECK(failure(root_field(name), {{name, std::string(300, 'a')}}).rfind("ok", 0) == 0);
    CHECK(failure(root_field(name), {{name, std::string(301, 'a')}}) == std::string("field_required (") + name + ")");
    CHECK(failure(validated(name), {{name, std::string(500, 'a')}}).rfind("ok", 0) == 0);
  }
  const Json bio = Json::parse(R"([{"name":"bio","placeholder":"Bio"}])");
  CHECK(failure(bio, {{"bio", std::string(500, 'a')}}).rfind("ok", 0) == 0);
  CHECK(failure(bio, {{"bio", std::string(501, 'a')}}) == "value_too_long (bio)");
  CHECK(failure(Json::parse(R"([{"name":"bio","placeholder":"Bio","validator":true}])"), {{"bio", std::string(501, 'a')}}) ==
        "value_too_long (bio)");
  // Counted as JS counts: "é" is one unit, an emoji two, so 250 emoji fill 500.
  std::string emoji;
  for (int i = 0; i < 250; ++i) emoji += "\xF0\x9F\x98\x80";
  CHECK(failure(bio, {{"bio", emoji}}).rfind("ok", 0) == 0);
  CHECK(failure(bio, {{"bio", emoji + "a"}}) == "value_too_long (bio)");
  std::string accents;
  for (int i = 0; i < 500; ++i) accents += "\xC3\xA9";
  CHECK(failure(bio, {{"bio", accents}}).rfind("ok", 0) == 0);
  // The limit applies after stripping markup.
  CHECK(failure(bio, {{"bio", "<i>" + std::string(500, 'a') + "</i>"}}).rfind("ok", 0) == 0);
}

TEST_CASE("signup: at most 10 user_metadata properties, names at most 100 chars", "[signup]") {
  Json specs = Json::array();
  Json values = Json::object();
  for (int i = 0; i < 10; ++i) {
    const std::string name = "f" + std::to_string(i);
    specs.push_back({{"name", name}, {"placeholder", "P"}});
    values[name] = "v";
  }
  specs.push_back({{"name", "given_name"}, {"placeholder", "P"}, {"storage", "root"}});
  values["given_name"] = "Ann";
  CHECK(failure(specs, values).rfind("ok", 0) == 0);  // root fields do not count
  specs.push_back({{"name", "f10"}, {"placeholder", "P"}});
  CHECK(failure(specs, values) == "too_many_fields ()");
  CHECK(failure(Json::array(), Json::object(),
                with(kBase, "user_metadata", Json::parse(R"({"a":"","b":"","c":"","d":"","e":"","f":"","g":"","h":"","i":"","j":"","k":""})"))) ==
        "too_many_fields ()");

  const std::string name100(100, 'n');
  const std::string name101(101, 'n');
  CHECK(failure(Json::array({{{"name", name100}, {"placeholder", "P"}}}), {{name100, "v"}}).rfind("ok", 0) == 0);
  CHECK(failure(Json::array({{{"name", name101}, {"placeholder", "P"}}}), {{name101, "v"}}) ==
        "field_name_too_long (" + name101 + ")");
}

TEST_CASE("signup: text values must be strings", "[signup]") {
  for (const char* value : {"1", "true", "[]", "{}"}) {
    INFO(value);
    CHECK(failure(R"([{"name":"bio","placeholder":"Bio"}])", (std::string(R"({"bio":)") + value + "}").c_str()) ==
          "not_a_string (bio)");
  }
}

TEST_CASE("strip_html removes markup and keeps text", "[signup][html]") {
  CHECK(strip_html("plain text") == "plain text");
  CHECK(strip_html("<b>bold</b> and <i class=\"x\">italic</i>") == "bold and italic");
  CHECK(strip_html("a<br/>b") == "ab");
  CHECK(strip_html("x<script>alert('<b>')</script>y") == "xy");
  CHECK(strip_html("x<SCRIPT type=\"text/javascript\">alert(1)</ScRiPt >y") == "xy");
  CHECK(strip_html("x<style>p{color:red}</style>y") == "xy");
  CHECK(strip_html("x<script>never closed") == "x");
  CHECK(strip_html("x<scripts>kept</scripts>") == "xkept");
  CHECK(strip_html("x<!-- a > b -->y") == "xy");
  CHECK(strip_html("x<!-- unterminated") == "x");
  CHECK(strip_html("name <img src=x onerror=alert(1)") == "name ");
  CHECK(strip_html("a > b") == "a > b");
  // Text that is not a tag stays as typed: '<' opens a tag only before a letter, '/', '!', '?'.
  CHECK(strip_html("a < b") == "a < b");
  CHECK(strip_html("I <3 cats") == "I <3 cats");
  CHECK(strip_html("a < b & c") == "a < b & c");
  CHECK(strip_html("x <= y, 1<2, a<") == "x <= y, 1<2, a<");
  CHECK(strip_html("<3 <b>bold</b> <<") == "<3 bold <<");
  CHECK(strip_html("") == "");
  CHECK(strip_html("caf\xC3\xA9 <b>\xE2\x82\xAC</b>") == "caf\xC3\xA9 \xE2\x82\xAC");
  // No tag can be reassembled from what is left around removed ones.
  CHECK(strip_html("<<b>script>alert(1)<</b>/script>") == "script>alert(1)/script>");
  CHECK(strip_html("<scr<b>ipt>x") == "ipt>x");
  CHECK(strip_html("a<<b>script>x") == "ascript>x");
  CHECK(strip_html("<<<i></i>img src=x onerror=alert(1)>") == "img src=x onerror=alert(1)>");
  CHECK(strip_html("1 <<b>/b>") == "1 /b>");
  CHECK(strip_html("keep <<b></b> 2") == "keep < 2");
}

// No '<' left in front of a letter, '/', '!' or '?': nothing a browser would read as a tag.
static bool opens_no_tag(const std::string& text) {
  for (std::size_t i = 0; i + 1 < text.size(); ++i) {
    const char next = text[i + 1];
    if (text[i] == '<' && (std::isalpha(static_cast<unsigned char>(next)) || next == '/' || next == '!' || next == '?')) {
      return false;
    }
  }
  return true;
}

TEST_CASE("strip_html is linear on hostile input and never leaves a tag opening", "[signup][html]") {
  std::string hostile;
  for (int i = 0; i < 100000; ++i) hostile += "<script>x</script<style";
  const auto start = std::chrono::steady_clock::now();
  CHECK(strip_html(hostile).find('<') == std::string::npos);
  CHECK(strip_html(std::string(200000, '<')) == std::string(200000, '<'));
  CHECK(strip_html(std::string(100000, '<') + std::string(100000, '>')) == std::string(100000, '<') + std::string(100000, '>'));
  std::string nested;
  for (int i = 0; i < 100000; ++i) nested += "<<b>";
  nested += "script>";
  CHECK(opens_no_tag(strip_html(nested)));
  CHECK(strip_html(nested) == "script>");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(500));
}
