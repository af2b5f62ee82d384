// GET /.well-known/openid-configuration and /.well-known/jwks.json: the issuer is the base
// URL with a trailing slash, and the published key verifies the tokens the tenant signs.
import assert from 'node:assert/strict';
import { createPublicKey, verify } from 'node:crypto';
import { after, before, test } from 'node:test';
import { call, decodeHeader, login, signup, startTenant } from './support/tenant.js';

let tenant;
before(async () => { tenant = await startTenant(); });
after(() => tenant.stop());

test('the discovery document names this tenant and its endpoints', async () => {
  const response = await call(tenant.url, '/.well-known/openid-configuration');
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /application\/json/);
  const doc = response.body;
  assert.equal(doc.issuer, `${tenant.url}/`);
  assert.equal(doc.token_endpoint, `${tenant.url}/oauth/token`);
  assert.equal(doc.userinfo_endpoint, `${tenant.url}/userinfo`);
  assert.equal(doc.jwks_uri, `${tenant.url}/.well-known/jwks.json`);
  assert.deepEqual(doc.id_token_signing_alg_values_supported, ['RS256']);
  assert.ok(doc.grant_types_supported.includes('http://auth0.com/oauth/grant-type/password-realm'));
  assert.ok(doc.scopes_supported.includes('openid'));
});

test('the JWKS holds one RS256 key whose kid and signature match issued tokens', async () => {
  const { body } = await call(tenant.url, '/.well-known/jwks.json');
  assert.equal(body.keys.length, 1);
  const [jwk] = body.keys;
  assert.equal(jwk.kty, 'RSA');
  assert.equal(jwk.alg, 'RS256');
  assert.equal(jwk.use, 'sig');
  assert.ok(jwk.n && jwk.e && jwk.kid);
  assert.equal(jwk.d, undefined, 'no private part is published');

  const created = await signup(tenant);
  const tokens = await login(tenant, { username: created.email });
  for (const token of [tokens.body.access_token, tokens.body.id_token]) {
    assert.deepEqual(decodeHeader(token), { alg: 'RS256', typ: 'JWT', kid: jwk.kid });
    const [header, payload, signature] = token.split('.');
    const valid = verify('sha256', Buffer.from(`${header}.${payload}`), createPublicKey({ key: jwk, format: 'jwk' }), Buffer.from(signature, 'base64url'));
    assert.ok(valid, 'signature verifies with the published key');
  }
});

test('the signing key persists in --data across restarts', async () => {
  const first = await startTenant();
  const before = (await call(first.url, '/.well-known/jwks.json')).body.keys[0];
  await first.stop();
  const second = await startTenant({ dataDir: first.dataDir });
  try {
    const again = (await call(second.url, '/.well-known/jwks.json')).body.keys[0];
    assert.deepEqual(again, before);
  } finally {
    await second.stop();
  }
});

test('unknown paths and methods are 404 with the Management API body', async () => {
  const unknown = await call(tenant.url, '/nope');
  assert.equal(unknown.status, 404);
  assert.deepEqual(unknown.body, { statusCode: 404, error: 'Not Found', message: 'Not Found' });
  const wrongMethod = await call(tenant.url, '/oauth/token');
  assert.equal(wrongMethod.status, 404);
});
