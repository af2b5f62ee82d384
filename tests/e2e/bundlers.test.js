// README's "Bundlers" recipes, run: an app page importing 'metalock' is bundled with esbuild
// and with Vite (their JS APIs, as a user's build script would call them), served from
// 127.0.0.1 and run in Chromium against the local tenant: sign up, log in, read the profile
// (metadata claims detected, no option), update metadata, use a pure helper. Plus what a user
// meets without the recipe: esbuild's bundle cannot find the .wasm, and the error says where
// it looked and what to do.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { launchChromium } from './support/chromium.mjs';
import { startStaticServer } from './support/static-server.mjs';
import { startTenant } from '../js/support/tenant.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'metalock-bundlers-'));

// The app's own code: the same in every bundle; only how the .wasm is found differs.
const APP = (prelude) => `import { createClient, buildMetadataPatch, MetalockError } from 'metalock';
${prelude}
async function run() {
  const tenant = new URLSearchParams(location.search).get('tenant');
  const email = 'bundled-' + Date.now() + '-' + Math.random().toString(36).slice(2) + '@example.com';
  const password = 'Correct-Horse-7';
  const connection = 'Username-Password-Authentication';
  const client = await createClient({ domain: tenant, clientId: 'metalock-demo' });
  await client.signup({ connection, email, password,
    additionalSignUpFields: [{ name: 'color', placeholder: 'Color' }], values: { color: 'blue' } });
  await client.login({ username: email, password, realm: connection, audience: tenant + '/api/v2/',
    scope: 'openid profile email read:current_user update:current_user_metadata' });
  const profile = await client.getUserInfo();
  const updated = await client.updateUserMetadata({ color: 'green' });
  return { email: profile.email === email, signedUp: profile.user_metadata, updated: updated.user_metadata,
    patch: await buildMetadataPatch({ a: 1 }, {}) };
}
window.outcome = run().catch((error) => ({ failed: String(error && error.stack || error),
  code: error && error.code, description: error && error.description, isMetalockError: error instanceof MetalockError }));
`;

const EXPECTED = { email: true, signedUp: { color: 'blue' }, updated: { color: 'green' }, patch: { user_metadata: { a: null } } };
const HTML = '<!doctype html><meta charset="utf-8"><title>bundled metalock</title>\n';

let tenant;
let browser;

// An app folder whose node_modules/metalock is this built package.
function appFolder(name, files) {
  const dir = join(work, name);
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(root, join(dir, 'node_modules', 'metalock'), 'dir');
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

async function runPage(dir, page = 'index.html') {
  const server = await startStaticServer({ root: dir });
  try {
    const tab = await browser.newPage();
    await tab.goto(`${server.url}/${page}?tenant=${encodeURIComponent(tenant.url)}`);
    await tab.waitForFunction(() => window.outcome !== undefined, null, { timeout: 30_000 });
    const outcome = await tab.evaluate(() => window.outcome);
    return { outcome, errors: tab.errors, origin: server.url };
  } finally {
    await server.close();
  }
}

function esbuildApp(dir, options = {}) {
  return esbuild({
    absWorkingDir: dir,
    entryPoints: [join(dir, 'main.js')],
    outdir: join(dir, 'out'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'silent',
    ...options,
  });
}

before(async () => {
  tenant = await startTenant();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await tenant?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('esbuild: the .wasm through the file loader and init({ url })', async () => {
  const dir = appFolder('esbuild', {
    'main.js': APP(`import { init } from 'metalock';
import wasmUrl from 'metalock/metalock.wasm';
await init({ url: wasmUrl });`),
  });
  await esbuildApp(dir, { loader: { '.wasm': 'file' }, assetNames: 'assets/[name]-[hash]' });
  writeFileSync(join(dir, 'out', 'index.html'), `${HTML}<script type="module" src="./main.js"></script>`);
  assert.ok(readdirSync(join(dir, 'out', 'assets')).some((file) => /^metalock-.*\.wasm$/.test(file)));
  const { outcome, errors } = await runPage(join(dir, 'out'));
  assert.deepEqual(outcome, EXPECTED);
  assert.deepEqual(errors, []);
});

test('esbuild without the recipe: wasm_load_failed names the URL it tried and the fix', async () => {
  const dir = appFolder('esbuild-plain', { 'main.js': APP('') });
  await esbuildApp(dir);
  writeFileSync(join(dir, 'out', 'index.html'), `${HTML}<script type="module" src="./main.js"></script>`);
  const { outcome, origin } = await runPage(join(dir, 'out'));
  assert.equal(outcome.code, 'wasm_load_failed');
  assert.equal(outcome.isMetalockError, true);
  assert.ok(outcome.description.includes(`${origin}/metalock.wasm`), outcome.description);
  assert.match(outcome.description, /Fix: serve .*metalock\.wasm.*init\(\{ url \}\)/);
});

test('Vite: builds and runs as it is (Vite emits the .wasm it finds through import.meta.url)', async () => {
  const dir = appFolder('vite', {
    'main.js': APP(''),
    'index.html': `${HTML}<script type="module" src="./main.js"></script>`,
  });
  await viteBuild({
    root: dir,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: join(dir, 'dist'), target: 'es2022', emptyOutDir: true },
  });
  const assets = readdirSync(join(dir, 'dist', 'assets'));
  assert.ok(assets.some((file) => file.endsWith('.wasm')), `no .wasm among ${assets.join(', ')}`);
  const { outcome, errors } = await runPage(join(dir, 'dist'));
  assert.deepEqual(outcome, EXPECTED);
  assert.deepEqual(errors, []);
});
