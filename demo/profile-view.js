// The signed-in profile: who, a few OIDC claims, user_metadata (lifted from the namespaced
// claim by metalock) and app_metadata, and the whole profile as JSON. The picture claim is
// shown as initials: a gravatar URL is another origin, which img-src 'self' refuses.
import { byId, h, replaceChildren } from './dom.js';
import { jsonNodes } from './json-view.js';

const FACTS = [
  ['user_id', (profile) => profile.sub ?? profile.user_id],
  ['email_verified', (profile) => (profile.email_verified === undefined ? undefined : String(profile.email_verified))],
  ['given_name', (profile) => profile.given_name],
  ['nickname', (profile) => profile.nickname],
  ['updated_at', (profile) => profile.updated_at],
];

function initials(profile) {
  const source = profile.given_name || profile.name || profile.email || '?';
  return source.trim().slice(0, 1).toUpperCase();
}

function displayValue(value) {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function factList(pairs, emptyText, className = 'facts') {
  if (pairs.length === 0) return h('p', { class: 'muted empty' }, emptyText);
  return h('dl', { class: className }, pairs.flatMap(([name, value]) => [h('dt', {}, name), h('dd', {}, displayValue(value))]));
}

export function renderProfile(profile, { userMetadataClaim }) {
  const title = profile.name && profile.name !== profile.email ? profile.name : (profile.given_name || profile.email);
  byId('avatar').textContent = initials(profile);
  byId('profile-name').textContent = title ?? 'Signed in';
  byId('profile-email').textContent = profile.email ?? '';
  byId('session-user').textContent = profile.email ?? '';
  byId('claim-note').textContent = `(from the ${userMetadataClaim} claim)`;
  replaceChildren(byId('profile-facts'), factList(
    FACTS.map(([name, read]) => [name, read(profile)]).filter(([, value]) => value !== undefined && value !== null),
    ''));
  replaceChildren(byId('profile-metadata'),
    factList(Object.entries(profile.user_metadata), 'No user_metadata yet.', 'facts metadata'));
  replaceChildren(byId('profile-app-metadata'),
    factList(Object.entries(profile.app_metadata), 'No app_metadata.', 'facts metadata'));
  replaceChildren(byId('profile-raw'), jsonNodes(profile));
}
