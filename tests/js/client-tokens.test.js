// Token expiry and refresh against real short-lived tokens from the tenant: an expired
// token is never sent; a refresh token renews before any error is raised. Nothing waits for
// a token to expire: a client whose clock (`now`) runs past the lifetime sees it expired, and
// a second client on the same store with the real clock (leeway 0) shows what was cached.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MetalockError } from '../../dist/metalock.node.js';
import { clientFor, newUser } from './support/session.js';
import { CONNECTION, recordingFetch, startTenant, USER_SCOPES } from './support/tenant.js';

// Seconds, for access tokens of this tenant: long enough that a client with leeway 0 sees
// them live for the whole test, short enough that the default 60 s leeway makes them stale.
const LIFETIME = 30;
// A clock one second past the lifetime, with no leeway: every token of this tenant has expired.
const EXPIRED_ON_ARRIVAL = { leeway: 0, now: () => Date.now() + (LIFETIME + 1) * 1000 };

// A clock a test moves forward: {now, advance(seconds)}.
function testClock() {
  let offset = 0;
  return { now: () => Date.now() + offset, advance: (seconds) => { offset += seconds * 1000; } };
}

// A token store two clients can share, as two tabs share localStorage.
function sharedStore() {
  const store = new Map();
  return { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v), remove: (k) => void store.delete(k) };
}

// A second client over the same stored tokens. -> {client, recorder}
async function sameStore(cacheLocation, options = {}) {
  const recorder = recordingFetch();
  return { client: await clientFor(tenant, { fetch: recorder.fetch, cacheLocation, ...options }), recorder };
}

let tenant;
before(async () => {
  tenant = await startTenant({ config: { tokens: { accessTokenLifetime: LIFETIME } } });
});
after(() => tenant?.stop());

async function login(options, scope = 'openid profile email') {
  const recorder = recordingFetch();
  const client = await clientFor(tenant, { fetch: recorder.fetch, ...options });
  const { email, password } = await newUser(client);
  const auth = await client.login({ username: email, password, realm: CONNECTION, scope });
  recorder.reset();
  return { client, auth, recorder, email, password };
}

test('a token that expires is never sent: login_required without a refresh token', async () => {
  const cacheLocation = sharedStore();
  const { client, auth, recorder } = await login({ leeway: 0, cacheLocation });
  assert.equal(auth.expiresIn, LIFETIME);
  await client.getUserInfo();   // live
  assert.equal(recorder.count('GET', '/userinfo'), 1);
  // The same stored token, for a client to which it is already expired.
  const late = await sameStore(cacheLocation, EXPIRED_ON_ARRIVAL);
  await assert.rejects(late.client.getUserInfo(), (error) => error instanceof MetalockError && error.code === 'login_required');
  assert.equal(late.recorder.requests.length, 0);
});

test('the leeway makes a token count as expired early (default 60 s)', async () => {
  // A 30 s token is already inside the default 60 s leeway when it arrives.
  const { client, recorder } = await login({});
  await assert.rejects(client.getUserInfo(), (error) => error.code === 'login_required');
  assert.equal(recorder.requests.length, 0);
});

test('an expired token is renewed with the refresh token before any error', async () => {
  const cacheLocation = sharedStore();
  const clock = testClock();
  const { client, auth, recorder } = await login({ leeway: 0, now: clock.now, cacheLocation }, 'openid profile email offline_access');
  assert.equal(typeof auth.refreshToken, 'string');
  clock.advance(LIFETIME + 1);
  const profile = await client.getUserInfo();
  assert.equal(profile.sub, auth.idTokenPayload.sub);
  assert.equal(recorder.count('POST', '/oauth/token'), 1);
  assert.equal(recorder.count('GET', '/userinfo'), 1);
  const refresh = JSON.parse(recorder.requests.find((r) => r.path === '/oauth/token').body);
  assert.equal(refresh.grant_type, 'refresh_token');
  // The renewed token is cached: a client to which it is live uses it with no refresh.
  const live = await sameStore(cacheLocation, { leeway: 0 });
  await live.client.getUserInfo();
  assert.equal(live.recorder.count('POST', '/oauth/token'), 0);
  assert.equal(live.recorder.count('GET', '/userinfo'), 1);
});

test('concurrent calls share one refresh (a rotated refresh token is never presented twice)', async () => {
  const { client, recorder } = await login({}, 'openid profile email offline_access');
  // With the default leeway every 30 s token is stale at once, so each call needs a refresh.
  const profiles = await Promise.all([client.getUserInfo(), client.getUserInfo(), client.getUserInfo()]);
  assert.equal(new Set(profiles.map((p) => p.sub)).size, 1);
  assert.equal(recorder.count('POST', '/oauth/token'), 1);
  // The rotated token keeps working for later refreshes.
  await client.getUserInfo();
  assert.equal(recorder.count('POST', '/oauth/token'), 2);
});

test('a refused refresh token surfaces the server error, then login_required', async () => {
  const store = new Map();
  const cacheLocation = { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v), remove: (k) => void store.delete(k) };
  const { client, recorder } = await login({ cacheLocation }, 'openid profile email offline_access');
  const snapshot = [...store.entries()];
  await client.getUserInfo();   // refreshes and rotates
  // Put the old cache back: its refresh token has been used already.
  for (const [key, value] of snapshot) store.set(key, value);
  recorder.reset();
  await assert.rejects(client.getUserInfo(), (error) => {
    assert.ok(error instanceof MetalockError);
    assert.equal(error.code, 'invalid_grant');
    assert.equal(error.statusCode, 403);
    return true;
  });
  await assert.rejects(client.getUserInfo(), (error) => error.code === 'login_required');
  assert.equal(recorder.count('POST', '/oauth/token'), 1);
  assert.equal(recorder.count('GET', '/userinfo'), 0);
});

test('the Management API token is renewed too, keeping its scopes', async () => {
  const recorder = recordingFetch();
  const clock = testClock();
  const client = await clientFor(tenant, { fetch: recorder.fetch, leeway: 0, now: clock.now });
  const { email, password } = await newUser(client);
  await client.login({
    username: email, password, realm: CONNECTION, audience: tenant.managementAudience, scope: `${USER_SCOPES} offline_access`,
  });
  clock.advance(LIFETIME + 1);
  recorder.reset();
  const updated = await client.updateUserMetadata({ renewed: 'yes' });
  assert.deepEqual(updated.user_metadata, { renewed: 'yes' });
  assert.equal(recorder.count('POST', '/oauth/token'), 1);
  assert.equal(recorder.count('PATCH'), 1);
});

test('the injected clock decides expiry: live until expires_at - leeway, expired one second later', async () => {
  const cacheLocation = sharedStore();
  const clock = testClock();
  const { client, recorder } = await login({ leeway: 10, cacheLocation, now: clock.now });
  clock.advance(LIFETIME - 10 - 2);   // two seconds before expires_at - leeway
  await client.getUserInfo();
  assert.equal(recorder.count('GET', '/userinfo'), 1);
  clock.advance(4);   // past it: expired, and no refresh token
  await assert.rejects(client.getUserInfo(), (error) => error.code === 'login_required');
  assert.equal(recorder.count('GET', '/userinfo'), 1);
});
