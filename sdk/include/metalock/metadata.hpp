// user_metadata / app_metadata: Auth0's PATCH semantics, the minimal diff, and validation.
#pragma once

#include "metalock/error.hpp"
#include "metalock/json.hpp"
#include "metalock/scope.hpp"   // scope_contains, used with PatchPolicy::scope

#include <optional>
#include <string>

namespace metalock {

// Applies a PATCH /api/v2/users/{id} body to a user. user_metadata and app_metadata merge
// at the top level (null deletes a key, other values replace wholesale); an empty object
// clears that metadata; any other top-level key of the patch replaces the user's.
// The user's metadata may be absent or null ({}). Errors: invalid_body (user or patch not an
// object, metadata in the patch not an object, the user's metadata neither object nor null),
// too_deep (either nested deeper than kMaxJsonDepth), and, with validate_patch's fields,
// invalid_field_name / reserved_field for a patch the server would refuse.
Result<Json> merge_metadata(const Json& user, const Json& patch);
// The same, building the result in `user` itself (no copy of the document): for a caller
// that owns a user it no longer needs, as one parsed from text.
Result<Json> merge_metadata(Json&& user, const Json& patch);

// The minimal PATCH body turning `before` into `after` (two user_metadata objects):
// {"user_metadata": {...}} or null when nothing changed. null/absent count as {}; a top-level
// null value counts as an absent key (Auth0 cannot store one). Errors: invalid_body, too_deep,
// invalid_field_name (a name the PATCH would be refused for; field "user_metadata.<path>").
Result<Json> diff_metadata(const Json& before, const Json& after);

// Who is asking. `scope` absent = a Management API token that may do anything; so may
// update:users. update:users_app_metadata may patch user_metadata and app_metadata of any
// user, and no other root attribute. A user-scoped token (update:current_user_metadata /
// create:current_user_metadata) may patch only user_metadata, and only of its own user: when
// user_id is known, subject must be known and equal to it (an unknown subject is refused,
// not trusted). Auth0 splits the two current-user scopes as Create and Update: update: may
// add, change and delete user_metadata properties; create: alone may only add properties the
// user does not have yet, so it may not delete one (null), clear all ({}), or replace one
// that `stored_user_metadata` holds. Without stored_user_metadata (the SDK, which never
// trusts a local copy) an addition is left to the server, which knows the stored user.
struct PatchPolicy {
  std::optional<std::string> scope;
  std::optional<std::string> subject;   // the token's `sub`
  std::optional<std::string> user_id;   // the user being patched
  bool allow_clear = false;             // permit {"user_metadata": {}}
  // The patched user's user_metadata, when known. Only which top-level keys hold a non-null
  // value counts, so a caller may pass just the keys the patch names.
  std::optional<Json> stored_user_metadata;
};

// Error::field is always the offending property's path from the patch's root: keys joined
// with '.', array elements as [i] (e.g. "user_metadata.list[0].a$b", "app_metadata.email").
// Checked in this order: too_deep; invalid_body (patch or its metadata not an object; field =
// that metadata, e.g. "user_metadata"); insufficient_scope (field = the top-level key not
// allowed, e.g. "app_metadata" or "blocked", or "user_metadata" when it is another user's,
// or "user_metadata.<key>" / "user_metadata" for what create:current_user_metadata cannot do);
// invalid_field_name (field = the full path of the bad name, at any depth); reserved_field
// (field = "app_metadata.<key>"); empty_metadata (a patch with no keys: no field; `{}` for a
// metadata without allow_clear: field = "user_metadata" or "app_metadata").
Status validate_patch(const Json& patch, const PatchPolicy& policy = {});

}  // namespace metalock
