// The package as a user gets it: `npm pack`, the tarball installed into a fresh folder, then
// used from Node (a script of that folder importing 'metalock') and from a browser page with
// no bundler (the installed dist/ served from 127.0.0.1), each against the installed local
// tenant (the package's `metalock-tenant` bin): sign up, log in, read and update metadata.
// Also README's promises about that installed package: its quick start, copied out of
// README.md as it is, runs against the demo tenant; the tenant started through npx stops when
// npx is stopped; the shipped README and docs link only to files that ship.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { launchChromium } from '../e2e/support/chromium.mjs';
import { startStaticServer } from '../e2e/support/static-server.mjs';
import { startTenant } from './support/tenant.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'metalock-pack-'));
const app = join(work, 'app');
const installed = join(app, 'node_modules', 'metalock');

function npm(args, cwd) {
  const result = spawnSync('npm', args, { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, `npm ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

// What a user's program does with the package, in Node and on a page alike (it only needs
// `metalock`'s exports and the tenant URL). Returns plain data for the assertions.
const USE = `
export async function use(metalock, tenant, email) {
  const { createClient, buildMetadataPatch, applyMetadataPatch, mapSignupFields, MetalockError } = metalock;
  const helpers = {
    patch: await buildMetadataPatch({ a: 1 }, { a: 2 }),
    merged: await applyMetadataPatch({ user_metadata: { a: 1 } }, { user_metadata: { a: null, b: 2 } }),
    signupBody: await mapSignupFields([{ name: 'color', placeholder: 'Color' }], { color: 'blue' },
      { client_id: 'c', connection: 'x', email: 'e@example.com', password: 'p' }),
  };
  const client = await createClient({ domain: tenant, clientId: 'metalock-demo',
    userMetadataClaim: 'https://metalock.dev/user_metadata', appMetadataClaim: 'https://metalock.dev/app_metadata' });
  const connection = 'Username-Password-Authentication';
  const password = 'Correct-Horse-7';
  await client.signup({ connection, email, password,
    additionalSignUpFields: [{ name: 'color', placeholder: 'Color' }], values: { color: 'blue' } });
  const auth = await client.login({ username: email, password, realm: connection, audience: tenant + '/api/v2/',
    scope: 'openid profile email read:current_user update:current_user_metadata' });
  const profile = await client.getUserInfo();
  const updated = await client.updateUserMetadata({ color: 'green', size: 'L' });
  const reread = await client.getUser();
  let refused;
  try {
    await client.updateUserMetadata({ 'bad.name': 1 });
  } catch (error) {
    refused = { isMetalockError: error instanceof MetalockError, code: error.code };
  }
  client.logout();
  return { helpers, email: profile.email, sub: auth.idTokenPayload.sub, signedUpMetadata: profile.user_metadata,
    updatedMetadata: updated.user_metadata, rereadMetadata: reread.user_metadata, refused };
}`;

function expectUsed(outcome, email) {
  assert.deepEqual(outcome.helpers, {
    patch: { user_metadata: { a: 2 } },
    merged: { user_metadata: { b: 2 } },
    signupBody: { client_id: 'c', connection: 'x', email: 'e@example.com', password: 'p', user_metadata: { color: 'blue' } },
  });
  assert.equal(outcome.email, email);
  assert.match(outcome.sub, /^auth0\|/);
  assert.deepEqual(outcome.signedUpMetadata, { color: 'blue' });
  assert.deepEqual(outcome.updatedMetadata, { color: 'green', size: 'L' });
  assert.deepEqual(outcome.rereadMetadata, { color: 'green', size: 'L' });
  assert.deepEqual(outcome.refused, { isMetalockError: true, code: 'invalid_field_name' });
}

let tarball;
let packedFiles;
let tenant;

before(async () => {
  const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', work], root));
  tarball = join(work, packed.filename);
  packedFiles = packed.files.map((file) => file.path);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-check', private: true, type: 'module' }));
  npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', tarball], app);
  writeFileSync(join(app, 'use.mjs'), USE);
  tenant = await startTenant({ bin: join(app, 'node_modules', '.bin', 'metalock-tenant'), dataDir: join(work, 'data') });
});

after(async () => {
  await tenant?.stop();
  rmSync(work, { recursive: true, force: true });
});

test('the tarball ships dist/ complete, the docs and the license, and nothing of the source tree', () => {
  for (const file of ['dist/metalock.js', 'dist/metalock.node.js', 'dist/widget.js', 'dist/widget.node.js', 'dist/metalock.wasm', 'dist/metalock.d.ts', 'dist/tenant.js',
    'dist/metalock-tenant.wasm', 'dist/tenant.d.ts', 'dist/tenant-cli.js', 'package.json', 'README.md', 'LICENSE', 'docs/semantics.md', 'docs/errors.md', 'docs/tenant.md']) {
    assert.ok(packedFiles.includes(file), `${file} is missing from the tarball`);
  }
  for (const file of packedFiles) {
    assert.ok(file === 'package.json' || file.startsWith('dist/') || file.startsWith('docs/') || /^(README|LICENSE)/i.test(file),
      `${file} should not ship`);
  }
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(pkg.license, 'MIT');
  assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /^MIT License/);
});

test('the shipped README and docs link only to files that ship', () => {
  for (const doc of packedFiles.filter((file) => file.endsWith('.md'))) {
    const text = readFileSync(join(installed, doc), 'utf8');
    for (const [, target] of text.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)) {
      if (/^[a-z]+:/i.test(target)) continue;
      const file = join(dirname(doc), target);
      assert.ok(packedFiles.includes(file), `${doc} links to ${target}, which does not ship`);
    }
  }
});

test('nothing shipped cites the project\'s internal notes (design.md, shared/): docs/ is where they live', () => {
  for (const file of packedFiles.filter((name) => /\.(md|d\.ts|js)$/.test(name))) {
    assert.doesNotMatch(readFileSync(join(installed, file), 'utf8'), /design\.md|shared\/(design|vectors)/, file);
  }
});

// README's quick start block, as a user copies it (the tenant URL is the only thing changed).
function readmeQuickStart() {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((part) => part.startsWith('Quick start'));
  assert.ok(section, 'README has a "Quick start" section');
  const [, code] = /```js\n([\s\S]*?)```/.exec(section);
  return code;
}

test('README\'s quick start runs as it is against the demo tenant and prints what it says', async () => {
  const code = readmeQuickStart();
  assert.equal(code.split("'http://127.0.0.1:3000'").length, 2, 'the snippet names npm start\'s tenant URL once');
  const demo = await startTenant({ bin: join(app, 'node_modules', '.bin', 'metalock-tenant'), dataDir: join(work, 'demo-data'),
    extraArgs: ['--config', join(root, 'demo/tenant.config.json')] });
  try {
    writeFileSync(join(app, 'quickstart.mjs'), code.replace("'http://127.0.0.1:3000'", JSON.stringify(demo.url)));
    const expected = [...code.matchAll(/^\/\/ -> (.*)$/gm)].map((match) => match[1]);
    assert.ok(expected.length >= 2, 'the snippet shows its output');
    for (let run = 0; run < 2; run += 1) {   // it puts the metadata back: a second run prints the same
      const result = spawnSync(process.execPath, ['quickstart.mjs'], { cwd: app, encoding: 'utf8' });
      assert.equal(result.status, 0, result.stderr);
      assert.deepEqual(result.stdout.trim().split('\n'), expected);
    }
  } finally {
    await demo.stop();
  }
});

test('metalock/tenant from the tarball: createTenant starts and closes a tenant in-process', () => {
  writeFileSync(join(app, 'in-process.mjs'), `
import { createTenant } from 'metalock/tenant';
const tenant = await createTenant({ port: 0, dataDir: process.argv[2] });
const discovery = await (await fetch(tenant.url + '/.well-known/openid-configuration')).json();
await tenant.close();
console.log(JSON.stringify({ issuer: discovery.issuer, expected: tenant.issuer }));`);
  const result = spawnSync(process.execPath, ['in-process.mjs', join(work, 'in-process-data')], { cwd: app, encoding: 'utf8', timeout: 20_000 });
  assert.equal(result.status, 0, result.stderr);
  const { issuer, expected } = JSON.parse(result.stdout);
  assert.equal(issuer, expected);
});

// Starts a command whose tenant prints its URL first; -> {child, url}.
async function startThrough(command, args) {
  const child = spawn(command, args, { cwd: app, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).once('line', (line) => resolve(line.replace(/^listening on /, '')));
    child.once('exit', (code) => reject(new Error(`${command} exited (${code}) before listening`)));
  });
  return { child, url };
}

// The tenant's own pid, from the lock file of its data folder (tenant/data-lock.js).
function tenantPid(dataDir) {
  return Number.parseInt(readFileSync(join(dataDir, 'tenant.lock'), 'utf8'), 10);
}

function isRunning(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

async function exits(pid, withinMs = 10_000) {
  const until = Date.now() + withinMs;
  while (Date.now() < until) {
    if (!isRunning(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

test('npx metalock-tenant killed with SIGTERM does not leave the tenant running', async () => {
  const dataDir = join(work, 'npx-data');
  const { child } = await startThrough('npx', ['--no-install', 'metalock-tenant', '--port', '0', '--data', dataDir]);
  const pid = tenantPid(dataDir);
  assert.notEqual(pid, child.pid, 'npx runs the tenant as a process of its own');
  child.kill('SIGTERM');
  assert.ok(await exits(pid), `the tenant behind npx (pid ${pid}) is still running`);
  // It stopped cleanly: the data folder is free for the next tenant.
  const again = await startTenant({ bin: join(app, 'node_modules', '.bin', 'metalock-tenant'), dataDir });
  await again.stop();
});

test('the installed bin stops when the process that started it dies of SIGKILL', async () => {
  const bin = join(app, 'node_modules', '.bin', 'metalock-tenant');
  const dataDir = join(work, 'orphan-data');
  // `; true` keeps sh in between (no exec), as a wrapper script would.
  const { child } = await startThrough('sh', ['-c', `"${bin}" --port 0 --data "${dataDir}"; true`]);
  const pid = tenantPid(dataDir);
  child.kill('SIGKILL');
  assert.ok(await exits(pid), `the orphaned tenant (pid ${pid}) is still running`);
});

test('from Node: the installed package signs up, logs in, reads and updates metadata', async () => {
  const email = `pack-node-${process.pid}-${Date.now()}@example.com`;
  writeFileSync(join(app, 'run.mjs'), `
import * as metalock from 'metalock';
import { createRequire } from 'node:module';
import { use } from './use.mjs';
const require = createRequire(import.meta.url);
const outcome = await use(metalock, process.argv[2], process.argv[3]);
outcome.wasmExport = require.resolve('metalock/metalock.wasm');
console.log(JSON.stringify(outcome));`);
  const result = spawnSync(process.execPath, ['run.mjs', tenant.url, email], { cwd: app, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const outcome = JSON.parse(result.stdout);
  expectUsed(outcome, email);
  assert.equal(outcome.wasmExport, join(installed, 'dist', 'metalock.wasm'));
});

test('from a browser page with no bundler: the installed dist/ served as it is', async () => {
  const email = `pack-browser-${process.pid}-${Date.now()}@example.com`;
  const server = await startStaticServer({
    root: installed,
    pages: {
      '/use.mjs': USE,
      '/index.html': `<!doctype html><meta charset="utf-8"><title>metalock from npm pack</title>
<script type="module">
  import * as metalock from '/dist/metalock.js';
  import { use } from '/use.mjs';
  window.outcome = use(metalock, ${JSON.stringify(tenant.url)}, ${JSON.stringify(email)})
    .catch((error) => ({ failed: String(error && error.stack || error), code: error && error.code }));
</script>`,
    },
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/index.html`);
    await page.waitForFunction(() => window.outcome !== undefined, null, { timeout: 30_000 });
    const outcome = await page.evaluate(() => window.outcome);
    assert.equal(outcome.failed, undefined, outcome.failed);
    expectUsed(outcome, email);
    assert.deepEqual(page.errors, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
