// RS256 JSON Web Tokens with node:crypto: signing, and checking a signature.
// Decoding and claim checks go through the core (auth.js): it owns the JSON limits.
import { sign, verify } from 'node:crypto';

function encodePart(value) {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function signJwt(payload, signingKey) {
  const header = { alg: 'RS256', typ: 'JWT', kid: signingKey.kid };
  const input = `${encodePart(header)}.${encodePart(payload)}`;
  const signature = sign('sha256', Buffer.from(input), signingKey.privateKey).toString('base64url');
  return `${input}.${signature}`;
}

// True when `token` is three base64url parts whose signature the key made.
export function hasValidSignature(token, signingKey) {
  if (typeof token !== 'string') return false;
  const parts = token.split('.');
  if (parts.length !== 3 || !parts.every((part) => /^[A-Za-z0-9_-]+$/.test(part))) return false;
  try {
    return verify('sha256', Buffer.from(`${parts[0]}.${parts[1]}`), signingKey.publicKey, Buffer.from(parts[2], 'base64url'));
  } catch {
    return false;
  }
}
