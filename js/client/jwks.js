// The issuer's signing keys and the RS256 signature check of ID tokens, with WebCrypto
// (crypto.subtle: browsers, workers, Node 20), as auth0-js verifies them: no library in the
// bundle. The keys come from the issuer's /.well-known/jwks.json, fetched once per issuer and
// kept for the page or process; a kid that is not among them refetches once (the issuer may
// have rotated its key), and never again for that kid (a flood of bad tokens costs one fetch).
import { MetalockError } from '../errors.js';

const issuers = new Map();   // base URL -> { keys: Promise<Map<kid, jwk>>, refetched: Set<kid> }
const imported = new WeakMap();   // jwk -> Promise<CryptoKey>
const RS256 = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
const encoder = new TextEncoder();

function invalidToken(description, field, original) {
  return new MetalockError({ code: 'invalid_token', description, field, original });
}

function usableKeys(body) {
  const keys = new Map();
  for (const jwk of Array.isArray(body?.keys) ? body.keys : []) {
    if (!jwk || jwk.kty !== 'RSA' || typeof jwk.kid !== 'string') continue;
    if (jwk.use !== undefined && jwk.use !== 'sig') continue;
    if (jwk.alg !== undefined && jwk.alg !== 'RS256') continue;
    keys.set(jwk.kid, jwk);
  }
  return keys;
}

function fetchKeys({ core, transport, base }) {
  const keys = transport.send(core.jwksRequest(base), { idempotent: true }).then(usableKeys);
  // A failed fetch is not kept: the next token tries again.
  keys.catch(() => {
    if (issuers.get(base)?.keys === keys) issuers.delete(base);
  });
  return keys;
}

async function keyFor(context, kid) {
  const { base } = context;
  let issuer = issuers.get(base);
  if (!issuer) {
    issuer = { keys: fetchKeys(context), refetched: new Set() };
    issuers.set(base, issuer);
  }
  let jwk = (await issuer.keys).get(kid);
  if (!jwk && !issuer.refetched.has(kid)) {
    issuer.refetched.add(kid);
    issuer.keys = fetchKeys(context);
    jwk = (await issuer.keys).get(kid);
  }
  if (!jwk) {
    throw invalidToken(`No RS256 key with kid "${kid}" in ${base}/.well-known/jwks.json: the ID token was not signed by this issuer`, 'kid');
  }
  return jwk;
}

function cryptoKey(subtle, jwk, kid) {
  let key = imported.get(jwk);
  if (!key) {
    const { kty, n, e } = jwk;
    key = subtle.importKey('jwk', { kty, n, e, alg: 'RS256', ext: true }, RS256, false, ['verify'])
      .catch((error) => {
        throw invalidToken(`The JWKS key "${kid}" cannot be used for RS256: ${error?.message ?? error}`, 'kid', error);
      });
    imported.set(jwk, key);
  }
  return key;
}

function base64urlBytes(text) {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

// Throws invalid_token (field "kid" or "signature") unless `token` (whose header the core
// checked: alg RS256, a kid) carries a valid signature by the issuer's key `kid`.
// context: {core, transport, base}.
export async function verifySignature(context, token, kid) {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw invalidToken('WebCrypto (crypto.subtle) is not available here, so the ID token signature cannot be verified; '
      + 'browsers offer it on https:// and loopback pages only', 'signature');
  }
  const key = await cryptoKey(subtle, await keyFor(context, kid), kid);
  const cut = token.lastIndexOf('.');
  let valid = false;
  try {
    valid = await subtle.verify(RS256, key, base64urlBytes(token.slice(cut + 1)), encoder.encode(token.slice(0, cut)));
  } catch (error) {
    throw invalidToken(`The ID token signature cannot be checked: ${error?.message ?? error}`, 'signature', error);
  }
  if (!valid) throw invalidToken(`The ID token signature does not match the issuer's key "${kid}"`, 'signature');
}
