// Where the wasm core comes from: init({ url | binary }) and createClient({ wasm }), honoured
// by the pure helpers; a second, different setting is an error; a failed load names the URL
// it tried and the fix, and is forgotten so that a corrected setting can load. The module
// loads once per process, so each scenario runs in a fresh Node process over dist/.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';

const run = promisify(execFile);
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { startStaticServer } from '../e2e/support/static-server.mjs';
import { distEntry } from './support/tenant.js';
import { createClient, MetalockError } from '../../dist/metalock.node.js';

const wasmPath = distEntry.replace(/metalock\.node\.js$/, 'metalock.wasm');
const wasmUrl = pathToFileURL(wasmPath).href;

let server;
before(async () => {
  server = await startStaticServer({ pages: { '/assets/core.wasm': readFileSync(wasmPath) } });
});
after(() => server?.close());

// Runs `body` (an async function's body, with the package as `m`) in a fresh process and
// returns what it returned, JSON-decoded.
async function scenario(body, entry = distEntry) {
  const source = `import * as m from ${JSON.stringify(pathToFileURL(entry).href)};
const fail = async (promise) => promise.then(() => null,
  (e) => ({ code: e.code, field: e.field, description: e.description, isError: e instanceof m.MetalockError, hasOriginal: e.original !== undefined }));
const out = await (async () => { ${body} })();
process.stdout.write(JSON.stringify(out));`;
  // Asynchronous: the static server answering the child lives in this process.
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', source], {
    encoding: 'utf8',
    timeout: 30_000,
    env: { ...process.env, WASM_PATH: wasmPath, WASM_URL: wasmUrl, SERVER: server.url },
  });
  return JSON.parse(stdout);
}

test('init({ binary }) loads from the bytes given, and the helpers use that module', async () => {
  const out = await scenario(`
    const bytes = (await import('node:fs')).readFileSync(process.env.WASM_PATH);
    await m.init({ binary: bytes });
    return { patch: await m.buildMetadataPatch({ a: 1 }, { a: 2 }),
      again: await fail(m.init({ binary: new Uint8Array(bytes) })) };`);
  assert.deepEqual(out, { patch: { user_metadata: { a: 2 } }, again: null });
});

// A DOM test environment on Node (jsdom, with a bundler's browser conditions) may resolve the
// page entry, whose glue is built for browsers and reads no files: the package reads the
// default metalock.wasm next to itself (without that, the glue's fetch of a file: URL failed).
test('the page entry (dist/metalock.js) loads in Node too, from the metalock.wasm next to it', async () => {
  const out = await scenario('return m.buildMetadataPatch({ a: 1 }, { a: 2, b: 3 });', distEntry.replace(/metalock\.node\.js$/, 'metalock.js'));
  assert.deepEqual(out, { user_metadata: { a: 2, b: 3 } });
});

test('createClient({ wasm: { url } }) fetches the .wasm from a URL (http, file: or a path on Node)', async () => {
  for (const url of ['SERVER + "/assets/core.wasm"', 'process.env.WASM_URL', 'process.env.WASM_PATH']) {
    const out = await scenario(`
      await m.createClient({ domain: 'http://127.0.0.1:9', clientId: 'c', wasm: { url: ${url.replace('SERVER', 'process.env.SERVER')} } });
      return m.applyMetadataPatch({ user_metadata: { a: 1 } }, { user_metadata: { a: null, b: 2 } });`);
    assert.deepEqual(out, { user_metadata: { b: 2 } }, url);
  }
});

test('a second, different setting is refused, naming both; the same one again is fine', async () => {
  const out = await scenario(`
    const first = { url: process.env.SERVER + '/assets/core.wasm' };
    await m.init(first);
    return {
      same: await fail(m.createClient({ domain: 'http://127.0.0.1:9', clientId: 'c', wasm: { ...first } })),
      other: await fail(m.createClient({ domain: 'http://127.0.0.1:9', clientId: 'c', wasm: { url: '/elsewhere/metalock.wasm' } })),
      bytes: await fail(m.init({ binary: new Uint8Array(8) })),
    };`);
  assert.equal(out.same, null);
  for (const refused of [out.other, out.bytes]) {
    assert.equal(refused.code, 'invalid_argument');
    assert.equal(refused.field, 'wasm');
    assert.match(refused.description, /\/assets\/core\.wasm/);
  }
  assert.match(out.other.description, /\/elsewhere\/metalock\.wasm/);
});

test('after a lazy load from the default location, a different setting is refused too', async () => {
  const out = await scenario(`
    await m.buildMetadataPatch({}, { a: 1 });
    return { other: await fail(m.init({ url: process.env.SERVER + '/assets/core.wasm' })),
      sameAsDefault: await fail(m.init({ url: process.env.WASM_URL })) };`);
  assert.equal(out.other.code, 'invalid_argument');
  assert.ok(out.other.description.includes(wasmUrl), out.other.description);
  assert.equal(out.sameAsDefault, null);
});

test('a failed load names the URL it tried and the fix, and is forgotten: a corrected setting loads', async () => {
  const out = await scenario(`
    const missing = process.env.SERVER + '/assets/missing.wasm';
    return { missing: await fail(m.init({ url: missing })),
      garbage: await fail(m.init({ binary: new Uint8Array([1, 2, 3]) })),
      fixed: await fail(m.init({ url: process.env.SERVER + '/assets/core.wasm' })),
      works: await m.buildMetadataPatch({ a: 1 }, {}) };`);
  assert.equal(out.missing.code, 'wasm_load_failed');
  assert.ok(out.missing.description.includes(`${server.url}/assets/missing.wasm`), out.missing.description);
  assert.match(out.missing.description, /404/);
  assert.match(out.missing.description, /Fix: serve .*metalock\.wasm.*init\(\{ url \}\)/);
  assert.equal(out.missing.hasOriginal, true);
  assert.equal(out.garbage.code, 'wasm_load_failed');
  assert.match(out.garbage.description, /3 bytes given as wasm\.binary/);
  assert.equal(out.fixed, null);
  assert.deepEqual(out.works, { user_metadata: { a: null } });
});

test('malformed settings are invalid_argument before anything loads', async () => {
  const out = await scenario(`
    const bad = [{}, { url: '' }, { url: 42 }, { binary: 'AGFzbQ==' }, { url: 'a.wasm', binary: new Uint8Array(1) },
      { path: 'x' }, 'metalock.wasm', []];
    const results = [];
    for (const wasm of bad) results.push(await fail(m.init(wasm)));
    return results;`);
  assert.equal(out.length, 8);
  for (const refused of out) {
    assert.equal(refused.code, 'invalid_argument');
    assert.equal(refused.field, 'wasm');
  }
});

test('console.log of an error names MetalockError, also from the minified bundle', () => {
  const printed = inspect(new MetalockError({ code: 'too_deep', description: 'deep' }));
  assert.match(printed, /^MetalockError: deep/);
  assert.doesNotMatch(printed, /\[MetalockError\]/);
  assert.equal(MetalockError.name, 'MetalockError');
});

test('network_error keeps the cause in original', async () => {
  const closed = await startStaticServer();
  await closed.close();
  const client = await createClient({ domain: closed.url, clientId: 'c', retry: { maxRetries: 0 } });
  const error = await client.getUserInfo('token').then(() => null, (e) => e);
  assert.equal(error.code, 'network_error');
  assert.ok(error.original instanceof Error, `original: ${inspect(error.original)}`);
});
