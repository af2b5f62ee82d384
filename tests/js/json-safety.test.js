// Values JSON cannot carry faithfully (NaN, Infinity, undefined inside objects, functions,
// symbols, BigInt, Map, Set, class instances) are refused before any request, with the field
// path, by the client and the pure helpers alike: JSON would turn some into null, which
// deletes a metadata key. A dotted name is refused by the helpers as by the client.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { applyMetadataPatch, buildMetadataPatch } from '../../dist/metalock.node.js';
import { loggedInUser } from './support/session.js';
import { recordingFetch, startTenant } from './support/tenant.js';

let tenant;
before(async () => {
  tenant = await startTenant();
});
after(() => tenant?.stop());

const refusedWith = (field) => (error) => {
  assert.equal(error.code, 'invalid_json', error.message);
  assert.equal(error.field, field);
  return true;
};

// Each: [label, changes given to updateUserMetadata, the field path named].
const unfaithful = [
  ['NaN', { keep: NaN }, 'user_metadata.keep'],
  ['Infinity', { keep: Infinity }, 'user_metadata.keep'],
  ['-Infinity', { keep: -Infinity }, 'user_metadata.keep'],
  ['undefined inside an object', { prefs: { theme: undefined } }, 'user_metadata.prefs.theme'],
  ['undefined inside an array', { list: [1, undefined] }, 'user_metadata.list[1]'],
  ['a hole in an array', { list: [1, , 3] }, 'user_metadata.list[1]'],   // eslint-disable-line no-sparse-arrays
  ['a function', { keep: () => 1 }, 'user_metadata.keep'],
  ['a symbol', { keep: Symbol('s') }, 'user_metadata.keep'],
  ['a BigInt', { keep: 10n }, 'user_metadata.keep'],
  ['a Map', { keep: new Map([['a', 1]]) }, 'user_metadata.keep'],
  ['a Set', { keep: new Set([1]) }, 'user_metadata.keep'],
  ['a Date', { keep: new Date(0) }, 'user_metadata.keep'],
  ['a class instance', { keep: new (class Point { constructor() { this.x = 1; } })() }, 'user_metadata.keep'],
  ['NaN deep in an array', { a: { b: [{ c: NaN }] } }, 'user_metadata.a.b[0].c'],
];

test('updateUserMetadata refuses every unfaithful value before any request, and the user keeps its data', async () => {
  const recorder = recordingFetch();
  const { client } = await loggedInUser(tenant, { clientOptions: { fetch: recorder.fetch }, userMetadata: { keep: 'me' } });
  recorder.reset();
  for (const [label, changes, field] of unfaithful) {
    await assert.rejects(client.updateUserMetadata(changes), refusedWith(field), label);
  }
  assert.equal(recorder.requests.length, 0);
  assert.deepEqual((await client.getUser()).user_metadata, { keep: 'me' });
});

test('a top-level undefined is a key with no change, not a request that clears', async () => {
  const recorder = recordingFetch();
  const { client } = await loggedInUser(tenant, { clientOptions: { fetch: recorder.fetch }, userMetadata: { theme: 'dark', keep: 'me' } });
  recorder.reset();
  const user = await client.updateUserMetadata({ theme: undefined });
  assert.deepEqual(user.user_metadata, { theme: 'dark', keep: 'me' });
  assert.equal(recorder.count('PATCH'), 0);
  const changed = await client.updateUserMetadata({ theme: undefined, keep: 'changed' });
  assert.deepEqual(changed.user_metadata, { theme: 'dark', keep: 'changed' });
});

test('buildMetadataPatch and applyMetadataPatch refuse the same values with the same code and path', async () => {
  for (const [label, changes, field] of unfaithful) {
    await assert.rejects(buildMetadataPatch({ keep: 1 }, { keep: 1, ...changes }), refusedWith(field), label);
    await assert.rejects(applyMetadataPatch({ user_metadata: {} }, { user_metadata: changes }), refusedWith(field), label);
  }
  // The case: NaN never becomes {"a": null}.
  await assert.rejects(buildMetadataPatch({ a: 1 }, { a: NaN }), refusedWith('user_metadata.a'));
  // A top-level undefined in `after` is a key that is not there (as JSON.stringify drops it).
  assert.deepEqual(await buildMetadataPatch({ a: 1, b: 2 }, { a: 1, b: undefined }), { user_metadata: { b: null } });
});

test('a dotted or $ name: the helpers refuse what updateUserMetadata refuses, same code and field', async () => {
  const { client } = await loggedInUser(tenant);
  for (const [changes, field] of [[{ 'a.b': 1 }, 'user_metadata.a.b'], [{ x: { $set: 1 } }, 'user_metadata.x.$set']]) {
    const viaClient = await client.updateUserMetadata(changes).catch((error) => error);
    const viaBuild = await buildMetadataPatch({}, changes).catch((error) => error);
    const viaApply = await applyMetadataPatch({}, { user_metadata: changes }).catch((error) => error);
    for (const error of [viaClient, viaBuild, viaApply]) {
      assert.equal(error.code, 'invalid_field_name');
      assert.equal(error.field, field);
    }
  }
});

test('signup sends auth0-js\'s user_metadata, combined with additionalSignUpFields, under the same limits', async () => {
  const { client } = await loggedInUser(tenant);
  const base = { connection: 'Username-Password-Authentication', password: 'Str0ng-Passw0rd' };
  const created = await client.signup({
    ...base, email: `meta-${Date.now()}@example.com`, user_metadata: { plan: 'pro' },
    additionalSignUpFields: [{ name: 'color', placeholder: 'color' }], values: { color: 'red' },
  });
  assert.deepEqual(created.user_metadata, { plan: 'pro', color: 'red' });
  const alone = await client.signup({ ...base, email: `meta2-${Date.now()}@example.com`, user_metadata: { plan: 'pro' } });
  assert.deepEqual(alone.user_metadata, { plan: 'pro' });
  const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v']));
  await assert.rejects(client.signup({ ...base, email: `meta3-${Date.now()}@example.com`, user_metadata: eleven }),
    (error) => error.code === 'too_many_fields');
  await assert.rejects(client.signup({ ...base, email: `meta4-${Date.now()}@example.com`, user_metadata: { plan: 7 } }),
    (error) => error.code === 'not_a_string' && error.field === 'plan');
  await assert.rejects(client.signup({ ...base, email: `meta5-${Date.now()}@example.com`, user_metadata: 'pro' }),
    (error) => error.code === 'invalid_argument' && error.field === 'user_metadata');
});
