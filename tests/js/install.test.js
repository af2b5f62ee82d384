// README's "Install" promises besides the tarball (pack.test.js): `npm install <folder>` of a
// built clone works as it is (of an unbuilt one without its devDependencies, it stops and says
// what to run); `npm install git+file://<this repository>#<HEAD>` builds dist/
// through `prepare` on a machine with the toolchain, and stops at once, naming the missing
// Debian packages, on one without it. Each installs into an empty temp folder and imports
// 'metalock' there. The git case installs the committed HEAD (what a git URL gets).
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, test } from 'node:test';

const root = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'metalock-install-'));
const run = promisify(execFile);
after(() => rmSync(work, { recursive: true, force: true }));

const head = spawnSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).stdout.trim();
const gitUrl = `git+file://${root.replace(/\/$/, '')}#${head}`;

function emptyApp(name) {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `install-${name}`, private: true, type: 'module' }));
  return dir;
}

// npm install in `cwd` -> {code, output}; never throws.
async function npmInstall(cwd, spec, env = process.env) {
  try {
    const { stdout, stderr } = await run('npm', ['install', '--no-audit', '--no-fund', spec],
      { cwd, env, encoding: 'utf8', timeout: 9 * 60_000, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    return { code: error.code ?? 1, output: `${error.stdout ?? ''}${error.stderr ?? ''}` };
  }
}

// What the app does with the installed package: a helper over the wasm core.
function useInstalled(cwd) {
  writeFileSync(join(cwd, 'use.mjs'), `import { buildMetadataPatch } from 'metalock';
console.log(JSON.stringify(await buildMetadataPatch({ a: 1 }, { a: 2, b: 3 })));`);
  const result = spawnSync(process.execPath, ['use.mjs'], { cwd, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  assert.deepEqual(JSON.parse(result.stdout), { user_metadata: { a: 2, b: 3 } });
}

// A PATH with every command of this machine except the wasm toolchain (emcc, em++, emcmake,
// cmake, ninja): a machine where those Debian packages are not installed.
function pathWithoutToolchain() {
  const bin = join(work, 'bin-without-toolchain');
  mkdirSync(bin);
  for (const dir of ['/usr/local/bin', '/usr/bin', '/bin']) {
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (/^em/.test(name) || name === 'cmake' || name === 'ninja' || existsSync(join(bin, name))) continue;
      symlinkSync(join(dir, name), join(bin, name));
    }
  }
  return bin;
}

test('npm install <folder> of a built clone: imports at once', async () => {
  const app = emptyApp('folder');
  const { code, output } = await npmInstall(app, root);
  assert.equal(code, 0, output);
  useInstalled(app);
});

test('npm install <folder> of an unbuilt clone without its devDependencies stops at once, saying what to run', async () => {
  const clone = join(work, 'unbuilt-clone');
  const cloned = spawnSync('git', ['clone', '--quiet', root, clone], { encoding: 'utf8' });
  assert.equal(cloned.status, 0, cloned.stderr);
  const app = emptyApp('unbuilt-folder');
  const { code, output } = await npmInstall(app, clone);
  assert.notEqual(code, 0, 'the install must fail');
  assert.match(output, /has no devDependencies installed[\s\S]*run `npm ci` there/);
});

test('npm install <git URL> without the toolchain stops at once, naming what is missing', async () => {
  const app = emptyApp('git-no-toolchain');
  const started = Date.now();
  const { code, output } = await npmInstall(app, gitUrl, { ...process.env, PATH: pathWithoutToolchain() });
  assert.notEqual(code, 0, 'the install must fail');
  assert.match(output, /Debian packages that are missing here: emscripten cmake ninja-build/);
  assert.match(output, /npm pack/);
  assert.ok(Date.now() - started < 120_000, 'it fails before building anything');
  assert.equal(existsSync(join(app, 'node_modules', 'metalock', 'package.json')), false);
});

test('npm install <git URL> with the toolchain builds dist/ through prepare and imports', async () => {
  const app = emptyApp('git');
  const { code, output } = await npmInstall(app, gitUrl);
  assert.equal(code, 0, output);
  const dist = readdirSync(join(app, 'node_modules', 'metalock', 'dist'));
  for (const file of ['metalock.js', 'metalock.wasm', 'metalock.d.ts', 'tenant.js', 'metalock-tenant.wasm', 'tenant-cli.js']) {
    assert.ok(dist.includes(file), `${file} missing from the installed dist/: ${dist.join(', ')}`);
  }
  useInstalled(app);
});
