// Several clients sharing one token store (as tabs share localStorage) that all find the same
// stale entry: one redeems the rotating refresh token, the others find the renewed entry in
// the store. No refresh token is ever presented twice, so the family is never revoked.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clientFor, newUser } from './support/session.js';
import { CONNECTION, recordingFetch, startTenant } from './support/tenant.js';

const LIFETIME = 30;
let tenant;
before(async () => {
  tenant = await startTenant({ config: { tokens: { accessTokenLifetime: LIFETIME } } });
});
after(() => tenant?.stop());

function sharedStore() {
  const store = new Map();
  return { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v), remove: (k) => void store.delete(k) };
}

test('three clients on one store refresh concurrently: one redemption, every call answered', async () => {
  const cacheLocation = sharedStore();
  const first = await clientFor(tenant, { cacheLocation });
  const { email, password } = await newUser(first);
  await first.login({ username: email, password, realm: CONNECTION, scope: 'openid profile email offline_access' });

  // Clients whose clock is past the token's lifetime (leeway 0): the stored entry has expired
  // for them; an entry one of them renews is live for all of them.
  const later = () => Date.now() + (LIFETIME + 1) * 1000;
  const tabs = await Promise.all([0, 1, 2].map(async () => {
    const recorder = recordingFetch();
    return { recorder, client: await clientFor(tenant, { cacheLocation, fetch: recorder.fetch, leeway: 0, now: later }) };
  }));
  const profiles = await Promise.all(tabs.map(({ client }) => client.getUserInfo()));
  assert.deepEqual(profiles.map((p) => p.email), [email, email, email]);

  const refreshes = tabs.flatMap(({ recorder }) => recorder.requests.filter((r) => r.path === '/oauth/token'));
  assert.equal(refreshes.length, 1, 'one client redeemed; the others used what it stored');
  assert.equal(refreshes[0].status, 200);
});

test('when every renewed token is stale at once, the clients take turns: each refresh token is presented once', async () => {
  const cacheLocation = sharedStore();
  const first = await clientFor(tenant, { cacheLocation });
  const { email, password } = await newUser(first);
  await first.login({ username: email, password, realm: CONNECTION, scope: 'openid profile email offline_access' });

  // The default leeway (60 s) exceeds the 30 s lifetime: no entry is ever live, so every call
  // must refresh, and the rotated token of one turn is what the next turn presents.
  const tabs = await Promise.all([0, 1, 2, 3].map(async () => {
    const recorder = recordingFetch();
    return { recorder, client: await clientFor(tenant, { cacheLocation, fetch: recorder.fetch }) };
  }));
  const profiles = await Promise.all(tabs.map(({ client }) => client.getUserInfo()));
  assert.equal(profiles.length, 4);

  const presented = tabs.flatMap(({ recorder }) => recorder.requests.filter((r) => r.path === '/oauth/token'))
    .map((r) => ({ token: JSON.parse(r.body).refresh_token, status: r.status }));
  assert.equal(presented.length, 4);
  assert.equal(new Set(presented.map((p) => p.token)).size, 4, 'no refresh token presented twice');
  assert.ok(presented.every((p) => p.status === 200), JSON.stringify(presented.map((p) => p.status)));
});
