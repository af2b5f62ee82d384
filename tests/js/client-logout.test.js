// client.logout: forgets the stored tokens and the cached user.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clientFor, loggedInUser } from './support/session.js';
import { CLIENT_ID, recordingFetch, startTenant } from './support/tenant.js';

let tenant;
before(async () => {
  tenant = await startTenant();
});
after(() => tenant?.stop());

const storageKey = `@@metalock@@::${CLIENT_ID}`;

test('after logout every token-needing call is login_required and nothing is sent', async () => {
  const recorder = recordingFetch();
  const { client } = await loggedInUser(tenant, { clientOptions: { fetch: recorder.fetch } });
  await client.getUser();
  await client.logout();
  recorder.reset();
  await assert.rejects(client.getUserInfo(), (error) => error.code === 'login_required');
  await assert.rejects(client.getUser(), (error) => error.code === 'login_required');
  await assert.rejects(client.updateUserMetadata({}), (error) => error.code === 'login_required');
  assert.equal(recorder.requests.length, 0);
});

test('logout removes the stored cache from a custom store', async () => {
  const store = new Map();
  const cacheLocation = { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v), remove: (k) => void store.delete(k) };
  const { client } = await loggedInUser(tenant, { clientOptions: { cacheLocation } });
  assert.equal(typeof store.get(storageKey), 'string');
  await client.logout();
  assert.equal(store.has(storageKey), false);
  // Another client on the same store finds nothing either.
  const other = await clientFor(tenant, { cacheLocation });
  await assert.rejects(other.getUserInfo(), (error) => error.code === 'login_required');
});

test('a login that completes after logout() started leaves nothing stored', async () => {
  const store = new Map();
  const cacheLocation = { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v), remove: (k) => void store.delete(k) };
  const { client, email, password } = await loggedInUser(tenant, { clientOptions: { cacheLocation } });
  const pending = client.login({ username: email, password, realm: 'Username-Password-Authentication' });
  await client.logout();
  const auth = await pending;   // the caller still gets its tokens...
  assert.equal(typeof auth.accessToken, 'string');
  assert.equal(store.has(storageKey), false);   // ...but they are not kept
  await assert.rejects(client.getUserInfo(), (error) => error.code === 'login_required');
});

test('the logged-out token still works when passed explicitly (the server decides)', async () => {
  const { client, auth } = await loggedInUser(tenant);
  await client.logout();
  const profile = await client.getUserInfo(auth.accessToken);
  assert.equal(profile.sub, auth.idTokenPayload.sub);
});
