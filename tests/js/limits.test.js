// Hostile sizes through the wasm build: 10,000 levels of nesting and 50 MB bodies end as
// error codes, and the core keeps working afterwards (no trap, no crash). How fast: npm run
// bench (bench/limits_bench.cpp), not asserted here.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyMetadataPatch, buildMetadataPatch, mapSignupFields, MetalockError } from '../../dist/metalock.node.js';
import { createFacade } from '../../js/core/facade.js';
import { loadCore } from '../../js/core/load.js';

const FIFTY_MB = 50 * 1024 * 1024;

function nestedObject(depth) {
  let value = 1;
  for (let i = 0; i < depth; i += 1) value = { a: value };
  return value;
}
const nestedText = (depth) => '['.repeat(depth) + ']'.repeat(depth);

async function fails(run, code) {
  let caught;
  try {
    await run();
  } catch (error) {
    caught = error;
  }
  // The facade (js/core) and the bundle (dist/) each hold their own copy of the class.
  assert.ok(caught instanceof MetalockError || caught?.name === 'MetalockError', `expected a MetalockError, got ${caught}`);
  assert.equal(caught.code, code);
}

async function coreStillWorks() {
  assert.deepEqual(await applyMetadataPatch({ user_metadata: { a: 1 } }, { user_metadata: { b: 2 } }),
    { user_metadata: { a: 1, b: 2 } });
}

test('10,000 levels of nesting are too_deep, as objects and as text', async () => {
  const core = await loadCore();
  await fails(() => applyMetadataPatch({ user_metadata: {} }, { user_metadata: { deep: nestedObject(10_000) } }), 'too_deep');
  await fails(() => buildMetadataPatch({}, { deep: nestedObject(10_000) }), 'too_deep');
  await fails(() => mapSignupFields([{ name: 'x', placeholder: 'x' }], { x: nestedObject(10_000) }, {}), 'too_deep');
  await fails(() => core.profileResponse({ status: 200, body: `{"a":${nestedText(10_000)}}` }), 'too_deep');
  await fails(() => core.parseResponse({ status: 200, headers: {}, body: nestedText(10_000) }), 'too_deep');
  await fails(() => core.validatePatch({ user_metadata: { deep: nestedObject(10_000) } }), 'too_deep');
  await coreStillWorks();
});

test('a million levels (past what JSON.stringify can walk) are too_deep too', async () => {
  await fails(() => applyMetadataPatch({}, { user_metadata: { deep: nestedObject(1_000_000) } }), 'too_deep');
  await coreStillWorks();
});

test('50 MB bodies are payload_too_large', async () => {
  const core = await loadCore();
  const huge = 'x'.repeat(FIFTY_MB);
  await fails(() => applyMetadataPatch({ user_metadata: {} }, { user_metadata: { huge } }), 'payload_too_large');
  await fails(() => core.profileResponse({ status: 200, body: `{"name":"${huge}"}` }), 'payload_too_large');
  await fails(() => core.parseResponse({ status: 200, headers: {}, body: huge }), 'payload_too_large');
  await coreStillWorks();
});

test('refused and accepted large bodies give their memory back', async () => {
  // A private instance, to read its memory size.
  const { default: createMetalockCore } = await import('#core-glue');
  const module = await createMetalockCore();
  const core = createFacade(module);
  const huge = 'x'.repeat(FIFTY_MB);
  const accepted = JSON.stringify({ name: 'y'.repeat(1024 * 1024) });
  const round = () => {
    assert.throws(() => core.profileResponse({ status: 200, body: huge }), { code: 'payload_too_large' });
    assert.equal(core.profileResponse({ status: 200, body: accepted }).name.length, 1024 * 1024);
  };
  round();
  const settled = module.HEAPU8.length;
  for (let i = 0; i < 5; i += 1) round();
  assert.equal(module.HEAPU8.length, settled, 'memory kept growing: something is not freed');
});
