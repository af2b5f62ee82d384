// client.logout: forgets the stored tokens. From the moment it returns, awaited or not, no
// call uses a token from before it and the stored tokens are gone (all at once from a
// synchronous store; from an asynchronous one by the time its promise settles, and no call
// made after it ever sees them).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clientFor, loggedInUser } from './support/session.js';
import { CLIENT_ID, recordingFetch, sleep, startTenant } from './support/tenant.js';

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
  assert.equal(store.size, 0);
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
  assert.equal(store.size, 0);   // ...but they are not kept
  await assert.rejects(client.getUserInfo(), (error) => error.code === 'login_required');
});

test('the logged-out token still works when passed explicitly (the server decides)', async () => {
  const { client, auth } = await loggedInUser(tenant);
  await client.logout();
  const profile = await client.getUserInfo(auth.accessToken);
  assert.equal(profile.sub, auth.idTokenPayload.sub);
});

const syncStore = () => {
  const values = new Map();
  return { values, get: (k) => values.get(k) ?? null, set: (k, v) => void values.set(k, v), remove: (k) => void values.delete(k) };
};
const slowStore = () => {
  const values = new Map();
  const later = () => sleep(Math.random() * 15);
  return {
    values,
    get: async (k) => { await later(); return values.get(k) ?? null; },
    set: async (k, v) => { await later(); values.set(k, v); },
    remove: async (k) => { await later(); values.delete(k); },
  };
};

for (const [name, cacheLocation] of [['memory', () => undefined], ['a synchronous store', syncStore], ['a slow asynchronous store', slowStore]]) {
  test(`logout() not awaited: the very next call finds no token (${name})`, async () => {
    const recorder = recordingFetch();
    const { client } = await loggedInUser(tenant, { clientOptions: { fetch: recorder.fetch, cacheLocation: cacheLocation() } });
    await client.getUserInfo();
    recorder.reset();
    client.logout();
    await assert.rejects(client.getUserInfo(), (error) => error.code === 'login_required');
    await assert.rejects(client.getUser(), (error) => error.code === 'login_required');
    assert.equal(recorder.requests.length, 0);
  });
}

test('with a synchronous store the tokens are gone when logout() returns, before its promise settles', async () => {
  const store = syncStore();
  const { client } = await loggedInUser(tenant, { clientOptions: { cacheLocation: store } });
  assert.ok(store.values.size >= 2);
  const done = client.logout();
  assert.deepEqual([...store.values.keys()], []);
  await done;
});

test('a login still writing into a slow store when logout() is called leaves nothing behind', async () => {
  const store = slowStore();
  const { client, email, password } = await loggedInUser(tenant, { clientOptions: { cacheLocation: store } });
  for (let round = 0; round < 5; round += 1) {
    const pending = client.login({ username: email, password, realm: 'Username-Password-Authentication' });
    // Let the token response arrive and its write start, then log out in the middle of it.
    await sleep(round * 4);
    await client.logout();
    await pending.catch(() => {});
    await sleep(40);   // any write the store still had in flight has landed
    assert.deepEqual([...store.values.keys()], [], `round ${round}`);
    await assert.rejects(client.getUserInfo(), (error) => error.code === 'login_required');
    await client.login({ username: email, password, realm: 'Username-Password-Authentication' });
  }
});
