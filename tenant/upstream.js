// An upstream connection stands in for a social or enterprise identity provider. Its users'
// profiles come from --config (`profiles`), and so can change between logins (a restart
// with another config). Like Auth0's connection option set_user_root_attributes, the
// connection says whether the root attributes (name, given_name, family_name, nickname,
// picture) are refreshed from the provider at each login ("on_each_login", Auth0's default)
// or only set when the user is created ("on_first_login"), so that edits made through
// PATCH /api/v2/users/{id} survive later logins.
import { timingSafeEqual, createHash } from 'node:crypto';
import { ROOT_ATTRIBUTES } from './user-record.js';

export const UPSTREAM_STRATEGY = 'upstream';
export const SYNC_OPTIONS = ['on_each_login', 'on_first_login'];

const digest = (text) => createHash('sha256').update(String(text)).digest();

// The provider "authenticates" the user: -> its profile, or null.
export function upstreamProfile(connection, username, password) {
  const wanted = username.toLowerCase();
  const profile = connection.profiles.find((candidate) => candidate.email.toLowerCase() === wanted);
  // Compared as digests, so the time taken does not depend on where the passwords differ.
  const matches = timingSafeEqual(digest(profile?.password ?? ''), digest(password));
  return profile && matches ? profile : null;
}

function rootAttributes(profile) {
  return Object.fromEntries(ROOT_ATTRIBUTES.filter((name) => profile[name] !== undefined).map((name) => [name, profile[name]]));
}

// The stored user for this provider profile, created on its first login; its root
// attributes refreshed from the provider when the connection syncs at each login.
// -> the user record, to be stored by the caller.
export function upstreamUser(tenant, connection, profile) {
  const userId = `${connection.name}|${profile.id}`;
  const existing = tenant.store.getUser(userId);
  if (existing) {
    if (connection.set_user_root_attributes !== 'on_each_login') return existing;
    return { ...existing, ...rootAttributes(profile), updated_at: new Date().toISOString() };
  }
  const now = new Date().toISOString();
  return {
    user_id: userId,
    email: profile.email,
    email_verified: profile.email_verified === true,
    name: profile.email,
    nickname: profile.email.split('@')[0],
    ...rootAttributes(profile),
    user_metadata: {},
    app_metadata: {},
    identities: [{ connection: connection.name, provider: connection.name, user_id: String(profile.id), isSocial: true }],
    created_at: now,
    updated_at: now,
    logins_count: 0,
  };
}

// --config check of an upstream connection. -> null or the problem.
export function upstreamConfigProblem(connection) {
  if (!SYNC_OPTIONS.includes(connection.set_user_root_attributes)) return `set_user_root_attributes must be one of ${SYNC_OPTIONS.join(', ')}`;
  if (!Array.isArray(connection.profiles)) return 'profiles must be an array';
  const bad = connection.profiles.findIndex((p) => !p || typeof p.email !== 'string' || typeof p.password !== 'string'
    || (typeof p.id !== 'string' && typeof p.id !== 'number') || String(p.id) === '');
  return bad === -1 ? null : `profiles[${bad}] needs an id, an email and a password`;
}
