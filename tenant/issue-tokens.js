// Builds the /oauth/token success body: RS256 access token, ID token, rotating refresh token.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { signJwt } from './jwt.js';
import { postLoginClaims } from './post-login.js';
import { claimsForScope, metadataClaims } from './user-record.js';

// Auth0 caps the custom claims of a token at 100 KB ("Custom claims payload is set to a maximum
// of 100KB", https://auth0.com/docs/tokens/create-namespaced-custom-claims). Past it this tenant
// leaves the metadata and post-login claims out of the ID token instead of failing the login,
// so that a user with large metadata can still log in; /userinfo carries them whatever their size.
const CUSTOM_CLAIMS_LIMIT_BYTES = 100_000;

function idTokenCustomClaims(tenant, user, client) {
  const claims = { ...metadataClaims(user, client), ...postLoginClaims(tenant, { user, client, target: 'idToken' }) };
  return Buffer.byteLength(JSON.stringify(claims)) <= CUSTOM_CLAIMS_LIMIT_BYTES ? claims : {};
}

export function refreshTokenId(token) {
  return createHash('sha256').update(token).digest('hex');
}

// Stores a new refresh token of `family` (a new family per login) and returns its text.
// Only a hash is kept: the data directory never holds a usable token.
export function mintRefreshToken(tenant, { family = randomUUID(), userId, clientId, audience, scope }) {
  const token = `v1.${randomBytes(32).toString('base64url')}`;
  tenant.store.putRefreshToken({
    id: refreshTokenId(token),
    family,
    userId,
    clientId,
    audience,
    scope,
    createdAt: tenant.now(),
    usedAt: null,
  });
  return token;
}

// A user's tokens. `audience` null = no API requested: the access token is for /userinfo only.
// A refresh token comes with offline_access, or always when rotating one (`rotating`).
export function issueUserTokens(tenant, { client, user, audience, scopes, nonce, gty, refreshFamily, rotating = false }) {
  const now = tenant.now();
  const { accessTokenLifetime, idTokenLifetime } = tenant.config.tokens;
  const scope = scopes.join(' ');
  const openid = scopes.includes('openid');

  let aud = tenant.userinfoAudience;
  if (audience && audience !== tenant.userinfoAudience) aud = openid ? [audience, tenant.userinfoAudience] : audience;
  const accessToken = signJwt({
    ...postLoginClaims(tenant, { user, client, target: 'accessToken' }),
    iss: tenant.issuer,
    sub: user.user_id,
    aud,
    iat: now,
    exp: now + accessTokenLifetime,
    scope,
    azp: client.clientId,
    gty,
  }, tenant.signingKey);

  const body = { access_token: accessToken };
  if (rotating || scopes.includes('offline_access')) {
    body.refresh_token = mintRefreshToken(tenant, {
      family: refreshFamily,
      userId: user.user_id,
      clientId: client.clientId,
      audience: audience ?? null,
      scope,
    });
  }
  if (openid) {
    const idClaims = {
      ...claimsForScope(user, (name) => scopes.includes(name)),
      ...idTokenCustomClaims(tenant, user, client),
      iss: tenant.issuer,
      aud: client.clientId,
      iat: now,
      exp: now + idTokenLifetime,
    };
    if (nonce !== undefined) idClaims.nonce = nonce;
    body.id_token = signJwt(idClaims, tenant.signingKey);
  }
  body.scope = scope;
  body.expires_in = accessTokenLifetime;
  body.token_type = 'Bearer';
  return body;
}

export function issueMachineToken(tenant, { client, audience, scopes }) {
  const now = tenant.now();
  const { accessTokenLifetime } = tenant.config.tokens;
  const scope = scopes.join(' ');
  const accessToken = signJwt({
    iss: tenant.issuer,
    sub: `${client.clientId}@clients`,
    aud: audience,
    iat: now,
    exp: now + accessTokenLifetime,
    scope,
    azp: client.clientId,
    gty: 'client-credentials',
  }, tenant.signingKey);
  return { access_token: accessToken, scope, expires_in: accessTokenLifetime, token_type: 'Bearer' };
}
