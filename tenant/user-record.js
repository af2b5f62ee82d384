// A database-connection user as Auth0 stores and returns it. The stored record also holds
// the password hash, which no response ever carries (publicUser drops it).
import { createHash, randomBytes } from 'node:crypto';

export const ROOT_ATTRIBUTES = ['given_name', 'family_name', 'name', 'nickname', 'picture'];

export function newUserObjectId() {
  return randomBytes(12).toString('hex');
}

// Auth0's default picture for a database user: a gravatar falling back to an initials avatar.
function defaultPicture(email) {
  const hash = createHash('md5').update(email.trim().toLowerCase()).digest('hex');
  const initials = email.split('@')[0].replace(/[^a-z0-9]/gi, '').slice(0, 2).toLowerCase() || 'u';
  return `https://s.gravatar.com/avatar/${hash}?s=480&r=pg&d=https%3A%2F%2Fcdn.auth0.com%2Favatars%2F${encodeURIComponent(initials)}.png`;
}

export function createUserRecord({ connection, email, username, passwordHash, userMetadata, appMetadata, root = {}, emailVerified = false, objectId = newUserObjectId(), now = new Date() }) {
  const timestamp = now.toISOString();
  const user = {
    user_id: `auth0|${objectId}`,
    email,
    email_verified: emailVerified,
  };
  if (username !== undefined) user.username = username;
  user.name = root.name ?? email;
  user.nickname = root.nickname ?? email.split('@')[0];
  user.picture = root.picture ?? defaultPicture(email);
  if (root.given_name !== undefined) user.given_name = root.given_name;
  if (root.family_name !== undefined) user.family_name = root.family_name;
  Object.assign(user, {
    user_metadata: userMetadata ?? {},
    app_metadata: appMetadata ?? {},
    identities: [{ connection, provider: 'auth0', user_id: objectId, isSocial: false }],
    created_at: timestamp,
    updated_at: timestamp,
    logins_count: 0,
  });
  user.password_hash = passwordHash;
  return user;
}

export function userConnection(user) {
  return user.identities?.[0]?.connection ?? null;
}

export function publicUser(user) {
  const { password_hash: _hidden, ...visible } = user;
  return visible;
}

// The OIDC claims of a user that a scope unlocks (ID token and /userinfo).
// hasScope(name) -> whether the token carries that scope.
export function claimsForScope(user, hasScope) {
  const claims = { sub: user.user_id };
  if (hasScope('profile')) {
    for (const name of ['given_name', 'family_name', 'nickname', 'name', 'picture']) {
      if (user[name] !== undefined) claims[name] = user[name];
    }
    claims.updated_at = user.updated_at;
  }
  if (hasScope('email')) {
    claims.email = user.email;
    claims.email_verified = user.email_verified;
  }
  return claims;
}

// The namespaced metadata claims a client's config asks for, as an Auth0 Action adds them.
export function metadataClaims(user, client) {
  const claims = {};
  if (client?.userMetadataClaim) claims[client.userMetadataClaim] = user.user_metadata ?? {};
  if (client?.appMetadataClaim) claims[client.appMetadataClaim] = user.app_metadata ?? {};
  return claims;
}
