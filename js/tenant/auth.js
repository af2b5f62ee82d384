// Bearer access tokens presented to /userinfo and the Management API: signature by our key,
// decoded by the core (its JSON limits apply to untrusted tokens), then iss, exp and aud.
import { hasValidSignature } from './jwt.js';

// -> {ok: true, claims, scopes} | {ok: false, reason: 'missing'|'invalid'|'expired'|'audience', message}
export function authenticateBearer(req, tenant, audience) {
  const header = req.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
  if (!match) return { ok: false, reason: 'missing', message: 'Missing authentication' };
  const token = match[1];
  if (!hasValidSignature(token, tenant.signingKey)) return { ok: false, reason: 'invalid', message: 'Invalid token' };
  let decoded;
  try {
    decoded = tenant.core.decodeJwt(token);
  } catch {
    return { ok: false, reason: 'invalid', message: 'Invalid token' };
  }
  const { header: jose, payload } = decoded;
  if (jose?.alg !== 'RS256' || jose?.kid !== tenant.signingKey.kid || payload?.iss !== tenant.issuer) {
    return { ok: false, reason: 'invalid', message: 'Invalid token' };
  }
  if (typeof payload.exp !== 'number' || payload.exp <= tenant.now()) {
    return { ok: false, reason: 'expired', message: 'Expired token received for JSON Web Token validation' };
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if (!audiences.includes(audience)) {
    return { ok: false, reason: 'audience', message: `Bad audience: ${audiences.join(' ')}` };
  }
  const scopes = typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [];
  return { ok: true, claims: payload, scopes };
}
