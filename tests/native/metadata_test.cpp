// Auth0's PATCH semantics, the minimal diff and the pre-request validation.
#include "metalock/metadata.hpp"

#include <catch2/catch.hpp>

#include <string>

using metalock::diff_metadata;
using metalock::Json;
using metalock::merge_metadata;
using metalock::PatchPolicy;
using metalock::validate_patch;
namespace code = metalock::code;

namespace {

Json merged(const char* user, const char* patch) {
  auto result = merge_metadata(Json::parse(user), Json::parse(patch));
  REQUIRE(result.ok());
  return result.value();
}

Json diffed(const char* before, const char* after) {
  auto result = diff_metadata(Json::parse(before), Json::parse(after));
  REQUIRE(result.ok());
  return result.value();
}

// "ok" or "code (field)".
std::string validation(const char* patch, const PatchPolicy& policy = {}) {
  auto status = validate_patch(Json::parse(patch), policy);
  return status.ok() ? "ok" : status.error().code + " (" + status.error().field + ")";
}

PatchPolicy scoped(const char* scope, const char* subject = nullptr, const char* user_id = nullptr) {
  PatchPolicy policy;
  policy.scope = scope;
  if (subject) policy.subject = subject;
  if (user_id) policy.user_id = user_id;
  return policy;
}

}  // namespace

TEST_CASE("merge: top-level keys overwrite, omitted keys stay, null deletes", "[metadata][merge]") {
  CHECK(merged(R"({"user_id":"u1","user_metadata":{"a":1,"b":2,"c":3}})",
               R"({"user_metadata":{"a":10,"b":null,"d":4}})") ==
        Json::parse(R"({"user_id":"u1","user_metadata":{"a":10,"c":3,"d":4}})"));
}

TEST_CASE("merge: nested values are replaced wholesale", "[metadata][merge]") {
  CHECK(merged(R"({"user_metadata":{"prefs":{"theme":"dark","lang":"en"},"tags":[1,2,3]}})",
               R"({"user_metadata":{"prefs":{"theme":"light"},"tags":[4]}})") ==
        Json::parse(R"({"user_metadata":{"prefs":{"theme":"light"},"tags":[4]}})"));
  // A null below the top level is a value like any other, not a deletion.
  CHECK(merged(R"({"user_metadata":{"prefs":{"a":1}}})", R"({"user_metadata":{"prefs":{"a":null}}})") ==
        Json::parse(R"({"user_metadata":{"prefs":{"a":null}}})"));
}

TEST_CASE("merge: {} clears that metadata only", "[metadata][merge]") {
  CHECK(merged(R"({"user_metadata":{"a":1},"app_metadata":{"plan":"pro"}})", R"({"user_metadata":{}})") ==
        Json::parse(R"({"user_metadata":{},"app_metadata":{"plan":"pro"}})"));
  CHECK(merged(R"({"user_metadata":{"a":1},"app_metadata":{"plan":"pro"}})", R"({"app_metadata":{}})") ==
        Json::parse(R"({"user_metadata":{"a":1},"app_metadata":{}})"));
}

TEST_CASE("merge: app_metadata merges like user_metadata", "[metadata][merge]") {
  CHECK(merged(R"({"app_metadata":{"plan":"free","roles":["a"]}})", R"({"app_metadata":{"plan":"pro","roles":null}})") ==
        Json::parse(R"({"app_metadata":{"plan":"pro"}})"));
}

TEST_CASE("merge: absent or null user metadata counts as {}", "[metadata][merge]") {
  CHECK(merged(R"({"user_id":"u1"})", R"({"user_metadata":{"a":1,"b":null}})") ==
        Json::parse(R"({"user_id":"u1","user_metadata":{"a":1}})"));
  CHECK(merged(R"({"user_metadata":null})", R"({"user_metadata":{"a":1}})") == Json::parse(R"({"user_metadata":{"a":1}})"));
  CHECK(merged(R"({"user_id":"u1"})", R"({"user_metadata":{"gone":null}})") ==
        Json::parse(R"({"user_id":"u1","user_metadata":{}})"));
  // Untouched metadata stays absent.
  CHECK(merged(R"({"user_id":"u1"})", R"({"app_metadata":{"a":1}})") ==
        Json::parse(R"({"user_id":"u1","app_metadata":{"a":1}})"));
}

