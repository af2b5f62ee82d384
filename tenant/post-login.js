// Declarative post-login claims: what a post-login Action does with
// api.idToken.setCustomClaim / api.accessToken.setCustomClaim, from --config's `postLogin`:
//   { "claims": [{ "claim": "https://metalock.dev/hobby", "from": "user_metadata.hobby",
//                  "idToken": true, "accessToken": false }] }
// `from` is user_metadata, app_metadata or client_metadata (event.client.metadata), whole or
// one property of it. Which names may be set, and which stay out of access tokens for Auth0's
// own APIs, are the core's rules (checkCustomClaim). As on Auth0, /userinfo returns the
// ID token's custom claims too.
import { ConfigError } from './config.js';

const SOURCES = ['user_metadata', 'app_metadata', 'client_metadata'];

function parseSource(from) {
  if (typeof from !== 'string') return null;
  const dot = from.indexOf('.');
  const source = dot === -1 ? from : from.slice(0, dot);
  const property = dot === -1 ? null : from.slice(dot + 1);
  if (!SOURCES.includes(source) || property === '') return null;
  return { source, property };
}

// Checked once at start (the core is needed). -> the claims, ready for postLoginClaims.
export function compilePostLogin(postLogin, core) {
  if (postLogin === undefined) return [];
  if (!postLogin || typeof postLogin !== 'object' || !Array.isArray(postLogin.claims)) {
    throw new ConfigError('config: postLogin must be {"claims": [...]}');
  }
  return postLogin.claims.map((entry, index) => {
    const where = `config: postLogin.claims[${index}]`;
    if (!entry || typeof entry !== 'object') throw new ConfigError(`${where} must be an object`);
    let rules;
    try {
      rules = core.checkCustomClaim(typeof entry.claim === 'string' ? entry.claim : '');
    } catch (error) {
      throw new ConfigError(`${where}.claim: ${error.description}`);
    }
    const from = parseSource(entry.from);
    if (!from) throw new ConfigError(`${where}.from must be ${SOURCES.join(', ')} or one property of them ("user_metadata.hobby")`);
    return {
      claim: entry.claim, ...from, idToken: entry.idToken === true, accessToken: entry.accessToken === true,
      inAuth0ApiAccessToken: rules.inAuth0ApiAccessToken,
    };
  });
}

function valueOf(claim, user, client) {
  const object = claim.source === 'client_metadata' ? client?.client_metadata ?? {} : user[claim.source] ?? {};
  return claim.property === null ? object : object[claim.property];
}

// target: 'idToken' | 'accessToken'. Every access token this tenant issues is for one of
// Auth0's own APIs (the Management API, /userinfo), where Auth0 leaves private
// (non-namespaced) custom claims out. A property the user or client does not have adds no
// claim (an Action setting undefined).
export function postLoginClaims(tenant, { user, client, target }) {
  const claims = {};
  for (const claim of tenant.postLogin) {
    if (!claim[target]) continue;
    if (target === 'accessToken' && !claim.inAuth0ApiAccessToken) continue;
    const value = valueOf(claim, user, client);
    if (value !== undefined) claims[claim.claim] = value;
  }
  return claims;
}
