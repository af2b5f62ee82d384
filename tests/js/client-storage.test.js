// Where tokens live: memory by default, localstorage / sessionstorage, or a custom
// {get, set, remove} store (sync or async). A store that throws or holds garbage never
// breaks the client nor loses what it just stored.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clientFor, newUser } from './support/session.js';
import { CLIENT_ID, CONNECTION, recordingFetch, sleep, startTenant, USER_SCOPES } from './support/tenant.js';

const KEY = `@@metalock@@::${CLIENT_ID}`;

let tenant;
let account;   // one user for the whole file
before(async () => {
  tenant = await startTenant();
  account = await newUser(await clientFor(tenant), { userMetadata: { a: '1' } });
});
after(() => tenant?.stop());

const login = (client, extra = {}) => client.login({ username: account.email, password: account.password, realm: CONNECTION, ...extra });

function mapStore() {
  const values = new Map();
  return { values, get: (k) => values.get(k) ?? null, set: (k, v) => void values.set(k, v), remove: (k) => void values.delete(k) };
}

// The Web Storage API as browsers expose it, for Node (which has no localStorage).
class WebStorageArea {
  #items = new Map();
  getItem(key) { return this.#items.has(key) ? this.#items.get(key) : null; }
  setItem(key, value) { this.#items.set(key, String(value)); }
  removeItem(key) { this.#items.delete(key); }
}

test('memory (the default) is private to each client', async () => {
  const first = await clientFor(tenant);
  const second = await clientFor(tenant);
  await login(first);
  assert.equal((await first.getUserInfo()).email, account.email);
  await assert.rejects(second.getUserInfo(), (error) => error.code === 'login_required');
});

test('a custom synchronous store keeps one key per entry plus a manifest of them, and is shared', async () => {
  const store = mapStore();
  const first = await clientFor(tenant, { cacheLocation: store });
  const auth = await login(first);
  const entryKey = `${KEY}::default::email openid profile`;
  assert.deepEqual([...store.values.keys()].sort(), [KEY, entryKey]);
  assert.deepEqual(JSON.parse(store.values.get(KEY)).keys, [entryKey]);
  const stored = store.values.get(entryKey);
  assert.equal(typeof stored, 'string');
  assert.ok(stored.includes(auth.accessToken));
  // A new client on the same store (a page reload) is logged in.
  const reloaded = await clientFor(tenant, { cacheLocation: store });
  assert.equal((await reloaded.getUserInfo()).email, account.email);
});

test('a custom asynchronous store works the same', async () => {
  const values = new Map();
  const store = {
    get: async (k) => { await sleep(5); return values.get(k) ?? null; },
    set: async (k, v) => { await sleep(5); values.set(k, v); },
    remove: async (k) => { await sleep(5); values.delete(k); },
  };
  const client = await clientFor(tenant, { cacheLocation: store });
  await login(client);
  assert.equal(typeof values.get(KEY), 'string');
  const reloaded = await clientFor(tenant, { cacheLocation: store });
  assert.equal((await reloaded.getUserInfo()).email, account.email);
  await reloaded.logout();
  assert.equal(values.has(KEY), false);
});

test('a class-based store keeps its `this`', async () => {
  class Store {
    constructor() { this.values = new Map(); }
    get(k) { return this.values.get(k) ?? null; }
    set(k, v) { this.values.set(k, v); }
    remove(k) { this.values.delete(k); }
  }
  const store = new Store();
  const client = await clientFor(tenant, { cacheLocation: store });
  await login(client);
  assert.equal((await client.getUserInfo()).email, account.email);
  assert.ok(store.values.has(KEY));
});

test('garbage in the store reads as empty and is replaced by the next login', async () => {
  for (const garbage of ['not json', '{"version":99,"entries":[{"accessToken":"x"}]}', '[]', '{"version":1,"entries":"x"}', 42, { an: 'object' }]) {
    const store = mapStore();
    store.values.set(KEY, garbage);
    const recorder = recordingFetch();
    const client = await clientFor(tenant, { cacheLocation: store, fetch: recorder.fetch });
    await assert.rejects(client.getUserInfo(), (error) => error.code === 'login_required', String(garbage));
    assert.equal(recorder.requests.length, 0);
    await login(client);
    assert.equal((await client.getUserInfo()).email, account.email);
    assert.equal(typeof store.values.get(KEY), 'string');
    assert.notEqual(store.values.get(KEY), garbage);
  }
});

test('a store that throws on every call: the client keeps working from memory', async () => {
  const broken = {
    get() { throw new Error('storage is broken'); },
    set() { throw new Error('storage is broken'); },
    remove() { throw new Error('storage is broken'); },
  };
  const client = await clientFor(tenant, { cacheLocation: broken });
  await login(client);
  assert.equal((await client.getUserInfo()).email, account.email);
  await client.logout();
  await assert.rejects(client.getUserInfo(), (error) => error.code === 'login_required');
});

test('a store that rejects writes (quota) does not lose the session', async () => {
  const values = new Map();
  const full = {
    get: async (k) => values.get(k) ?? null,
    set: async () => { throw new Error('QuotaExceededError'); },
    remove: async (k) => { values.delete(k); },
  };
  const client = await clientFor(tenant, { cacheLocation: full });
  await login(client);
  assert.equal((await client.getUserInfo()).email, account.email);
});

test('localstorage without a localStorage (Node) works from memory', async () => {
  assert.equal(globalThis.localStorage, undefined);
  const client = await clientFor(tenant, { cacheLocation: 'localstorage' });
  await login(client);
  assert.equal((await client.getUserInfo()).email, account.email);
});

for (const [cacheLocation, area] of [['localstorage', 'localStorage'], ['sessionstorage', 'sessionStorage']]) {
  test(`${cacheLocation} persists under ${KEY} and survives a reload`, async () => {
    globalThis[area] = new WebStorageArea();
    try {
      const client = await clientFor(tenant, { cacheLocation });
      await login(client);
      assert.equal(typeof globalThis[area].getItem(KEY), 'string');
      const reloaded = await clientFor(tenant, { cacheLocation });
      assert.equal((await reloaded.getUserInfo()).email, account.email);
      await reloaded.logout();
      assert.equal(globalThis[area].getItem(KEY), null);
    } finally {
      delete globalThis[area];
    }
  });
}

test('concurrent logins into one slow store lose no entry', async () => {
  const values = new Map();
  const slow = {
    get: async (k) => { await sleep(Math.random() * 20); return values.get(k) ?? null; },
    set: async (k, v) => { await sleep(Math.random() * 20); values.set(k, v); },
    remove: async (k) => { values.delete(k); },
  };
  const client = await clientFor(tenant, { cacheLocation: slow });
  await Promise.all([
    login(client),
    login(client, { audience: tenant.managementAudience, scope: USER_SCOPES }),
  ]);
  // Both tokens are there: the default one for /userinfo, the Management API one for getUser.
  const reloaded = await clientFor(tenant, { cacheLocation: slow });
  assert.equal((await reloaded.getUserInfo()).email, account.email);
  assert.deepEqual((await reloaded.getUser()).user_metadata, { a: '1' });
});
