// What updateUserMetadata sends: the core validates the change set and, when this client
// knows the user's current metadata, reduces it to what actually changes.
//
// changes: top-level user_metadata keys to set (null deletes).
// -> the PATCH body, or null when there is nothing to send.
export function planMetadataUpdate(core, { changes, scope, subject, userId, knownUser }) {
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
  if (!knownUser) return patch;
  const after = core.merge(knownUser, patch);
  return core.diff(knownUser.user_metadata ?? {}, after.user_metadata ?? {});
}
