// The house rules of docs/architecture.md, checked over every import in js/ and tenant/:
// each room imports only from the rooms below it (or from itself).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));

// room (a path prefix; the longest that matches a file is its room) -> what it may import,
// besides its own room. `#core-glue` is the Emscripten glue (package.json "imports"),
// `#core-tenant-glue` the tenant module's.
const BASE = ['js/error-codes.js', 'js/errors.js'];
const RULES = {
  'js/error-codes.js': [],
  'js/errors.js': ['js/error-codes.js'],
  'js/core/': [...BASE, '#core-glue'],
  'js/transport/': BASE,
  'js/storage/': BASE,
  'js/signup/': BASE,
  // The client gets its core handed in; only create-client.js goes to the loader.
  // json-safe.js is a plain value check the facade and the argument checks share.
  'js/client/': [...BASE, 'js/core/json-safe.js', 'js/transport/', 'js/storage/', 'js/signup/'],
  'js/client/create-client.js': [...BASE, 'js/client/', 'js/core/load.js', 'js/transport/', 'js/storage/'],
  'js/helpers.js': [...BASE, 'js/core/load.js', 'js/signup/'],
  // init({ url | binary }): where the wasm comes from, then the load itself.
  'js/init.js': [...BASE, 'js/core/load.js'],
  'js/index.js': ['js/errors.js', 'js/init.js', 'js/helpers.js', 'js/client/create-client.js', 'js/widget/'],
  // The widget builds on what any page could use: the public client entry and the field
  // runtime, plus the core through the loader (parseSignupFields, as the tenant uses it), and
  // the client's argument checks (Lock's constructor checks its own the same way).
  'js/widget/': [...BASE, 'js/index.js', 'js/client/create-client.js', 'js/client/arguments.js', 'js/signup/', 'js/core/load.js'],
  // Node only; it uses the core through the loader, like any other program, but its own
  // module: the tenant glue (wasm/CMakeLists.txt), which holds the bindings only it calls,
  // and the facade's table of those bindings (js/core/tenant-bindings.js, kept off pages).
  'tenant/': ['node:', 'js/core/load.js', 'js/core/tenant-bindings.js', '#core-tenant-glue', ...BASE],
};

function filesUnder(dir) {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return filesUnder(path);
    return /\.(m?js)$/.test(entry.name) ? [path] : [];
  });
}

const roomOf = (path) => Object.keys(RULES).filter((room) => path.startsWith(room))
  .sort((a, b) => b.length - a.length)[0];

// Every module specifier a file imports (static, re-export or dynamic), comments stripped,
// relative ones resolved to repository paths.
function importsOf(file) {
  const code = readFileSync(join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const specifiers = [...code.matchAll(/(?:^|[\s;])(?:import|export)\s*(?:[^'"();]*?\sfrom\s*)?\(?\s*['"]([^'"]+)['"]/g)]
    .map(([, specifier]) => specifier);
  return specifiers.map((specifier) => (specifier.startsWith('.')
    ? relative(root, join(root, dirname(file), specifier)).split('\\').join('/')
    : specifier));
}

function allowed(file, target) {
  const room = roomOf(file);
  if (room.endsWith('/') && target.startsWith(room)) return true;
  return RULES[room].some((prefix) => target === prefix || (/[/:]$/.test(prefix) && target.startsWith(prefix)));
}

test('every file of js/ and tenant/ has a room', () => {
  const homeless = [...filesUnder('js'), ...filesUnder('tenant')].filter((file) => !roomOf(file));
  assert.deepEqual(homeless, []);
});

test('each room imports only from the rooms below it', () => {
  const broken = [];
  for (const file of [...filesUnder('js'), ...filesUnder('tenant')]) {
    for (const target of importsOf(file)) {
      if (!allowed(file, target)) broken.push(`${file} -> ${target}`);
    }
  }
  assert.deepEqual(broken, []);
});

test('the rules bite: the imports the house forbids are refused', () => {
  assert.ok(importsOf('js/client/client.js').includes('js/signup/field-specs.js'));
  assert.ok(importsOf('tenant/core.js').includes('js/core/load.js'));
  assert.ok(importsOf('tenant/core.js').includes('#core-tenant-glue'));
  assert.ok(importsOf('tenant/core.js').includes('js/core/tenant-bindings.js'));
  assert.ok(importsOf('tenant/cli.js').includes('node:util'));
  assert.equal(allowed('js/storage/resolve-storage.js', 'js/client/arguments.js'), false);
  assert.equal(allowed('js/client/client.js', 'js/helpers.js'), false);
  assert.equal(allowed('js/client/client.js', 'js/core/load.js'), false);
  assert.equal(allowed('js/core/facade.js', 'js/transport/header-object.js'), false);
  assert.equal(allowed('js/index.js', 'tenant/server.js'), false);
  assert.equal(allowed('js/widget/widget.js', 'js/client/client.js'), false);
  assert.equal(allowed('js/widget/widget.js', 'js/helpers.js'), false);
  assert.equal(allowed('js/widget/widget.js', 'js/signup/field-specs.js'), true);
  assert.equal(allowed('tenant/server.js', 'js/client/client.js'), false);
  assert.equal(allowed('js/client/create-client.js', '#core-tenant-glue'), false);
});
