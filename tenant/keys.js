// The tenant's RS256 signing key: generated on first start, kept in the data directory so
// tokens stay valid across restarts, published as a JWK at /.well-known/jwks.json.
import { createHash, createPrivateKey, createPublicKey, generateKeyPair } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeFileDurably } from './durable-file.js';

const KEY_FILE = 'signing-key.json';
const generate = promisify(generateKeyPair);

// RFC 7638 thumbprint: a stable kid derived from the key itself.
function thumbprint(jwk) {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}

function fromPrivatePem(pem) {
  const privateKey = createPrivateKey(pem);
  const publicKey = createPublicKey(privateKey);
  const { kty, n, e } = publicKey.export({ format: 'jwk' });
  const kid = thumbprint({ kty, n, e });
  return {
    kid,
    privateKey,
    publicKey,
    jwk: { alg: 'RS256', kty, use: 'sig', n, e, kid },
  };
}

export async function loadOrCreateSigningKey(dataDir) {
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8'));
    return fromPrivatePem(stored.privateKeyPem);
  }
  const { privateKey } = await generate('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' });
  // The file holds a private key: readable by its owner only.
  writeFileDurably(file, JSON.stringify({ privateKeyPem, createdAt: new Date().toISOString() }), 0o600);
  return fromPrivatePem(privateKeyPem);
}
