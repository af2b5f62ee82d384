// Whose token it is: the user a Management API token acts for, which is the user
// getUser/updateUserMetadata default to and the subject the core checks a patch against.
//
// -> the access token's `sub` (a JWT), else the ID token's (an opaque access token), else
//    undefined (a token that names no user).
export function tokenSubject(core, entry) {
  try {
    const sub = core.decodeJwt(entry.accessToken)?.payload?.sub;
    if (isSubject(sub)) return sub;
  } catch {
    // An opaque access token: fall back to the ID token's subject.
  }
  const sub = entry.idTokenClaims?.sub;
  return isSubject(sub) ? sub : undefined;
}

const isSubject = (sub) => typeof sub === 'string' && sub !== '';
