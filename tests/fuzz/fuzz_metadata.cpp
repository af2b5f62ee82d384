// Patches: input {user, patch, before, after, scope?, subject?, user_id?}. validate and merge
// never crash; a diff, applied to `before`, always gives `after` (docs/semantics.md's promise).
#include "fuzz_support.hpp"
#include "metalock/metadata.hpp"

using namespace metalock;

namespace {
std::optional<std::string> optional_string(const Json& input, const char* key) {
  auto it = input.find(key);
  if (it == input.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

// What a metadata document means once stored: diff_metadata reads a null document as {} and a
// null-valued key as absent (a null in `after` deletes the key), so that is what it compares.
Json as_stored(const Json& metadata) {
  Json stored = Json::object();
  if (!metadata.is_object()) return stored;
  for (const auto& [key, value] : metadata.items()) {
    if (!value.is_null()) stored[key] = value;
  }
  return stored;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto parsed = parse_json(fuzz::text_of(data, size));
  if (!parsed || !parsed.value().is_object()) return 0;
  const Json& input = parsed.value();

  PatchPolicy policy;
  policy.scope = optional_string(input, "scope");
  policy.subject = optional_string(input, "subject");
  policy.user_id = optional_string(input, "user_id");
  const Json patch = input.value("patch", Json());
  auto verdict = validate_patch(patch, policy);
  auto merged = merge_metadata(input.value("user", Json::object()), patch);
  if (merged) fuzz::require(merged.value().is_object(), "a merged user is an object");
  (void)verdict;

  const Json before = input.value("before", Json::object());
  const Json after = input.value("after", Json::object());
  auto diff = diff_metadata(before, after);
  if (!diff || diff.value().is_null()) {
    if (diff) fuzz::require(as_stored(before) == as_stored(after), "no diff only when nothing changed");
    return 0;
  }
  auto applied = merge_metadata(Json{{"user_metadata", before}}, diff.value());
  fuzz::require(static_cast<bool>(applied), "a diff the core built can be merged");
  fuzz::require(as_stored(applied.value()["user_metadata"]) == as_stored(after), "merge(before, diff(before, after)) == after");
  return 0;
}