TEST_CASE("merge: other top-level keys replace the user's as sent", "[metadata][merge]") {
  CHECK(merged(R"({"email":"a@x","blocked":false,"name":"A"})", R"({"blocked":true,"name":null,"nickname":"n"})") ==
        Json::parse(R"({"email":"a@x","blocked":true,"name":null,"nickname":"n"})"));
  CHECK(merged(R"({"a":1})", "{}") == Json::parse(R"({"a":1})"));
}

TEST_CASE("merge: invalid_body for non-objects", "[metadata][merge]") {
  auto error_of = [](const char* user, const char* patch) {
    auto result = merge_metadata(Json::parse(user), Json::parse(patch));
    REQUIRE_FALSE(result.ok());
    return result.error().code + " (" + result.error().field + ")";
  };
  CHECK(error_of("[]", "{}") == "invalid_body ()");
  CHECK(error_of("null", "{}") == "invalid_body ()");
  CHECK(error_of("{}", "[]") == "invalid_body ()");
  CHECK(error_of("{}", "\"x\"") == "invalid_body ()");
  CHECK(error_of("{}", R"({"user_metadata":null})") == "invalid_body (user_metadata)");
  CHECK(error_of("{}", R"({"user_metadata":[1]})") == "invalid_body (user_metadata)");
  CHECK(error_of("{}", R"({"app_metadata":"x"})") == "invalid_body (app_metadata)");
  CHECK(error_of(R"({"user_metadata":"x"})", R"({"user_metadata":{"a":1}})") == "invalid_body (user_metadata)");
}

TEST_CASE("diff: changed and new keys carry their whole new value, removed keys null", "[metadata][diff]") {
  CHECK(diffed(R"({"a":1,"b":{"x":1,"y":2},"c":"same","d":true})", R"({"a":2,"b":{"x":1},"c":"same","e":[1]})") ==
        Json::parse(R"({"user_metadata":{"a":2,"b":{"x":1},"d":null,"e":[1]}})"));
}

TEST_CASE("diff: no change is null (no request)", "[metadata][diff]") {
  CHECK(diffed("{}", "{}").is_null());
  CHECK(diffed(R"({"a":{"b":[1,2]}})", R"({"a":{"b":[1,2]}})").is_null());
  CHECK(diffed("null", "{}").is_null());
  CHECK(diffed("null", "null").is_null());
  CHECK(diffed(R"({"n":1})", R"({"n":1.0})").is_null());  // JSON numbers, not C++ types
}

TEST_CASE("diff: emptying the metadata sends every key as null, never {}", "[metadata][diff]") {
  const Json patch = diffed(R"({"a":1,"b":2})", "{}");
  CHECK(patch == Json::parse(R"({"user_metadata":{"a":null,"b":null}})"));
  CHECK(merge_metadata(Json::parse(R"({"user_metadata":{"a":1,"b":2}})"), patch).value() ==
        Json::parse(R"({"user_metadata":{}})"));
  CHECK(diffed(R"({"a":1})", "null") == Json::parse(R"({"user_metadata":{"a":null}})"));
}

TEST_CASE("diff: a top-level null means an absent key", "[metadata][diff]") {
  CHECK(diffed(R"({"a":1})", R"({"a":null})") == Json::parse(R"({"user_metadata":{"a":null}})"));
  CHECK(diffed(R"({"a":null})", "{}").is_null());
  CHECK(diffed("{}", R"({"a":null})").is_null());
  CHECK(diffed(R"({"a":null})", R"({"a":1})") == Json::parse(R"({"user_metadata":{"a":1}})"));
}

