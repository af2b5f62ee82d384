// The built package in real Chromium, no bundler: dist/metalock.js served from 127.0.0.1,
// imported by <script type="module">, fetches metalock.wasm next to itself, and the pure
// helpers work — on a page, in a module worker, and under a CSP that forbids eval.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { distInChromium } from './support/dist-in-chromium.mjs';

// Doubles whose digits the page glue writes (JSON.stringify spells them exactly).
const DOUBLES = { score: 1.5e-7, ratio: 0.1, odd: -5.42104437319365e-64, big: 1.7976931348623157e308, third: 1 / 3 };

// What every page and worker runs; returns plain data for the assertions.
const EXERCISE = `
import { applyMetadataPatch, buildMetadataPatch, mapSignupFields, MetalockError } from './metalock.js';
const DOUBLES = ${JSON.stringify(DOUBLES)};
export async function exercise() {
  // The doubles go through the page glue's own digits code (sdk/src/double_digits.hpp) and
  // back: this glue is trimmed and minified apart from the one Node's tests run.
  const patch = await buildMetadataPatch({ theme: 'dark', gone: 1 }, { theme: 'light', ...DOUBLES });
  const user = await applyMetadataPatch({ user_id: 'auth0|1', user_metadata: { theme: 'dark', gone: 1 } }, patch);
  const signup = await mapSignupFields(
    [{ name: 'color', placeholder: 'Color', validator: (v) => ({ valid: v !== 'red', hint: 'not red' }) }],
    { color: '<i>blue</i>' },
    { client_id: 'c', connection: 'Username-Password-Authentication', email: 'a@example.com', password: 'p' });
  let refused;
  try {
    await applyMetadataPatch({ user_metadata: {} }, { user_metadata: { deep: JSON.parse('['.repeat(100) + ']'.repeat(100)) } });
  } catch (error) {
    refused = { isMetalockError: error instanceof MetalockError, code: error.code };
  }
  return { patch, user, signup, refused };
}`;

const EXPECTED = {
  patch: { user_metadata: { theme: 'light', gone: null, ...DOUBLES } },
  user: { user_id: 'auth0|1', user_metadata: { theme: 'light', ...DOUBLES } },
  signup: { client_id: 'c', connection: 'Username-Password-Authentication', email: 'a@example.com', password: 'p', user_metadata: { color: 'blue' } },
  refused: { isMetalockError: true, code: 'too_deep' },
};

const PAGES = {
  '/exercise.js': EXERCISE,
  '/index.html': `<!doctype html><meta charset="utf-8"><title>metalock load</title>
<script type="module">
  import { exercise } from './exercise.js';
  window.outcome = exercise().catch((error) => ({ failed: String(error && error.stack || error) }));
</script>`,
  // A browser without streaming compilation: the package leaves the loading to the glue,
  // which fetches the .wasm and instantiates its bytes itself.
  '/no-streaming.html': `<!doctype html><meta charset="utf-8"><title>metalock without streaming compilation</title>
<script>delete WebAssembly.compileStreaming; delete WebAssembly.instantiateStreaming;</script>
<script type="module">
  import { exercise } from './exercise.js';
  window.outcome = exercise().catch((error) => ({ failed: String(error && error.stack || error) }));
</script>`,
  '/worker.js': `import { exercise } from './exercise.js';
exercise().then((outcome) => postMessage(outcome), (error) => postMessage({ failed: String(error && error.stack || error) }));`,
  '/worker.html': `<!doctype html><meta charset="utf-8"><title>metalock in a worker</title>
<script type="module">
  const worker = new Worker('./worker.js', { type: 'module' });
  window.outcome = new Promise((resolve) => { worker.onmessage = (event) => resolve(event.data); worker.onerror = (event) => resolve({ failed: event.message }); });
</script>`,
  // No 'unsafe-eval': the module must run without eval or new Function.
  '/csp.html': `<!doctype html><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'">
<title>metalock under a strict CSP</title>
<script type="module" src="./csp-main.js"></script>`,
  '/csp-main.js': `import { exercise } from './exercise.js';
window.outcome = exercise().catch((error) => ({ failed: String(error && error.stack || error) }));`,
};

const chromium = distInChromium(PAGES);

async function outcomeOf(path) {
  const page = await chromium.browser.newPage();
  const wasmResponses = [];
  page.on('response', (response) => {
    if (response.url().endsWith('.wasm')) wasmResponses.push(response);
  });
  await page.goto(`${chromium.server.url}${path}`);
  await page.waitForFunction(() => window.outcome !== undefined);
  const outcome = await page.evaluate(() => window.outcome);
  await page.close();
  return { outcome, wasmResponses, errors: page.errors };
}

test('a page imports dist/metalock.js with no bundler and the helpers work', async () => {
  const { outcome, wasmResponses, errors } = await outcomeOf('/index.html');
  assert.deepEqual(outcome, EXPECTED);
  assert.equal(wasmResponses.length, 1, 'the wasm is fetched once');
  assert.equal(wasmResponses[0].url(), `${chromium.server.url}/metalock.wasm`, 'found next to metalock.js');
  assert.equal(wasmResponses[0].status(), 200);
  assert.deepEqual(errors, []);
});

test('without WebAssembly.compileStreaming the glue loads the .wasm itself, once, from next to metalock.js', async () => {
  const { outcome, wasmResponses, errors } = await outcomeOf('/no-streaming.html');
  assert.deepEqual(outcome, EXPECTED);
  assert.deepEqual(wasmResponses.map((response) => [response.url(), response.status()]), [[`${chromium.server.url}/metalock.wasm`, 200]]);
  assert.deepEqual(errors, []);
});

test('the package runs in a module worker', async () => {
  const { outcome, errors } = await outcomeOf('/worker.html');
  assert.deepEqual(outcome, EXPECTED);
  assert.deepEqual(errors, []);
});

test('the package runs on a page whose CSP forbids eval', async () => {
  const { outcome, errors } = await outcomeOf('/csp.html');
  assert.deepEqual(outcome, EXPECTED);
  assert.deepEqual(errors, []);
});
