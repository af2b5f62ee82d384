// client.updateUserMetadata: validated before the network, the change set sent as given
// (never diffed against a local copy), never {}, scope refused locally, the updated user
// resolved from the response.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MetalockError } from '../../dist/metalock.node.js';
import { clientFor, loggedInUser } from './support/session.js';
import { CONNECTION, recordingFetch, startTenant, USER_SCOPES } from './support/tenant.js';

let tenant;
before(async () => {
  tenant = await startTenant();
});
after(() => tenant?.stop());

async function session(userMetadata) {
  const recorder = recordingFetch();
  const s = await loggedInUser(tenant, { clientOptions: { fetch: recorder.fetch }, userMetadata });
  recorder.reset();
  return { ...s, recorder };
}

const patches = (recorder) => recorder.requests.filter((r) => r.method === 'PATCH').map((r) => JSON.parse(r.body));

function isError(code) {
  return (error) => {
    assert.ok(error instanceof MetalockError, `expected a MetalockError, got ${error?.stack ?? error}`);
    assert.equal(error.code, code, `${error.code}: ${error.description}`);
    return true;
  };
}

test('top-level merge: keys sent overwrite, keys omitted stay, nested values replace wholesale', async () => {
  const { client, recorder, userId } = await session({ a: '1', b: '2' });
  const updated = await client.updateUserMetadata({ b: 'two', prefs: { theme: 'dark', sizes: [1, 2] } });
  assert.equal(updated.user_id, userId);
  assert.deepEqual(updated.user_metadata, { a: '1', b: 'two', prefs: { theme: 'dark', sizes: [1, 2] } });
  const replaced = await client.updateUserMetadata({ prefs: { sizes: [3] } });
  assert.deepEqual(replaced.user_metadata, { a: '1', b: 'two', prefs: { sizes: [3] } });
  // And the server agrees.
  assert.deepEqual((await client.getUser()).user_metadata, replaced.user_metadata);
  assert.equal(recorder.count('PATCH'), 2);
});

test('null deletes a key', async () => {
  const { client } = await session({ a: '1', b: '2' });
  const updated = await client.updateUserMetadata({ a: null });
  assert.deepEqual(updated.user_metadata, { b: '2' });
});

test('(userId, changes) form for the own user', async () => {
  const { client, userId } = await session({ a: '1' });
  const updated = await client.updateUserMetadata(userId, { c: 3 });
  assert.deepEqual(updated.user_metadata, { a: '1', c: 3 });
});

test('an empty change set sends no PATCH and resolves the user as the server has it', async () => {
  const { client, recorder, userId, email, password } = await session({ a: '1' });
  const current = await client.updateUserMetadata({});
  assert.equal(current.user_id, userId);
  assert.deepEqual(current.user_metadata, { a: '1' });
  assert.equal(recorder.count('PATCH'), 0);
  assert.equal(recorder.count('GET', '/api/v2/users/'), 1);
  // Another client changes the user: the next empty change set shows the server's user,
  // not a copy this client read before (one GET each time, never {}).
  const other = await otherTab(email, password);
  await other.updateUserMetadata({ a: 'from the other tab' });
  recorder.reset();
  const again = await client.updateUserMetadata(userId, {});
  assert.deepEqual(again.user_metadata, { a: 'from the other tab' });
  assert.deepEqual(recorder.requests.map((r) => r.method), ['GET']);
});

test('changes are sent as given: a concurrent change is overwritten, a repeated write is sent again', async () => {
  const { client, recorder, email, password } = await session({ theme: 'dark', size: 'M' });
  assert.deepEqual((await client.getUser()).user_metadata, { theme: 'dark', size: 'M' });
  // Another tab sets theme to 'light' after this client read 'dark'.
  const other = await otherTab(email, password);
  await other.updateUserMetadata({ theme: 'light' });
  recorder.reset();
  // Our explicit write is sent even though our last read already said 'dark'.
  const updated = await client.updateUserMetadata({ theme: 'dark', gone: null });
  assert.deepEqual(patches(recorder), [{ user_metadata: { theme: 'dark', gone: null } }]);
  assert.deepEqual(updated.user_metadata, { theme: 'dark', size: 'M' });
  assert.deepEqual((await other.getUser()).user_metadata, { theme: 'dark', size: 'M' });
  // The same write again is still sent (the merge is idempotent, the result the same).
  recorder.reset();
  const same = await client.updateUserMetadata({ theme: 'dark', gone: null });
  assert.deepEqual(patches(recorder), [{ user_metadata: { theme: 'dark', gone: null } }]);
  assert.deepEqual(same.user_metadata, { theme: 'dark', size: 'M' });
});

