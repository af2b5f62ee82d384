// What updateUserMetadata sends. `changes` IS the change set: it is sent as given, never
// diffed against a local copy of the user (another tab or device may have changed the
// server since; a top-level merge sent twice gives the same user, so resending is safe).
//
// changes: top-level user_metadata keys to set (null deletes).
// -> the PATCH body, or null for the empty change set (nothing to send).
export function planMetadataUpdate(core, { changes, scope, subject, userId }) {
  const patch = { user_metadata: changes };
  const policy = { scope, subject, userId };
  try {
    core.validatePatch(patch, policy);
  } catch (error) {
    if (error?.code !== 'empty_metadata') throw error;
    // {} would clear all of user_metadata on the server: an empty change set is never
    // sent. The scope and subject are still checked, so that a call the token may not
    // make fails the same way whether or not it happens to be empty.
    core.validatePatch(patch, { ...policy, allowClear: true });
    return null;
  }
  return patch;
}
