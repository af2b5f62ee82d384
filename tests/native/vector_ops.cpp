#include "vector_ops.hpp"

#include <fstream>
#include <sstream>

namespace metalock::vectors {
namespace {

// A member by reference, never a copy: a vector's input may be 10,000 levels deep, and
// nlohmann copies (and compares) recursively, which overflows the stack under ASan.
const Json& member(const Json& obj, const char* key, const Json& fallback) {
  if (!obj.is_object()) return fallback;
  auto it = obj.find(key);
  return it == obj.end() ? fallback : *it;
}
const Json kNull;
const Json kEmptyObject = Json::object();

std::string str(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return it != obj.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// Numbers read as the wasm bindings read them (json_int64: clamped, never wrapped), so a
// vector with a huge leeway means the same on both runners.
std::optional<std::int64_t> int64_member(const Json& obj, const char* key) {
  auto it = obj.find(key);
  return it == obj.end() ? std::nullopt : json_int64(*it);
}

Result<Json> run_validate_patch(const Json& input) {
  PatchPolicy policy;
  if (auto it = input.find("scope"); it != input.end() && it->is_string()) policy.scope = it->get<std::string>();
  if (auto it = input.find("subject"); it != input.end() && it->is_string()) policy.subject = it->get<std::string>();
  if (auto it = input.find("user_id"); it != input.end() && it->is_string()) policy.user_id = it->get<std::string>();
  if (auto it = input.find("allow_clear"); it != input.end() && it->is_boolean()) policy.allow_clear = it->get<bool>();
  if (auto it = input.find("stored_user_metadata"); it != input.end() && it->is_object()) {
    policy.stored_user_metadata = *it;
  }
  auto status = validate_patch(member(input, "patch", kNull), policy);
  if (!status) return status.error();
  return Json(true);
}

// {"metadata"}: validated as a whole; {"current"?, "patch"}: a PATCH applied -> the result.
Result<Json> run_client_metadata(const Json& input) {
  if (input.contains("patch")) return apply_client_metadata_patch(member(input, "current", kNull), input["patch"]);
  auto status = validate_client_metadata(member(input, "metadata", kNull));
  if (!status) return status.error();
  return Json(true);
}

Result<Json> run_profile(const Json& input) {
  ProfileOptions options;
  const Json opts = input.value("options", Json::object());
  options.user_metadata_claim = str(opts, "userMetadataClaim");
  options.app_metadata_claim = str(opts, "appMetadataClaim");
  const Json& userinfo = input.contains("userinfo") ? input["userinfo"] : Json();
  if (userinfo.is_string()) return normalize_profile(std::string_view(userinfo.get_ref<const std::string&>()), options);
  return normalize_profile(userinfo, options);
}

Result<Json> run_id_token(const Json& input) {
  const Json opts = input.value("options", Json::object());
  IdTokenExpectations expect;
  expect.issuer = str(opts, "issuer");
  expect.audience = opts.contains("client_id") ? str(opts, "client_id") : str(opts, "audience");
  if (opts.contains("nonce") && opts["nonce"].is_string()) expect.nonce = str(opts, "nonce");
  expect.now = int64_member(opts, "now").value_or(0);
  expect.leeway = int64_member(opts, "leeway").value_or(kDefaultLeewaySeconds);
  expect.max_age = int64_member(opts, "max_age");
  return verify_id_token_claims(str(input, "token"), expect);
}

Result<Json> run_token_cache(const Json& input) {
  TokenCache cache;
  Json results = Json::array();
  for (const Json& step : input.value("steps", Json::array())) {
    const std::int64_t at = int64_member(step, "at").value_or(0);
    if (str(step, "do") == "put") {
      const Json entry = step.value("entry", Json::object());
      TokenKey requested{str(entry, "client_id"), str(entry, "audience"), str(entry, "scope")};
      auto made = token_entry_from_response(entry, requested, at);
      if (!made) return made.error();
      cache.put(std::move(made).value());
    } else {
      const Json key = step.value("key", Json::object());
      auto found = cache.get({str(key, "client_id"), str(key, "audience"), str(key, "scope")}, at,
                             int64_member(step, "leeway").value_or(kDefaultLeewaySeconds));
      results.push_back(found ? Json(found->access_token) : Json());
    }
  }
  return results;
}

}  // namespace

Result<Json> run_op(const std::string& op, const Json& input) {
  if (op == "merge") return merge_metadata(member(input, "user", kNull), member(input, "patch", kNull));
  if (op == "diff") return diff_metadata(member(input, "before", kNull), member(input, "after", kNull));
  if (op == "validate_patch") return run_validate_patch(input);
  if (op == "signup")
    return map_signup_fields(input.value("fields", Json::array()), input.value("values", Json::object()),
                             input.value("base", Json::object()));
  if (op == "profile") return run_profile(input);
  if (op == "client_metadata") return run_client_metadata(input);
  if (op == "id_token") return run_id_token(input);
  if (op == "token_cache") return run_token_cache(input);
  return Error::make(code::invalid_argument, "unknown op '" + op + "'");
}

FileReport run_file(const std::string& path) {
  FileReport report;
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  // The file is read without the core's limits: a vector may hold an input 10,000 levels deep
  // or larger than a body may be, and it is the core, not the reader, that must refuse it.
  const Json doc = Json::parse(text.str(), nullptr, false);
  if (!in || doc.is_discarded() || !doc.is_object() || !doc.contains("cases")) {
    report.failures.push_back({path, "(file)", "a readable vector file", doc.is_discarded() ? "invalid JSON" : "no cases"});
    return report;
  }
  for (const Json& c : doc["cases"]) {
    const std::string name = str(c, "name");
    auto got = run_op(str(c, "op"), member(c, "input", kEmptyObject));
    std::string expected;
    std::string actual;
    bool pass = false;
    if (c.contains("error")) {
      expected = "error " + str(c, "error") + (c.contains("field") ? " (" + str(c, "field") + ")" : "");
      if (got) {
        actual = dump_json(got.value());
      } else {
        actual = "error " + got.error().code + (c.contains("field") ? " (" + got.error().field + ")" : "");
      }
      pass = actual == expected;
    } else {
      expected = dump_json(c.value("expect", Json()));
      actual = got ? dump_json(got.value()) : "error " + got.error().code + ": " + got.error().description;
      pass = got && got.value() == c.value("expect", Json());
    }
    if (pass) {
      ++report.passed;
    } else {
      report.failures.push_back({path, name, expected, actual});
    }
  }
  return report;
}

}  // namespace metalock::vectors
