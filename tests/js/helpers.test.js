// The pure helpers of the package (dist/metalock.node.js, what Node imports) over the wasm core: buildMetadataPatch,
// applyMetadataPatch, mapSignupFields with Lock's JS validators and prefill functions.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyMetadataPatch, buildMetadataPatch, mapSignupFields, MetalockError } from '../../dist/metalock.node.js';

const base = { client_id: 'metalock-demo', connection: 'Username-Password-Authentication', email: 'a@example.com', password: 'Secret-123' };

async function rejectsWith(promise, code, field) {
  await assert.rejects(promise, (error) => {
    assert.ok(error instanceof MetalockError, `expected a MetalockError, got ${error}`);
    assert.equal(error.code, code);
    if (field !== undefined) assert.equal(error.field, field);
    return true;
  });
}

test('the helpers return promises and work when called concurrently before the core has loaded', async () => {
  const results = await Promise.all([
    buildMetadataPatch({ a: 1 }, { a: 2 }),
    applyMetadataPatch({ user_metadata: { a: 1 } }, { user_metadata: { b: 2 } }),
    mapSignupFields([], {}, base),
  ]);
  assert.deepEqual(results[0], { user_metadata: { a: 2 } });
  assert.deepEqual(results[1], { user_metadata: { a: 1, b: 2 } });
  assert.deepEqual(results[2], base);
});

test('buildMetadataPatch: changed and new keys whole, removed keys null, nothing changed -> null', async () => {
  const before = { theme: 'dark', address: { city: 'Paris', zip: '75001' }, gone: true };
  const after = { theme: 'dark', address: { city: 'Lyon' }, added: [1, 2] };
  assert.deepEqual(await buildMetadataPatch(before, after),
    { user_metadata: { address: { city: 'Lyon' }, gone: null, added: [1, 2] } });
  assert.equal(await buildMetadataPatch(before, structuredClone(before)), null);
});

test('applying the diff to before gives after', async () => {
  const before = { a: 1, b: { c: [1, 2, { d: null }] }, e: 'x', f: false };
  const after = { a: 2, b: { c: [1] }, g: { h: 'é😀' }, f: false };
  const patch = await buildMetadataPatch(before, after);
  const user = await applyMetadataPatch({ user_id: 'auth0|1', user_metadata: before }, patch);
  assert.deepEqual(user, { user_id: 'auth0|1', user_metadata: after });
});

test('applyMetadataPatch: null deletes, nested values are replaced wholesale, other metadata stays', async () => {
  const user = { user_id: 'auth0|1', user_metadata: { a: 1, b: { x: 1, y: 2 } }, app_metadata: { plan: 'pro' } };
  assert.deepEqual(await applyMetadataPatch(user, { user_metadata: { a: null, b: { x: 3 } } }),
    { user_id: 'auth0|1', user_metadata: { b: { x: 3 } }, app_metadata: { plan: 'pro' } });
});

test('numbers and strings survive the trip through the core exactly', async () => {
  const numbers = [0, -0.5, 0.1, 0.30000000000000004, 1e300, 5e-324, 1.7976931348623157e308,
    2.2250738585072014e-308, 123.456e-7, 1e21, 9007199254740991, -9007199254740991, 42];
  const strings = ['\u0000\u0001\u001f\u007f', 'quote " backslash \\ slash /', 'é😀\u2028', ''];
  const user = await applyMetadataPatch({ user_metadata: {} }, { user_metadata: { numbers, strings } });
  assert.deepEqual(user.user_metadata.numbers, numbers);
  assert.ok(user.user_metadata.numbers.every((n, i) => Object.is(n, numbers[i])));
  assert.deepEqual(user.user_metadata.strings, strings);
});

test('bad inputs reject with the core codes', async () => {
  await rejectsWith(applyMetadataPatch(null, { user_metadata: {} }), 'invalid_body');
  await rejectsWith(buildMetadataPatch('a', {}), 'invalid_body');
  await rejectsWith(mapSignupFields('not an array', {}, base), 'invalid_field_spec');
});

test('mapSignupFields: custom fields go to user_metadata as strings, tags removed, otherwise as typed', async () => {
  const fields = [
    { name: 'favorite_color', placeholder: 'Favorite color' },
    { name: 'terms', type: 'checkbox', placeholder: 'I agree', prefill: 'false' },
    { name: 'plan', type: 'select', placeholder: 'Plan', options: [{ label: 'Free', value: 'free' }, { label: 'Pro', value: 'pro' }] },
  ];
  assert.deepEqual(await mapSignupFields(fields, { favorite_color: ' <b>blue</b> ', terms: true, plan: 'pro' }, base),
    { ...base, user_metadata: { favorite_color: ' blue ', terms: 'true', plan: 'pro' } });
  assert.deepEqual((await mapSignupFields(fields.slice(0, 1), { favorite_color: 'I <3 blue & a < b' }, base)).user_metadata,
    { favorite_color: 'I <3 blue & a < b' });
});

