// An ID token is trusted once the core accepts its header (alg RS256, a kid) and its claims
// (iss, aud, azp, exp, nbf, iat, nonce, auth_time) and its signature verifies against the
// issuer's JWKS (jwks.js, WebCrypto) — as auth0-js does; an unsigned or HS256 token is refused.
import { verifySignature } from './jwks.js';

// context: {core, transport, base}. -> the claims.
export async function verifyIdToken(context, idToken, { clientId, leeway, nowSeconds, nonce, maxAge }) {
  const { core, base } = context;
  const claims = core.verifyIdTokenClaims(idToken, {
    issuer: `${base}/`,
    audience: clientId,
    nonce,
    now: nowSeconds,
    leeway,
    maxAge,
  });
  await verifySignature(context, idToken, core.decodeJwt(idToken).header.kid);
  return claims;
}
