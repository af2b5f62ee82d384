// client.updateUserMetadata: validated before the network, only what changes is sent,
// never {}, scope refused locally, the updated user resolved from the response.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MetalockError } from '../../dist/metalock.js';
import { loggedInUser } from './support/session.js';
import { recordingFetch, startTenant } from './support/tenant.js';

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

test('an empty change set sends nothing and resolves the current user', async () => {
  const { client, recorder, userId } = await session({ a: '1' });
  // Nothing known yet: one GET for the current user, no PATCH.
  const current = await client.updateUserMetadata({});
  assert.equal(current.user_id, userId);
  assert.deepEqual(current.user_metadata, { a: '1' });
  assert.equal(recorder.count('PATCH'), 0);
  assert.equal(recorder.count('GET', '/api/v2/users/'), 1);
  // Once the user is known, nothing at all is sent.
  recorder.reset();
  const again = await client.updateUserMetadata(userId, {});
  assert.deepEqual(again.user_metadata, { a: '1' });
  assert.equal(recorder.requests.length, 0);
  // The server still has the metadata: {} was never sent.
  assert.deepEqual((await client.getUser()).user_metadata, { a: '1' });
});

test('with the user known, only what changes is sent; no change sends nothing', async () => {
  const { client, recorder } = await session({ a: '1', b: '2' });
  await client.getUser();
  recorder.reset();
  const updated = await client.updateUserMetadata({ a: '1', b: 'new', gone: null });
  assert.deepEqual(patches(recorder), [{ user_metadata: { b: 'new' } }]);
  assert.deepEqual(updated.user_metadata, { a: '1', b: 'new' });
  recorder.reset();
  const same = await client.updateUserMetadata({ a: '1', b: 'new', gone: null });
  assert.equal(recorder.requests.length, 0);
  assert.deepEqual(same.user_metadata, { a: '1', b: 'new' });
});

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