// The same user logged in through a second client, as another tab or device would be.
async function otherTab(email, password) {
  const other = await clientFor(tenant);
  await other.login({ username: email, password, realm: CONNECTION, audience: tenant.managementAudience, scope: USER_SCOPES });
  return other;
}

test('without the update scope it is insufficient_scope before any request', async () => {
  const recorder = recordingFetch();
  const { client } = await loggedInUser(tenant, {
    clientOptions: { fetch: recorder.fetch },
    scope: 'openid profile email read:current_user',
  });
  recorder.reset();
  await assert.rejects(client.updateUserMetadata({ a: '1' }), isError('insufficient_scope'));
  await assert.rejects(client.updateUserMetadata({}), isError('insufficient_scope'));
  assert.equal(recorder.requests.length, 0);
});

test("another user's metadata is insufficient_scope before any request", async () => {
  const { client, recorder } = await session();
  const other = await loggedInUser(tenant);
  await assert.rejects(client.updateUserMetadata(other.userId, { a: '1' }), isError('insufficient_scope'));
  assert.equal(recorder.requests.length, 0);
  assert.deepEqual((await other.client.getUser()).user_metadata, {});
});

test('names with . or $ are refused before any request', async () => {
  const { client, recorder } = await session();
  await assert.rejects(client.updateUserMetadata({ 'a.b': 1 }), isError('invalid_field_name'));
  await assert.rejects(client.updateUserMetadata({ ok: { $set: 1 } }), isError('invalid_field_name'));
  assert.equal(recorder.requests.length, 0);
});

test('bad calls are invalid_argument; without a token login_required', async () => {
  const { client } = await session();
  for (const args of [[], [null], [[1, 2]], ['only-an-id'], ['id', 'changes']]) {
    await assert.rejects(client.updateUserMetadata(...args), isError('invalid_argument'));
  }
  await client.logout();
  await assert.rejects(client.updateUserMetadata({ a: 1 }), isError('login_required'));
});

test('retried on a 5xx (idempotent merge) and the result is the same', async () => {
  const faulty = await startTenant({ config: { faults: { error5xx: 0.5, seed: 7 } } });
  try {
    const recorder = recordingFetch();
    // Retries absorb the injected 503s of the sign-up-free parts; sign-up and login are
    // repeated by hand because they are never retried blindly.
    let retried = 0;
    const { client } = await retryUntil(() => loggedInUser(faulty, {
      clientOptions: { fetch: recorder.fetch, retry: { maxRetries: 8, backoffMs: 1 } },
    }));
    for (let i = 0; i < 5; i += 1) {
      recorder.reset();
      const updated = await client.updateUserMetadata({ k: `v${i}` });
      assert.deepEqual(updated.user_metadata, { k: `v${i}` });
      const statuses = recorder.requests.filter((r) => r.method === 'PATCH').map((r) => r.status);
      assert.equal(statuses.at(-1), 200);
      assert.ok(statuses.slice(0, -1).every((status) => status === 503), statuses.join());
      retried += statuses.length - 1;
    }
    assert.ok(retried > 0, 'the seeded faults hit at least one PATCH');
  } finally {
    await faulty.stop();
  }
});

async function retryUntil(action, attempts = 20) {
  for (let i = 1; ; i += 1) {
    try {
      return await action();
    } catch (error) {
      if (i >= attempts || error?.statusCode !== 503) throw error;
    }
  }
}
