// The signup rules that the core decides (user_metadata count, names and values; root
// attribute lengths), applied to the body the tenant received: core.validateSignupBody
// checks a body as the endpoint receives it, with no Lock field-spec rule (a user_metadata
// key such as `my-field` is fine; only '.' and '$' are refused). The tenant stores the values
// as received, as Auth0 does.

// -> null when the body passes, or the core's MetalockError (error.field: the property path,
// e.g. `given_name` or `user_metadata.bio`).
export function checkSignupBody(core, body) {
  try {
    core.validateSignupBody(body);
    return null;
  } catch (error) {
    if (error && typeof error.code === 'string') return error;
    throw error;
  }
}
