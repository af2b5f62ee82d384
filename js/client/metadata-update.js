// What updateUserMetadata sends. `changes` IS the change set: it is sent as given, never
// diffed against a local copy of the user (another tab or device may have changed the
// server since; a top-level merge sent twice gives the same user, so resending is safe).
//
// changes: top-level user_metadata keys to set (null deletes); the token's scope and subject.
// -> the PATCH request, which the core describes only for a patch the token may send (one
// crossing validates and builds it), or null for the empty change set (nothing to send).
export function metadataUpdateRequest(core, { base, userId, accessToken, changes: given, scope, subject }) {
  const policy = { scope, subject, userId };
  // A key given as undefined is a key with no change, as JSON.stringify would drop it. Deeper
  // down, undefined (like NaN or a Map) is refused by the core's facade with its path.
  const changes = Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined));
  if (Object.keys(changes).length === 0) {
    // {} would clear all of user_metadata on the server, so the empty change set is never
    // sent. The token's scope and subject are still checked (allowClear only lets the core
    // judge an empty user_metadata as such): a call the token may not make fails the same
    // way, before any request, whether or not it happens to be empty.
    core.validatePatch({ user_metadata: {} }, { ...policy, allowClear: true });
    return null;
  }
  return core.patchUserRequest(base, userId, { user_metadata: changes }, accessToken, policy);
}
