// Auth0's PATCH /api/v2/users/{id} semantics for user_metadata / app_metadata, the minimal
// diff that reproduces a change, and the checks run before such a PATCH is sent.
#include "metalock/metadata.hpp"

#include "text.hpp"

#include <string>
#include <utility>
#include <vector>

namespace metalock {
namespace {

constexpr const char* kUserMetadata = "user_metadata";
constexpr const char* kAppMetadata = "app_metadata";

// Keys Auth0 refuses at the top of app_metadata (docs/semantics.md).
constexpr const char* kReservedAppMetadataKeys[] = {
    "__tenant", "_id", "blocked", "clientID", "created_at", "email_verified", "email",
    "globalClientID", "global_client_id", "identities", "lastIP", "lastLogin", "loginsCount",
    "metadata", "multifactor_last_modified", "multifactor", "updated_at", "user_id"};

const Json* member(const Json& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &*it;
}

bool is_metadata_key(const std::string& key) { return key == kUserMetadata || key == kAppMetadata; }

Error invalid_body(std::string description, std::string field = {}) {
  return Error::make(code::invalid_body, std::move(description), std::move(field));
}

// One level deep only: below the top level Auth0 replaces values wholesale. One lookup per
// change, on the map itself: Json::operator[] copies the key and allocates a node even for a
// key that is there, and erase(key) looks it up again.
Json merge_top_level(Json current, const Json& changes) {
  if (changes.empty()) return Json::object();  // `{}` is Auth0's "clear everything"
  auto& object = current.get_ref<Json::object_t&>();
  for (const auto& [key, value] : changes.get_ref<const Json::object_t&>()) {
    auto at = object.lower_bound(key);
    const bool present = at != object.end() && at->first == key;
    if (value.is_null()) {
      if (present) object.erase(at);
    } else if (present) {
      at->second = value;
    } else {
      object.emplace_hint(at, key, value);
    }
  }
  return current;
}

// A top-level null is how Auth0 spells "absent", so it never counts as a stored value.
const Json* stored_value(const Json& metadata, const std::string& key) {
  auto it = metadata.find(key);
  return it == metadata.end() || it->is_null() ? nullptr : &*it;
}

Error insufficient_scope(std::string description, std::string field = {}) {
  return Error::make(code::insufficient_scope, std::move(description), std::move(field));
}

// create:current_user_metadata without update:current_user_metadata: additions only.
Status check_create_only(const Json& user_metadata, const PatchPolicy& policy) {
  if (user_metadata.empty()) {
    return insufficient_scope("create:current_user_metadata cannot clear user_metadata", kUserMetadata);
  }
  const Json* stored = policy.stored_user_metadata && policy.stored_user_metadata->is_object()
                           ? &*policy.stored_user_metadata : nullptr;
  for (const auto& item : user_metadata.items()) {
    const std::string field = std::string(kUserMetadata) + "." + item.key();
    if (item.value().is_null()) {
      return insufficient_scope("create:current_user_metadata cannot delete '" + item.key() + "'", field);
    }
    if (stored && stored_value(*stored, item.key())) {
      return insufficient_scope("create:current_user_metadata cannot change the existing '" + item.key() + "'",
                                field);
    }
  }
  return ok_status();
}

// update:users may patch anything; update:users_app_metadata both metadata objects of any
// user (no other root attribute); a current-user scope only user_metadata, of its own user.
Status check_scope(const Json& patch, const PatchPolicy& policy) {
  const std::string& scope = *policy.scope;
  if (scope_contains(scope, "update:users")) return ok_status();
  const bool any_users_metadata = scope_contains(scope, "update:users_app_metadata");
  const bool may_update_own = scope_contains(scope, "update:current_user_metadata");
  const bool current_user = may_update_own || scope_contains(scope, "create:current_user_metadata");
  bool granted_as_current_user = false;
  for (const auto& item : patch.items()) {
    const std::string& key = item.key();
    if (is_metadata_key(key) && any_users_metadata) continue;
    if (key == kUserMetadata && current_user) {
      granted_as_current_user = true;
      continue;
    }
    return insufficient_scope("The token's scope does not allow patching '" + key + "'", key);
  }
  // An unknown subject cannot prove the target is its own user: with a known target, refuse.
  if (granted_as_current_user && policy.user_id && (!policy.subject || *policy.subject != *policy.user_id)) {
    return insufficient_scope("A current_user scope may only patch the token's own user", kUserMetadata);
  }
  if (granted_as_current_user && !may_update_own) return check_create_only(*member(patch, kUserMetadata), policy);
  return ok_status();
}

// Every Error::field of validate_patch is a path from the patch's root: object keys joined
// with '.', array elements as [index], e.g. "app_metadata.email", "user_metadata.prefs.a$b"
// or "user_metadata.list[2].x.y". One format, so a caller can show any error next to the
// property it names without knowing which check produced it.
std::string child_path(const std::string& path, const std::string& key) { return path + "." + key; }

// The first key holding '.' or '$' at any depth of `value`, in document order. On the way
// back out, `segments` collects the path to it from the deepest level up, so no path is built
// unless a name is refused (building one per key cost a string per key of every checked
// document). Recursion is bounded because the callers check the depth first.
bool find_bad_name(const Json& value, std::string& bad_key, std::vector<std::string>& segments) {
  if (value.is_object()) {
    for (const auto& [key, child] : value.get_ref<const Json::object_t&>()) {
      const bool bad = key.find_first_of(".$") != std::string::npos;
      if (bad) bad_key = key;
      if (bad || (child.is_structured() && find_bad_name(child, bad_key, segments))) {
        segments.push_back("." + key);
        return true;
      }
    }
  } else if (value.is_array()) {
    const auto& items = value.get_ref<const Json::array_t&>();
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (items[i].is_structured() && find_bad_name(items[i], bad_key, segments)) {
        segments.push_back("[" + text::decimal(i) + "]");
        return true;
      }
    }
  }
  return false;
}

Status check_field_names(const Json& value, const std::string& path) {
  std::string bad_key;
  std::vector<std::string> segments;
  if (!find_bad_name(value, bad_key, segments)) return ok_status();
  std::string field = path;
  for (auto it = segments.rbegin(); it != segments.rend(); ++it) field += *it;
  return Error::make(code::invalid_field_name, "Field names must not contain '.' or '$': '" + bad_key + "'", field);
}

Status check_reserved_keys(const Json& app_metadata) {
  for (const char* reserved : kReservedAppMetadataKeys) {
    if (app_metadata.contains(reserved)) {
      return Error::make(code::reserved_field, std::string("'") + reserved + "' cannot be set in app_metadata",
                         child_path(kAppMetadata, reserved));
    }
  }
  return ok_status();
}

// The names in one metadata object of a patch: no '.' or '$' at any depth, and no reserved
// key at the top of app_metadata.
Status check_metadata_names(const std::string& key, const Json& metadata) {
  if (auto status = check_field_names(metadata, key); !status) return status;
  if (key == kAppMetadata) return check_reserved_keys(metadata);
  return ok_status();
}

// Before anything is copied (a copy recurses as deep as the document): both may come
// straight from JS values, past parse_json's limits.
Status check_merge_inputs(const Json& user, const Json& patch) {
  if (!user.is_object()) return invalid_body("The user must be a JSON object");
  if (!patch.is_object()) return invalid_body("The patch body must be a JSON object");
  for (const Json* document : {&user, &patch}) {
    if (auto depth = check_json_depth(*document); !depth) return depth;
  }
  return ok_status();
}

// The merge on inputs check_merge_inputs accepted, in the caller's own `result`. The metadata
// objects are moved out of it and merged in place: no copy of the document here, where
// copying the user and then its metadata again cost half of the merge at 256 KB.
Result<Json> merge_checked(Json result, const Json& patch) {
  for (const auto& item : patch.items()) {
    const std::string& key = item.key();
    if (!is_metadata_key(key)) {
      result[key] = item.value();
      continue;
    }
    if (!item.value().is_object()) return invalid_body(key + " must be an object", key);
    // What the server would refuse is refused here too, with validate_patch's codes and paths:
    // a merge that accepted `a.b` would show a result no server ever stores.
    if (auto names = check_metadata_names(key, item.value()); !names) return names.error();
    Json current = Json::object();
    if (auto it = result.find(key); it != result.end()) {
      if (it->is_object()) {
        current = std::move(*it);
      } else if (!it->is_null()) {
        return invalid_body("The user's " + key + " is not an object", key);
      }
    }
    result[key] = merge_top_level(std::move(current), item.value());
  }
  return result;
}

// `metadata` without the entries `changes` names: merge_top_level replaces or deletes those
// anyway, and clears them all for `{}`. Both are std::maps in key order: one walk of the two.
Json without_changed(const Json& metadata, const Json& changes) {
  Json kept = Json::object();
  if (changes.empty()) return kept;
  auto& out = kept.get_ref<Json::object_t&>();
  const auto& named = changes.get_ref<const Json::object_t&>();
  auto change = named.begin();
  for (const auto& [key, value] : metadata.get_ref<const Json::object_t&>()) {
    while (change != named.end() && change->first < key) ++change;
    if (change == named.end() || change->first != key) out.emplace_hint(out.end(), key, value);
  }
  return kept;
}

// What merge_checked needs of a const user: a copy without the subtrees the patch replaces
// (a top-level key it sets, a metadata entry it names), which copying the whole user first
// copied only to drop. Whatever merge_checked's errors look at stays as it is: a metadata
// value that is not an object on either side is copied whole.
Json copy_unchanged(const Json& user, const Json& patch) {
  Json copy = Json::object();
  auto& out = copy.get_ref<Json::object_t&>();
  for (const auto& [key, value] : user.get_ref<const Json::object_t&>()) {
    auto change = patch.find(key);
    if (change == patch.end()) {
      out.emplace_hint(out.end(), key, value);
    } else if (is_metadata_key(key) && value.is_object() && change->is_object()) {
      out.emplace_hint(out.end(), key, without_changed(value, *change));
    } else if (is_metadata_key(key)) {
      out.emplace_hint(out.end(), key, value);
    }
  }
  return copy;
}

}  // namespace

