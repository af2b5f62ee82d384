// GET /userinfo: claims by scope plus the client's namespaced metadata claims; Auth0's
// plain-text 401 with WWW-Authenticate for a missing, bad, expired or foreign token.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adminToken, call, login, signup, startTenant } from './support/tenant.js';

let tenant;
let user;
before(async () => {
  tenant = await startTenant();
  user = await signup(tenant, { user_metadata: { theme: 'dark' }, given_name: 'Grace', family_name: 'Hopper', nickname: 'amazing' });
  assert.equal(user.status, 200);
});
after(() => tenant.stop());

async function userinfoWith(scope, options = {}) {
  const tokens = await login(tenant, { username: user.email, scope, ...options });
  assert.equal(tokens.status, 200);
  return call(tenant.url, '/userinfo', { token: tokens.body.access_token });
}

test('openid profile email: the standard claims and the metadata claims', async () => {
  const response = await userinfoWith('openid profile email');
  assert.equal(response.status, 200);
  const profile = response.body;
  assert.match(profile.sub, /^auth0\|/);
  assert.equal(profile.email, user.email);
  assert.equal(profile.email_verified, false);
  assert.equal(profile.given_name, 'Grace');
  assert.equal(profile.family_name, 'Hopper');
  assert.equal(profile.nickname, 'amazing');
  assert.equal(profile.name, user.email);
  assert.match(profile.picture, /^https:\/\//);
  assert.ok(profile.updated_at);
  assert.deepEqual(profile['https://metalock.dev/user_metadata'], { theme: 'dark' });
  assert.deepEqual(profile['https://metalock.dev/app_metadata'], {});
});

test('claims are filtered by scope', async () => {
  const openidOnly = (await userinfoWith('openid')).body;
  assert.deepEqual(Object.keys(openidOnly).sort(), ['https://metalock.dev/app_metadata', 'https://metalock.dev/user_metadata', 'sub']);
  const emailOnly = (await userinfoWith('openid email')).body;
  assert.equal(emailOnly.email, user.email);
  assert.equal(emailOnly.given_name, undefined);
});

test('a token for the Management API with openid also works at /userinfo', async () => {
  const response = await userinfoWith('openid profile read:current_user', { audience: tenant.managementAudience });
  assert.equal(response.status, 200);
});

test('a client without metadata claims in its config gets none', async () => {
  const plain = await startTenant({ config: { clients: [{ clientId: 'plain-spa', type: 'spa' }] } });
  try {
    const created = await call(plain.url, '/dbconnections/signup', {
      method: 'POST',
      json: { client_id: 'plain-spa', connection: 'Username-Password-Authentication', email: 'p@example.com', password: 'Str0ng-Passw0rd', user_metadata: { a: 'b' } },
    });
    assert.equal(created.status, 200);
    const tokens = await call(plain.url, '/oauth/token', {
      method: 'POST',
      json: { grant_type: 'password', client_id: 'plain-spa', username: 'p@example.com', password: 'Str0ng-Passw0rd', scope: 'openid' },
    });
    const profile = await call(plain.url, '/userinfo', { token: tokens.body.access_token });
    assert.deepEqual(profile.body, { sub: profile.body.sub });
  } finally {
    await plain.stop();
  }
});

function assertUnauthorized(response, challenge) {
  assert.equal(response.status, 401);
  assert.equal(response.text, 'Unauthorized');
  assert.match(response.headers.get('content-type'), /text\/plain/);
  assert.equal(response.headers.get('www-authenticate'), challenge);
}

test('401 Unauthorized with WWW-Authenticate for a missing or bad token', async () => {
  assertUnauthorized(await call(tenant.url, '/userinfo'), 'Bearer realm="Auth0"');
  const invalid = 'Bearer realm="Auth0", error="invalid_token", error_description="Invalid token"';
  assertUnauthorized(await call(tenant.url, '/userinfo', { token: 'not-a-jwt' }), invalid);

  const good = (await login(tenant, { username: user.email, scope: 'openid' })).body.access_token;
  const [header, payload, signature] = good.split('.');
  const forged = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload, 'base64url')), sub: 'auth0|000000000000000000000000' })).toString('base64url');
  assertUnauthorized(await call(tenant.url, '/userinfo', { token: `${header}.${forged}.${signature}` }), invalid);
});

test('401 for a Management-only token (no /userinfo audience)', async () => {
  const machine = await adminToken(tenant);
  assertUnauthorized(await call(tenant.url, '/userinfo', { token: machine }), 'Bearer realm="Auth0", error="invalid_token", error_description="Invalid token"');
});

test('401 for an expired token', async () => {
  const shortLived = await startTenant({ config: { tokens: { accessTokenLifetime: 1 } } });
  try {
    const created = await signup(shortLived);
    const tokens = await login(shortLived, { username: created.email, scope: 'openid' });
    assert.equal((await call(shortLived.url, '/userinfo', { token: tokens.body.access_token })).status, 200);
    await new Promise((resolve) => setTimeout(resolve, 2100));
    assertUnauthorized(await call(shortLived.url, '/userinfo', { token: tokens.body.access_token }),
      'Bearer realm="Auth0", error="invalid_token", error_description="The access token expired"');
  } finally {
    await shortLived.stop();
  }
});
