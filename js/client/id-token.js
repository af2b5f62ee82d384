// The ID token's claims, checked by the core (iss, aud, azp, exp, nbf, iat, nonce, auth_time).
// The token comes straight from the tenant's /oauth/token over the connection the transport
// opened, which is what OIDC Core 3.1.3.7 accepts in place of a signature check here.
export function verifyIdToken(core, idToken, { base, clientId, leeway, nowSeconds, nonce, maxAge }) {
  return core.verifyIdTokenClaims(idToken, {
    issuer: `${base}/`,
    audience: clientId,
    nonce,
    now: nowSeconds,
    leeway,
    maxAge,
  });
}
