// Bearer access tokens presented to /userinfo and the Management API: the signature is
// checked here with our key (with the header's alg and kid); the claims (iss, aud, exp, iat,
// nbf) are checked by the core, which also decodes the untrusted token under its JSON limits.
import { hasValidSignature } from './jwt.js';

// The tenant issues and checks tokens on one clock: no skew to tolerate.
const LEEWAY_SECONDS = 0;

const invalid = { ok: false, reason: 'invalid', message: 'Invalid token' };

// The core's verdict on the claims -> Auth0's reasons (the routes turn them into 401s).
function refusal(error, payload) {
  if (error?.code === 'token_expired') {
    return { ok: false, reason: 'expired', message: 'Expired token received for JSON Web Token validation' };
  }
  if (error?.code === 'invalid_audience') {
    const audiences = Array.isArray(payload?.aud) ? payload.aud : [payload?.aud];
    return { ok: false, reason: 'audience', message: `Bad audience: ${audiences.join(' ')}` };
  }
  if (typeof error?.code !== 'string') throw error;
  return invalid;
}

// -> {ok: true, claims} | {ok: false, reason: 'missing'|'invalid'|'expired'|'audience', message}
export function authenticateBearer(req, tenant, audience) {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return { ok: false, reason: 'missing', message: 'Missing authentication' };
  const token = match[1];
  if (!hasValidSignature(token, tenant.signingKey)) return invalid;
  let decoded;
  try {
    decoded = tenant.core.decodeJwt(token);
  } catch {
    return invalid;
  }
  if (decoded.header?.alg !== 'RS256' || decoded.header?.kid !== tenant.signingKey.kid) return invalid;
  let claims;
  try {
    claims = tenant.core.verifyAccessTokenClaims(token, { issuer: tenant.issuer, audience, now: tenant.now(), leeway: LEEWAY_SECONDS });
  } catch (error) {
    return refusal(error, decoded.payload);
  }
  return { ok: true, claims };
}

// Whether verified claims grant `required`: the core reads scope strings (one rule for
// whitespace everywhere).
export function hasScope(tenant, claims, required) {
  return tenant.core.scopeContains(typeof claims.scope === 'string' ? claims.scope : '', required);
}