Result<Json> merge_metadata(const Json& user, const Json& patch) {
  if (auto status = check_merge_inputs(user, patch); !status) return status.error();
  return merge_checked(copy_unchanged(user, patch), patch);
}

Result<Json> merge_metadata(Json&& user, const Json& patch) {
  if (auto status = check_merge_inputs(user, patch); !status) return status.error();
  return merge_checked(std::move(user), patch);
}

Result<Json> diff_metadata(const Json& before, const Json& after) {
  static const Json kEmpty = Json::object();
  if (!before.is_null() && !before.is_object()) return invalid_body("'before' must be an object", "before");
  if (!after.is_null() && !after.is_object()) return invalid_body("'after' must be an object", "after");
  for (const Json* document : {&before, &after}) {
    if (auto depth = check_json_depth(*document); !depth) return depth.error();
  }
  const Json& old_values = before.is_object() ? before : kEmpty;
  const Json& new_values = after.is_object() ? after : kEmpty;

  Json changes = Json::object();
  for (const auto& item : new_values.items()) {
    if (item.value().is_null()) continue;  // a null in `after` means the key is gone
    const Json* old_value = stored_value(old_values, item.key());
    if (old_value == nullptr || *old_value != item.value()) changes[item.key()] = item.value();
  }
  for (const auto& item : old_values.items()) {
    if (!item.value().is_null() && stored_value(new_values, item.key()) == nullptr) {
      changes[item.key()] = nullptr;
    }
  }
  if (changes.empty()) return Json(nullptr);
  if (auto names = check_field_names(changes, kUserMetadata); !names) return names.error();
  Json body = Json::object();
  body[kUserMetadata] = std::move(changes);
  return body;
}

