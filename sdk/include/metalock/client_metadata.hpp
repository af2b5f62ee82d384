// An application's client_metadata (Auth0: `client_metadata` of a client, `event.client.metadata`
// in a post-login Action): Auth0's limits, and PATCH /api/v2/clients/{id}'s update semantics.
#pragma once

#include "metalock/error.hpp"
#include "metalock/json.hpp"

namespace metalock {

// Auth0's rules: an object of at most 10 properties; names of 1 to 255 characters, ASCII
// letters and digits and  : , - + = _ * ? " / \ ( ) < > @  tab  space only; values strings of
// at most 255 characters (lengths as JavaScript counts them). Every field is a path from
// "client_metadata". Checked in this order: too_deep; invalid_body (not an object; field
// "client_metadata"); per property, in the object's order: field_name_too_long,
// invalid_field_name, not_a_string, value_too_long (field "client_metadata.<name>");
// too_many_fields (field "client_metadata").
Status validate_client_metadata(const Json& metadata);

// PATCH /api/v2/clients/{id} with {"client_metadata": changes}: as user_metadata on a user,
// top-level keys merge, null deletes one, {} clears all. `changes` is held to the name rules
// (a null value stands for a deletion), the result to all of validate_client_metadata's.
// `current` may be null (no metadata yet). -> the client's new client_metadata.
Result<Json> apply_client_metadata_patch(const Json& current, const Json& changes);

}  // namespace metalock
