// Auth0's limit on a user's metadata: "Both app_metadata and user_metadata are together
// limited to a size of 16 MB total per user"
// (https://auth0.com/docs/best-practices/metadata-best-practices). Measured here as the UTF-8
// bytes of both objects serialized, with MB read as 10^6 bytes: that also keeps the user's
// Management API and /userinfo bodies under the 16 MiB an SDK reads.
//
// A write that would take a user past the limit is refused; a user already past it (stored
// before the limit was enforced) can still be read, logged in, and shrunk: a change that
// leaves it no larger than it was is let through.
export const METADATA_LIMIT_BYTES = 16_000_000;

export function metadataBytes(user) {
  return Buffer.byteLength(JSON.stringify(user?.user_metadata ?? {})) + Buffer.byteLength(JSON.stringify(user?.app_metadata ?? {}));
}

// -> null, or the Management API message refusing the change from `before` to `after`.
export function metadataSizeProblem(before, after) {
  const size = metadataBytes(after);
  if (size <= METADATA_LIMIT_BYTES || size <= metadataBytes(before)) return null;
  return `Payload validation error: 'user_metadata and app_metadata together may hold at most ${METADATA_LIMIT_BYTES} bytes; `
    + `this change would make them ${size} bytes'.`;
}