TEST_CASE("merge and diff refuse documents nested past the limit", "[metadata]") {
  Json deep = Json::array({1});
  for (int i = 0; i < 100; ++i) deep = Json::array({deep});
  const Json deep_metadata = {{"deep", deep}};
  const Json deep_patch = {{"user_metadata", deep_metadata}};
  CHECK(merge_metadata(Json::object(), deep_patch).error().code == code::too_deep);
  CHECK(merge_metadata(deep_patch, Json::object()).error().code == code::too_deep);
  CHECK(diff_metadata(Json::object(), deep_metadata).error().code == code::too_deep);
  CHECK(diff_metadata(deep_metadata, Json::object()).error().code == code::too_deep);
}

TEST_CASE("merge refuses a const user nested far past the limit before copying it", "[metadata]") {
  Json metadata = Json::array();
  Json* innermost = &metadata;
  for (int i = 0; i < 200000; ++i) innermost = &innermost->emplace_back(Json::array());
  const Json user = {{"user_metadata", {{"deep", std::move(metadata)}}}};
  CHECK(merge_metadata(user, Json::object()).error().code == code::too_deep);
}

TEST_CASE("diff: invalid_body for non-objects", "[metadata][diff]") {
  CHECK(diff_metadata(Json::array(), Json::object()).error().code == code::invalid_body);
  CHECK(diff_metadata(Json::object(), Json(1)).error().field == "after");
  CHECK(diff_metadata(Json("x"), Json::object()).error().field == "before");
}

TEST_CASE("validate: ordinary patches pass", "[metadata][validate]") {
  CHECK(validation(R"({"user_metadata":{"theme":"dark","prefs":{"a":[1,{"b":2}]}}})") == "ok");
  CHECK(validation(R"({"user_metadata":{"a":null}})") == "ok");
  CHECK(validation(R"({"app_metadata":{"plan":"pro"},"blocked":true})") == "ok");
  // Reserved names are only reserved at the top of app_metadata.
  CHECK(validation(R"({"user_metadata":{"email":"x","user_id":1},"app_metadata":{"x":{"email":1}}})") == "ok");
}

TEST_CASE("validate: invalid_body", "[metadata][validate]") {
  CHECK(validation("[]") == "invalid_body ()");
  CHECK(validation("null") == "invalid_body ()");
  CHECK(validation(R"({"user_metadata":[]})") == "invalid_body (user_metadata)");
  CHECK(validation(R"({"user_metadata":null})") == "invalid_body (user_metadata)");
  CHECK(validation(R"({"app_metadata":"x"})") == "invalid_body (app_metadata)");
}

TEST_CASE("validate: '.' and '$' are refused at any depth, with the path", "[metadata][validate]") {
  CHECK(validation(R"({"user_metadata":{"a.b":1}})") == "invalid_field_name (user_metadata.a.b)");
  CHECK(validation(R"({"user_metadata":{"$set":1}})") == "invalid_field_name (user_metadata.$set)");
  CHECK(validation(R"({"user_metadata":{"prefs":{"a$b":1}}})") == "invalid_field_name (user_metadata.prefs.a$b)");
  CHECK(validation(R"({"user_metadata":{"list":[1,{"ok":1},{"x.y":2}]}})") ==
        "invalid_field_name (user_metadata.list[2].x.y)");
  CHECK(validation(R"({"user_metadata":{"m":[[{"$":1}]]}})") == "invalid_field_name (user_metadata.m[0][0].$)");
  CHECK(validation(R"({"app_metadata":{"deep":{"deeper":{"a.b":1}}}})") ==
        "invalid_field_name (app_metadata.deep.deeper.a.b)");
  // Values may hold them: only names are restricted.
  CHECK(validation(R"({"user_metadata":{"site":"example.com","price":"$5"}})") == "ok");
}

