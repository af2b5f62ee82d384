// The default .wasm is fetched and compiled ahead, as soon as the package has been evaluated
// (js/core/wasm-compile.js), in real Chromium: the first call uses that one fetch; a source
// the app chooses in its top-level code is the only one fetched; one chosen later (after an
// await) wins over the fetch ahead; a default location that 404s rejects nothing when the app
// never uses it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { distInChromium } from './support/dist-in-chromium.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const packageJs = readFileSync(`${dist}metalock.js`);

// Every page counts its unhandled rejections and ends with window.outcome.
const page = (body) => `<!doctype html><meta charset="utf-8"><title>metalock wasm ahead</title>
<script>
  window.rejections = [];
  addEventListener('unhandledrejection', (event) => window.rejections.push(String(event.reason)));
</script>
<script type="module">
  const run = async () => { ${body} };
  window.outcome = run().catch((error) => ({ failed: String(error && error.stack || error), code: error && error.code }));
</script>`;

const PATCH = { user_metadata: { a: 2 } };

const PAGES = {
  // No call at all until the test has seen the .wasm requested.
  '/ahead.html': page(`const m = await import('./metalock.js');
    await new Promise((resolve) => { window.go = resolve; });
    return { patch: await m.buildMetadataPatch({ a: 1 }, { a: 2 }) };`),
  // metalock.js served where no metalock.wasm is: the default location 404s.
  '/elsewhere/metalock.js': packageJs,
  // A static import: the app's module body runs in the same job as the package's.
  '/elsewhere/top-level.html': `<!doctype html><meta charset="utf-8"><title>metalock wasm ahead</title>
<script type="module">
  import { buildMetadataPatch, init } from './metalock.js';
  await init({ url: '/metalock.wasm' });
  window.outcome = { patch: await buildMetadataPatch({ a: 1 }, { a: 2 }) };
  window.rejections = [];
</script>`,
  '/elsewhere/later.html': page(`const m = await import('./metalock.js');
    const bytes = new Uint8Array(await (await fetch('/metalock.wasm')).arrayBuffer());
    await new Promise((resolve) => setTimeout(resolve, 200));
    await m.init({ binary: bytes });
    return { patch: await m.buildMetadataPatch({ a: 1 }, { a: 2 }) };`),
  '/elsewhere/unused.html': page(`const m = await import('./metalock.js');
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { isErrorClass: typeof m.MetalockError === 'function' };`),
};

const chromium = distInChromium(PAGES);

// -> { outcome, rejections, wasm: [[path, status]], requested: [path], errors } of one fresh page. `beforeOutcome`
// runs once the page is open (it may wait for requests).
async function visit(path, beforeOutcome = async () => {}) {
  const tab = await chromium.browser.newPage();
  const wasm = [];
  const requested = [];
  tab.on('request', (request) => {
    if (request.url().endsWith('.wasm')) requested.push(new URL(request.url()).pathname);
  });
  tab.on('response', (response) => {
    if (response.url().endsWith('.wasm')) wasm.push([new URL(response.url()).pathname, response.status()]);
  });
  try {
    await tab.goto(`${chromium.server.url}${path}`);
    await beforeOutcome(tab);
    await tab.waitForFunction(() => window.outcome !== undefined);
    return {
      outcome: await tab.evaluate(() => window.outcome),
      rejections: await tab.evaluate(() => window.rejections),
      wasm,
      requested,
      // Chromium logs a failed request to the console; that line is not a script error.
      errors: tab.errors.map(String).filter((text) => !/Failed to load resource/.test(text)),
    };
  } finally {
    await tab.close();
  }
}

test('the default .wasm is requested before any call, and the first call uses that one fetch', async () => {
  const seen = await visit('/ahead.html', async (tab) => {
    await tab.waitForResponse((response) => response.url().endsWith('/metalock.wasm'), { timeout: 5000 });
    await tab.evaluate(() => window.go());
  });
  assert.deepEqual(seen.outcome, { patch: PATCH });
  assert.deepEqual(seen.wasm, [['/metalock.wasm', 200]], 'fetched once, from next to metalock.js');
  assert.deepEqual(seen.rejections, []);
  assert.deepEqual(seen.errors, []);
});

test('a source chosen in the top-level code is the only one fetched', async () => {
  const seen = await visit('/elsewhere/top-level.html');
  assert.deepEqual(seen.outcome, { patch: PATCH });
  assert.deepEqual(seen.requested, ['/metalock.wasm'], 'never /elsewhere/metalock.wasm');
  assert.deepEqual(seen.wasm, [['/metalock.wasm', 200]]);
  assert.deepEqual(seen.rejections, []);
  assert.deepEqual(seen.errors, []);
});

test('a source chosen after an await wins over the fetch ahead, whose 404 rejects nothing', async () => {
  const seen = await visit('/elsewhere/later.html');
  assert.deepEqual(seen.outcome, { patch: PATCH });
  assert.deepEqual(seen.wasm.sort(), [['/elsewhere/metalock.wasm', 404], ['/metalock.wasm', 200]]);
  assert.deepEqual(seen.rejections, []);
  assert.deepEqual(seen.errors, []);
});

test('a page that never uses the core, with no .wasm served: the fetch ahead rejects nothing', async () => {
  const seen = await visit('/elsewhere/unused.html');
  assert.deepEqual(seen.outcome, { isErrorClass: true });
  assert.deepEqual(seen.wasm, [['/elsewhere/metalock.wasm', 404]]);
  assert.deepEqual(seen.rejections, []);
  assert.deepEqual(seen.errors, []);
});
