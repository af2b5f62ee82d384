// Calls in a burst reuse what the core answered for the same inputs (the live entry for the
// same stored texts in the same second, the subject of the same token), and never past a
// change: a token another client stores, a second login, a logout. The clock is frozen so that
// every call falls in the same second.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clientFor, newUser } from './support/session.js';
import { CONNECTION, startTenant, USER_SCOPES } from './support/tenant.js';

const FROZEN = Date.now();
const now = () => FROZEN;

// A token store two clients can share, as two tabs share localStorage.
function sharedStore() {
  const store = new Map();
  return { get: (k) => store.get(k) ?? null, set: (k, v) => void store.set(k, v), remove: (k) => void store.delete(k) };
}

let tenant;
before(async () => {
  tenant = await startTenant();
});
after(() => tenant?.stop());

async function logIn(client, user) {
  return client.login({
    username: user.email, password: user.password, realm: CONNECTION, audience: tenant.managementAudience, scope: USER_SCOPES,
  });
}

test('an entry another client stores in the same second is the one the next call uses', async () => {
  const cacheLocation = sharedStore();
  const first = await clientFor(tenant, { cacheLocation, now });
  const second = await clientFor(tenant, { cacheLocation, now });
  const alice = await newUser(first, { label: 'alice' });
  const bob = await newUser(first, { label: 'bob' });
  await logIn(first, alice);
  assert.equal((await first.getUserInfo()).email, alice.email);
  assert.equal((await first.getUserInfo()).email, alice.email);
  await logIn(second, bob);   // same key, same second: replaces alice's entry in the shared store
  assert.equal((await first.getUserInfo()).email, bob.email);
  assert.equal((await first.getUser()).email, bob.email);
});

test('after a second login the metadata update goes to the new user', async () => {
  const client = await clientFor(tenant, { now });
  const alice = await newUser(client, { label: 'alice' });
  const bob = await newUser(client, { label: 'bob' });
  await logIn(client, alice);
  assert.equal((await client.updateUserMetadata({ who: 'alice' })).email, alice.email);
  await logIn(client, bob);
  const updated = await client.updateUserMetadata({ who: 'bob' });
  assert.equal(updated.email, bob.email);
  assert.deepEqual(updated.user_metadata, { who: 'bob' });
});

test('a logout in the same second: the next calls find no token', async () => {
  const client = await clientFor(tenant, { now });
  const alice = await newUser(client, { label: 'alice' });
  await logIn(client, alice);
  await client.getUserInfo();
  await client.updateUserMetadata({ seen: true });
  await client.logout();
  await assert.rejects(client.getUserInfo(), (error) => error.code === 'login_required');
  await assert.rejects(client.updateUserMetadata({ seen: false }), (error) => error.code === 'login_required');
});
