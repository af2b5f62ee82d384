// ID tokens are trusted only when RS256-signed by a key of the issuer's JWKS, checked with
// WebCrypto. The tokens are the real tenant's; a fetch in the middle stands for an attacker
// who rewrites the /oauth/token response (the tokens a user would meet from a forged server).
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { after, before, test } from 'node:test';
import { MetalockError } from '../../dist/metalock.node.js';
import { clientFor, newUser } from './support/session.js';
import { CONNECTION, decodeHeader, recordingFetch, startTenant } from './support/tenant.js';

let tenant;
let account;
before(async () => {
  tenant = await startTenant();
  account = await newUser(await clientFor(tenant));
});
after(() => tenant?.stop());

const b64 = (value) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const parts = (jwt) => jwt.split('.');
const attacker = generateKeyPairSync('rsa', { modulusLength: 2048 });

// Forgeries of a real ID token: same claims, another header or signature.
const forge = {
  none: (jwt) => `${b64({ alg: 'none', typ: 'JWT' })}.${parts(jwt)[1]}.`,
  noneWithSignature: (jwt) => `${b64({ alg: 'none', typ: 'JWT', kid: decodeHeader(jwt).kid })}.${parts(jwt)[1]}.${parts(jwt)[2]}`,
  hs256: (jwt) => {
    const input = `${b64({ alg: 'HS256', typ: 'JWT', kid: decodeHeader(jwt).kid })}.${parts(jwt)[1]}`;
    return `${input}.${createHmac('sha256', 'metalock-demo').update(input).digest('base64url')}`;
  },
  otherKeySameKid: (jwt) => {
    const input = `${parts(jwt)[0]}.${parts(jwt)[1]}`;
    return `${input}.${sign('sha256', Buffer.from(input), attacker.privateKey).toString('base64url')}`;
  },
  unknownKid: (jwt) => {
    const input = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'attacker-key' })}.${parts(jwt)[1]}`;
    return `${input}.${sign('sha256', Buffer.from(input), attacker.privateKey).toString('base64url')}`;
  },
  changedClaims: (jwt) => {
    const claims = JSON.parse(Buffer.from(parts(jwt)[1], 'base64url'));
    return `${parts(jwt)[0]}.${b64({ ...claims, email: 'admin@example.com' })}.${parts(jwt)[2]}`;
  },
};

// A fetch that passes everything to the tenant and rewrites the id_token of token responses.
function tampering(rewrite) {
  const recorder = recordingFetch();
  const fetch = async (url, init) => {
    const response = await recorder.fetch(url, init);
    if (!String(url).endsWith('/oauth/token') || response.status !== 200) return response;
    const body = await response.json();
    if (body.id_token) body.id_token = rewrite(body.id_token);
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, recorder };
}

const loginWith = (client) => client.login({ username: account.email, password: account.password, realm: CONNECTION });

for (const [name, rewrite, field] of [
  ['alg none and no signature (refused as undecodable)', forge.none, undefined],
  ['alg none and the real signature', forge.noneWithSignature, 'alg'],
  ['HS256 (with the client id as the secret)', forge.hs256, 'alg'],
  ['an RS256 signature by another key under the issuer\'s kid', forge.otherKeySameKid, 'signature'],
  ['a kid the issuer does not publish', forge.unknownKid, 'kid'],
  ['claims changed after signing', forge.changedClaims, 'signature'],
]) {
  test(`login refuses an ID token with ${name}: invalid_token naming ${field ?? 'no field'}, nothing stored`, async () => {
    const { fetch } = tampering(rewrite);
    const store = new Map();
    const cacheLocation = { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v), remove: (k) => void store.delete(k) };
    const client = await clientFor(tenant, { fetch, cacheLocation });
    await assert.rejects(loginWith(client), (error) => {
      assert.ok(error instanceof MetalockError);
      assert.equal(error.code, 'invalid_token');
      assert.equal(error.field, field, error.description);
      return true;
    });
    assert.equal(store.size, 0);
  });
}

test('the JWKS is fetched once per issuer, and once more for an unknown kid (never again for that kid)', async () => {
  // A tenant of its own: the JWKS cache is per issuer, for the whole process.
  const own = await startTenant();
  try {
    const user = await newUser(await clientFor(own));
    const honest = recordingFetch();
    const client = await clientFor(own, { fetch: honest.fetch });
    const login = () => client.login({ username: user.email, password: user.password, realm: CONNECTION });
    await login();
    await login();
    assert.equal(honest.count('GET', '/.well-known/jwks.json'), 1);
    // A second client of the same issuer uses the keys already fetched.
    const second = recordingFetch();
    await (await clientFor(own, { fetch: second.fetch })).login({ username: user.email, password: user.password, realm: CONNECTION });
    assert.equal(second.count('GET', '/.well-known/jwks.json'), 0);

    const { fetch, recorder } = tampering(forge.unknownKid);
    const forged = await clientFor(own, { fetch });
    for (let i = 0; i < 3; i += 1) {
      await assert.rejects(forged.login({ username: user.email, password: user.password, realm: CONNECTION }),
        (error) => error.code === 'invalid_token' && error.field === 'kid');
    }
    assert.equal(recorder.count('GET', '/.well-known/jwks.json'), 1);
  } finally {
    await own.stop();
  }
});

test('a genuine ID token verifies and its claims are returned', async () => {
  const client = await clientFor(tenant);
  const auth = await loginWith(client);
  assert.equal(auth.idTokenPayload.email, account.email);
  assert.equal(decodeHeader(auth.idToken).alg, 'RS256');
});