Status validate_patch(const Json& patch, const PatchPolicy& policy) {
  if (auto depth = check_json_depth(patch); !depth) return depth;
  if (!patch.is_object()) return invalid_body("The patch body must be a JSON object");
  const Json* app_metadata = member(patch, kAppMetadata);
  const Json* user_metadata = member(patch, kUserMetadata);
  for (const Json* metadata : {app_metadata, user_metadata}) {
    if (metadata && !metadata->is_object()) {
      const char* key = metadata == app_metadata ? kAppMetadata : kUserMetadata;
      return invalid_body(std::string(key) + " must be an object", key);
    }
  }

  if (policy.scope) {
    if (auto status = check_scope(patch, policy); !status) return status;
  }

  if (app_metadata) {
    if (auto status = check_field_names(*app_metadata, kAppMetadata); !status) return status;
  }
  if (user_metadata) {
    if (auto status = check_field_names(*user_metadata, kUserMetadata); !status) return status;
  }
  if (app_metadata) {
    if (auto status = check_reserved_keys(*app_metadata); !status) return status;
  }

  if (patch.empty()) return Error::make(code::empty_metadata, "The patch changes nothing");
  if (!policy.allow_clear) {
    for (const char* key : {kAppMetadata, kUserMetadata}) {
      const Json* metadata = member(patch, key);
      if (metadata && metadata->empty()) {
        return Error::make(code::empty_metadata,
                           std::string("{\"") + key + "\": {}} would delete all of " + key +
                               "; allow_clear must be set to do that on purpose",
                           key);
      }
    }
  }
  return ok_status();
}

}  // namespace metalock