test('a JS validator that passes lets the core skip its required check', async () => {
  let seen;
  const fields = [{ name: 'nickname_hint', placeholder: 'Hint', validator: (value) => { seen = value; return true; } }];
  const body = await mapSignupFields(fields, { nickname_hint: 'ok' }, base);
  assert.equal(seen, 'ok');
  assert.deepEqual(body.user_metadata, { nickname_hint: 'ok' });
  // Without the validator the same empty value would be field_required.
  await rejectsWith(mapSignupFields([{ name: 'nickname_hint', placeholder: 'Hint' }], { nickname_hint: ' ' }, base),
    'field_required', 'nickname_hint');
});

test('a failing validator rejects with invalid_value, the field and its hint', async () => {
  const fields = [{ name: 'age', placeholder: 'Age', validator: (v) => ({ valid: /^\d+$/.test(v), hint: 'Only digits' }) }];
  await assert.rejects(mapSignupFields(fields, { age: 'ten' }, base), (error) => {
    assert.ok(error instanceof MetalockError);
    assert.equal(error.code, 'invalid_value');
    assert.equal(error.field, 'age');
    assert.equal(error.description, 'Only digits');
    return true;
  });
  await rejectsWith(mapSignupFields([{ name: 'age', placeholder: 'Age', validator: () => false }], { age: '1' }, base),
    'invalid_value', 'age');
  assert.deepEqual((await mapSignupFields(fields, { age: '42' }, base)).user_metadata, { age: '42' });
});

test('a validator that throws, or an async one that says no, is invalid_value', async () => {
  const throwing = [{ name: 'code', placeholder: 'Code', validator: () => { throw new Error('boom'); } }];
  await rejectsWith(mapSignupFields(throwing, { code: 'x' }, base), 'invalid_value', 'code');
  const asyncNo = [{ name: 'code', placeholder: 'Code', validator: async () => ({ valid: false }) }];
  await rejectsWith(mapSignupFields(asyncNo, { code: 'x' }, base), 'invalid_value', 'code');
});

test('a select field with a validator is refused by the core as invalid_field_spec', async () => {
  let called = false;
  const fields = [{ name: 'plan', type: 'select', placeholder: 'Plan', options: [{ label: 'Free', value: 'free' }],
    validator: () => { called = true; return true; } }];
  await rejectsWith(mapSignupFields(fields, { plan: 'free' }, base), 'invalid_field_spec');
  assert.equal(called, false);
});

test("prefill functions are resolved Lock's way: prefill(callback) with callback(error, value)", async () => {
  const fields = [
    { name: 'city', placeholder: 'City', prefill: (cb) => setTimeout(() => cb(null, 'Lyon'), 5) },
    { name: 'country', placeholder: 'Country', prefill: () => Promise.resolve('France') },
    { name: 'zip', placeholder: 'Zip', prefill: 'fixed' },
  ];
  assert.deepEqual((await mapSignupFields(fields, {}, base)).user_metadata, { city: 'Lyon', country: 'France', zip: 'fixed' });
  // An entered value wins over the prefill.
  assert.equal((await mapSignupFields(fields, { city: 'Nice' }, base)).user_metadata.city, 'Nice');
});

test('a validator sees the prefill when no value was entered', async () => {
  let seen;
  const fields = [{ name: 'city', placeholder: 'City', prefill: (cb) => cb(null, 'Lyon'), validator: (v) => { seen = v; return true; } }];
  await mapSignupFields(fields, {}, base);
  assert.equal(seen, 'Lyon');
});

test('a prefill that fails rejects with prefill_failed and the field', async () => {
  const viaCallback = [{ name: 'city', placeholder: 'City', prefill: (cb) => cb(new Error('geo down')) }];
  await rejectsWith(mapSignupFields(viaCallback, {}, base), 'prefill_failed', 'city');
  const viaThrow = [{ name: 'city', placeholder: 'City', prefill: () => { throw new Error('nope'); } }];
  await rejectsWith(mapSignupFields(viaThrow, {}, base), 'prefill_failed', 'city');
});

test("options functions are resolved like prefills; a failing one rejects with options_failed", async () => {
  const fields = [{ name: 'plan', type: 'select', placeholder: 'Plan', options: (cb) => setTimeout(() => cb(null, [{ label: 'Pro', value: 'pro' }]), 5) }];
  assert.deepEqual((await mapSignupFields(fields, { plan: 'pro' }, base)).user_metadata, { plan: 'pro' });
  await rejectsWith(mapSignupFields([{ ...fields[0], options: (cb) => cb(new Error('down')) }], { plan: 'pro' }, base),
    'options_failed', 'plan');
});

test('a "" prefill is ignored, as Lock ignores it', async () => {
  const fields = [{ name: 'news', type: 'checkbox', placeholder: 'News', prefill: (cb) => cb(null, '') }];
  assert.deepEqual((await mapSignupFields(fields, {}, base)).user_metadata, { news: 'false' });
});