TEST_CASE("validate: reserved app_metadata keys", "[metadata][validate]") {
  for (const char* key : {"__tenant", "_id", "blocked", "clientID", "created_at", "email_verified", "email",
                          "globalClientID", "global_client_id", "identities", "lastIP", "lastLogin", "loginsCount",
                          "metadata", "multifactor_last_modified", "multifactor", "updated_at", "user_id"}) {
    INFO(key);
    const std::string patch = std::string(R"({"app_metadata":{")") + key + R"(":1}})";
    auto status = validate_patch(Json::parse(patch));
    REQUIRE_FALSE(status.ok());
    CHECK(status.error().code == code::reserved_field);
    CHECK(status.error().field == std::string("app_metadata.") + key);   // the path, as for invalid_field_name
  }
  CHECK(validation(R"({"app_metadata":{"Email":1,"emails":1}})") == "ok");
}

TEST_CASE("validate: empty_metadata guards against clearing by accident", "[metadata][validate]") {
  CHECK(validation("{}") == "empty_metadata ()");
  CHECK(validation(R"({"user_metadata":{}})") == "empty_metadata (user_metadata)");
  CHECK(validation(R"({"app_metadata":{}})") == "empty_metadata (app_metadata)");
  PatchPolicy clear;
  clear.allow_clear = true;
  CHECK(validation(R"({"user_metadata":{}})", clear) == "ok");
  CHECK(validation(R"({"app_metadata":{},"user_metadata":{}})", clear) == "ok");
  CHECK(validation("{}", clear) == "empty_metadata ()");
}

TEST_CASE("validate: scopes", "[metadata][validate][scope]") {
  const char* user_patch = R"({"user_metadata":{"a":1}})";
  const char* app_patch = R"({"app_metadata":{"a":1}})";
  const char* root_patch = R"({"blocked":true})";

  CHECK(validation(user_patch, scoped("update:current_user_metadata")) == "ok");
  CHECK(validation(user_patch, scoped("openid create:current_user_metadata")) == "ok");
  CHECK(validation(user_patch, scoped("update:users")) == "ok");
  CHECK(validation(user_patch, scoped("read:current_user")) == "insufficient_scope (user_metadata)");
  CHECK(validation(user_patch, scoped("")) == "insufficient_scope (user_metadata)");
  CHECK(validation(user_patch, scoped("update:users_app_metadata")) == "ok");

  CHECK(validation(app_patch, scoped("update:current_user_metadata")) == "insufficient_scope (app_metadata)");
  CHECK(validation(app_patch, scoped("update:users_app_metadata")) == "ok");
  CHECK(validation(app_patch, scoped("update:users")) == "ok");

  CHECK(validation(root_patch, scoped("update:current_user_metadata")) == "insufficient_scope (blocked)");
  CHECK(validation(root_patch, scoped("update:users_app_metadata")) == "insufficient_scope (blocked)");
  CHECK(validation(root_patch, scoped("update:users")) == "ok");

  CHECK(validation(R"({"user_metadata":{"a":1},"app_metadata":{"b":1}})", scoped("update:current_user_metadata")) ==
        "insufficient_scope (app_metadata)");
  CHECK(validation(R"({"user_metadata":{"a":1},"app_metadata":{"b":1}})", scoped("update:users_app_metadata")) ==
        "ok");
  CHECK(validation(R"({"user_metadata":{"a":1},"name":"Ann"})", scoped("update:users_app_metadata")) ==
        "insufficient_scope (name)");
  // An unrestricted policy (no scope) is a Management token.
  CHECK(validation(root_patch) == "ok");
}

TEST_CASE("validate: a current-user scope patches only its own user", "[metadata][validate][scope]") {
  const char* user_patch = R"({"user_metadata":{"a":1}})";
  CHECK(validation(user_patch, scoped("update:current_user_metadata", "auth0|1", "auth0|1")) == "ok");
  CHECK(validation(user_patch, scoped("update:current_user_metadata", "auth0|1", "auth0|2")) ==
        "insufficient_scope (user_metadata)");
  CHECK(validation(user_patch, scoped("create:current_user_metadata", "auth0|1", "auth0|2")) ==
        "insufficient_scope (user_metadata)");
  CHECK(validation(user_patch, scoped("update:current_user_metadata", "auth0|1")) == "ok");
  // An unknown subject cannot show that the user being patched is its own.
  CHECK(validation(user_patch, scoped("update:current_user_metadata", nullptr, "auth0|2")) ==
        "insufficient_scope (user_metadata)");
  CHECK(validation(user_patch, scoped("update:current_user_metadata")) == "ok");   // target unknown too
  CHECK(validation(user_patch, scoped("update:users update:current_user_metadata", "auth0|1", "auth0|2")) == "ok");
  // update:users_app_metadata reaches any user's metadata, with or without a current-user scope.
  CHECK(validation(user_patch, scoped("update:users_app_metadata", "auth0|1", "auth0|2")) == "ok");
  CHECK(validation(user_patch, scoped("update:users_app_metadata update:current_user_metadata", nullptr, "auth0|2")) ==
        "ok");
}

TEST_CASE("validate: create:current_user_metadata only adds, update:current_user_metadata also changes and deletes",
          "[metadata][validate][scope]") {
  PatchPolicy create = scoped("openid create:current_user_metadata", "auth0|1", "auth0|1");
  create.stored_user_metadata = Json::parse(R"({"lang":"en","gone":null})");
  CHECK(validation(R"({"user_metadata":{"hobby":"chess"}})", create) == "ok");
  CHECK(validation(R"({"user_metadata":{"gone":"back"}})", create) == "ok");
  CHECK(validation(R"({"user_metadata":{"hobby":"chess","lang":"fr"}})", create) ==
        "insufficient_scope (user_metadata.lang)");
  CHECK(validation(R"({"user_metadata":{"hobby":null}})", create) == "insufficient_scope (user_metadata.hobby)");
  create.allow_clear = true;
  CHECK(validation(R"({"user_metadata":{}})", create) == "insufficient_scope (user_metadata)");
  // Not knowing what is stored, the core can still refuse what is never an addition.
  create.stored_user_metadata.reset();
  CHECK(validation(R"({"user_metadata":{"lang":"fr"}})", create) == "ok");
  CHECK(validation(R"({"user_metadata":{"lang":null}})", create) == "insufficient_scope (user_metadata.lang)");

  PatchPolicy update = scoped("update:current_user_metadata", "auth0|1", "auth0|1");
  update.stored_user_metadata = Json::parse(R"({"lang":"en"})");
  update.allow_clear = true;
  CHECK(validation(R"({"user_metadata":{"lang":"fr","hobby":"chess"}})", update) == "ok");
  CHECK(validation(R"({"user_metadata":{"lang":null}})", update) == "ok");
  CHECK(validation(R"({"user_metadata":{}})", update) == "ok");
  // Management scopes are not narrowed by the stored metadata.
  PatchPolicy management = scoped("update:users_app_metadata create:current_user_metadata");
  management.stored_user_metadata = Json::parse(R"({"lang":"en"})");
  CHECK(validation(R"({"user_metadata":{"lang":null}})", management) == "ok");
}

TEST_CASE("validate: check order is depth, structure, scope, names, reserved, empty", "[metadata][validate]") {
  Json deep = Json::object();
  for (int i = 0; i < 100; ++i) deep = Json{{"x", deep}};
  Json deep_patch = Json::object();
  deep_patch["user_metadata"] = deep;
  deep_patch["app_metadata"] = "not an object";
  CHECK(validate_patch(deep_patch).error().code == code::too_deep);

  CHECK(validation(R"({"user_metadata":[],"app_metadata":{"a.b":1}})", scoped("")) == "invalid_body (user_metadata)");
  CHECK(validation(R"({"app_metadata":{"a.b":1}})", scoped("update:current_user_metadata")) ==
        "insufficient_scope (app_metadata)");
  CHECK(validation(R"({"app_metadata":{"email":1,"a.b":1}})") == "invalid_field_name (app_metadata.a.b)");
  CHECK(validation(R"({"app_metadata":{"email":1},"user_metadata":{}})") == "reserved_field (app_metadata.email)");
  CHECK(validation(R"({"user_metadata":{}})", scoped("read:current_user")) == "insufficient_scope (user_metadata)");
}

TEST_CASE("validate: every error names its property by the same path from the patch's root",
          "[metadata][validate]") {
  // One format for all codes: a caller shows the error next to the property without
  // knowing which check produced it (the tenant's "on property ..." suffix, the widget).
  CHECK(validation(R"({"user_metadata":"x"})") == "invalid_body (user_metadata)");
  CHECK(validation(R"({"blocked":true})", scoped("update:current_user_metadata")) == "insufficient_scope (blocked)");
  CHECK(validation(R"({"user_metadata":{"a":1}})", scoped("update:current_user_metadata", "auth0|1", "auth0|2")) ==
        "insufficient_scope (user_metadata)");
  CHECK(validation(R"({"user_metadata":{"a":[{"b.c":1}]}})") == "invalid_field_name (user_metadata.a[0].b.c)");
  CHECK(validation(R"({"app_metadata":{"user_id":"x"}})") == "reserved_field (app_metadata.user_id)");
  CHECK(validation(R"({"app_metadata":{}})") == "empty_metadata (app_metadata)");
  CHECK(validation("{}") == "empty_metadata ()");   // no property is at fault
}

TEST_CASE("scope_contains needs every required scope", "[metadata][scope]") {
  using metalock::scope_contains;
  CHECK(scope_contains("openid profile update:users", "update:users"));
  CHECK(scope_contains("openid  profile\tupdate:users ", "profile update:users"));
  CHECK(scope_contains("openid", ""));
  CHECK_FALSE(scope_contains("openid profile", "openid email"));
  CHECK_FALSE(scope_contains("update:users_app_metadata", "update:users"));
  CHECK_FALSE(scope_contains("", "openid"));
}

TEST_CASE("merge and diff refuse what validate_patch refuses, with the same code and field", "[metadata]") {
  auto merge_error = [](const char* patch) {
    auto result = merge_metadata(Json::parse(R"({"user_metadata":{}})"), Json::parse(patch));
    REQUIRE_FALSE(result);
    auto validated = validate_patch(Json::parse(patch));
    REQUIRE_FALSE(validated);
    CHECK(result.error().code == validated.error().code);
    CHECK(result.error().field == validated.error().field);
    return result.error();
  };
  CHECK(merge_error(R"({"user_metadata":{"a.b":1}})").field == "user_metadata.a.b");
  CHECK(merge_error(R"({"user_metadata":{"x":{"$set":1}}})").field == "user_metadata.x.$set");
  CHECK(merge_error(R"({"app_metadata":{"list":[{"a.b":1}]}})").field == "app_metadata.list[0].a.b");
  CHECK(merge_error(R"({"app_metadata":{"blocked":true}})").code == code::reserved_field);

  auto diff = diff_metadata(Json::object(), Json::parse(R"({"ok":1,"a.b":1})"));
  REQUIRE_FALSE(diff);
  CHECK(diff.error().code == code::invalid_field_name);
  CHECK(diff.error().field == "user_metadata.a.b");
  // A bad name that is not sent (unchanged in both) is not the diff's concern.
  CHECK(diffed(R"({"a.b":1})", R"({"a.b":1,"c":2})") == Json::parse(R"({"user_metadata":{"c":2}})"));
}
