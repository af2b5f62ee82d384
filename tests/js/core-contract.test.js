// The one declared JS <-> wasm contract (wasm/contract.json) against the three places that
// must keep to it: each built module (what its bindings register, and how many wasm arguments
// each takes), the facade over each (js/core/facade.js, one method per binding the module
// holds), and its type description (js/core/core.d.ts, same names, same results). The browser
// module (what pages fetch) holds the bindings js/ calls; the tenant module those and the
// tenant's own. tsc checks the facade against core.d.ts (the last test).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import createMetalockCore from '#core-glue';
import createMetalockTenantCore from '#core-tenant-glue';
import { loadCore } from '../../js/core/load.js';
import { loadTenantCore } from '../../tenant/core.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { bindings, modules } = JSON.parse(readFileSync(`${root}wasm/contract.json`, 'utf8'));
const names = bindings.map((binding) => binding.name).sort();
const WASM_ARGS = { text: 2, json: 2, int: 1 };   // text and json cross as (address, size)

// Each module: its glue, its facade, and the bindings the manifest puts in it.
const MODULES = {
  browser: { glue: createMetalockCore, facade: loadCore },
  tenant: { glue: createMetalockTenantCore, facade: loadTenantCore },
};
const namesIn = (module) => bindings.filter((binding) => binding.modules.includes(module)).map(({ name }) => name).sort();

test('the manifest names each binding once, with known argument kinds, its modules and its C++ file', () => {
  assert.equal(new Set(names).size, names.length, 'a name is listed twice');
  assert.deepEqual(Object.keys(modules).sort(), Object.keys(MODULES).sort());
  for (const { name, file, modules: holders, args, result } of bindings) {
    assert.match(name, /^[a-z][A-Za-z]+$/, name);
    assert.equal(typeof result, 'string', `${name}: result`);
    for (const [argName, kind] of args) assert.ok(kind in WASM_ARGS, `${name}(${argName}): kind ${kind}`);
    // The tenant module holds everything the browser's does (one superset, one facade).
    assert.ok(holders.includes('tenant') && holders.every((module) => module in modules), `${name}: modules ${holders}`);
    const source = readFileSync(`${root}wasm/${file}`, 'utf8');
    assert.ok(source.includes(`emscripten::function("${name}"`), `${name} is registered in wasm/${file}`);
  }
});

// The C++ files of each module (wasm/CMakeLists.txt): a binding's file must be linked into
// exactly the modules the manifest names, and a browser file must hold no tenant-only binding.
test('wasm/CMakeLists.txt links each binding file into the modules the manifest names', () => {
  const cmake = readFileSync(`${root}wasm/CMakeLists.txt`, 'utf8');
  const filesOf = (target) => new RegExp(`metalock_add_wasm_bindings\\(${target}\\s([^)]*)\\)`).exec(cmake)[1]
    .replace(/#.*$/gm, '').split(/\s+/).filter(Boolean);
  const browserFiles = filesOf('metalock_browser_bindings');
  const tenantFiles = filesOf('metalock_tenant_bindings');
  for (const { name, file, modules: holders } of bindings) {
    if (holders.includes('browser')) assert.ok(browserFiles.includes(file), `${name}: ${file} is a browser binding file`);
    else assert.ok(tenantFiles.includes(file), `${name}: ${file} is a tenant-only binding file`);
  }
});

// What the Emscripten glue itself puts on the module; every other function is a binding.
const GLUE = new Set(['run', 'inspect', 'BindingError', 'InternalError', 'UnboundTypeError']);

for (const [module, { glue, facade }] of Object.entries(MODULES)) {
  test(`the built ${module} module registers exactly its manifest bindings, each with its wasm arity`, async () => {
    const instance = await glue();
    const registered = Object.keys(instance)
      .filter((key) => typeof instance[key] === 'function' && !key.startsWith('_') && !GLUE.has(key))
      .sort();
    assert.deepEqual(registered, namesIn(module));
    // Embind checks the argument count of every call (closure renames the property that holds
    // it, so ask the way a caller would find out).
    for (const { name, args } of bindings.filter((binding) => binding.modules.includes(module))) {
      const arity = args.reduce((sum, [, kind]) => sum + WASM_ARGS[kind], 0);
      assert.throws(() => instance[name](), (error) => error instanceof instance.BindingError
        && error.message === `function ${name} called with 0 arguments, expected ${arity} args!`, name);
    }
  });

  test(`the ${module} facade has one method per binding of its module, each reaching it with the right arity`, async () => {
    const core = await facade();
    assert.deepEqual(Object.keys(core).sort(), namesIn(module));
    // Called with nothing, every method must get an answer from the core (an error envelope is
    // fine); a wrong argument count would be Embind's BindingError, i.e. internal_error.
    for (const name of namesIn(module)) {
      try {
        core[name]();
      } catch (error) {
        assert.equal(error.name, 'MetalockError', `${name}: ${error.stack}`);
        assert.notEqual(error.code, 'internal_error', `${name}: ${error.description}`);
      }
    }
  });
}

// The raw `merge` binding, below the facade: both texts placed in the heap as the facade places
// them, the returned address and the text of the length-prefixed block it points at.
async function rawMerge(userText, patchText) {
  const module = await createMetalockCore();
  const place = (text) => {
    const bytes = new TextEncoder().encode(text);
    const at = module._malloc(bytes.length);
    module.HEAPU8.set(bytes, at);
    return [at, bytes.length];
  };
  const at = module.merge(...place(userText), ...place(patchText));
  const size = new DataView(module.HEAPU8.buffer).getUint32(at, true);
  const text = new TextDecoder().decode(module.HEAPU8.subarray(at + 4, at + 4 + size));
  module._free(at);
  return { at, text };
}

test('a binding returns its envelope as the address of a length-prefixed UTF-8 block', async () => {
  const { at, text } = await rawMerge('{"user_metadata":{}}', '{"user_metadata":{"city":"東京 😀"}}');
  assert.equal(typeof at, 'number');
  assert.deepEqual(JSON.parse(text), { value: { user_metadata: { city: '東京 😀' } } });
});

// The facade places all-ASCII text straight into wasm memory and other text after encoding it
// (js/core/facade.js, place): both reach the core byte for byte, whether the non-ASCII part
// comes first, late (after the ASCII fast path has begun) or as a surrogate pair.
test('text arguments cross byte for byte, ASCII or not', async () => {
  const core = await loadCore();
  const metadata = { plain: 'ascii only', late: `${'a'.repeat(64)}é`, first: 'ü then ascii', astral: '😀', cjk: '東京' };
  for (const [key, value] of Object.entries(metadata)) {
    const merged = core.merge({ user_metadata: {} }, { user_metadata: { [key]: value } });
    assert.deepEqual(merged, { user_metadata: { [key]: value } });
  }
});

// The core writes JSON text itself (sdk/src/json_writer.cpp): a control character's escape
// as nlohmann writes it (lower-case hex, four digits), DEL as it is.
test('control characters leave the core escaped as nlohmann writes them', async () => {
  const { text } = await rawMerge('{"user_metadata":{}}', '{"user_metadata":{"c":"\\u0000\\u0001\\u001f\\u007f"}}');
  assert.equal(text, '{"value":{"user_metadata":{"c":"\\u0000\\u0001\\u001f\u007f"}}}');
});

test('core.d.ts types each module\'s methods with the results the manifest declares', () => {
  const file = `${root}js/core/core.d.ts`;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const methodsOf = (interfaceName) => {
    const declared = source.statements.find((node) => ts.isInterfaceDeclaration(node) && node.name.text === interfaceName);
    assert.ok(declared, `core.d.ts declares interface ${interfaceName}`);
    return Object.fromEntries(declared.members.filter(ts.isMethodSignature)
      .map((member) => [member.name.getText(source), member.type.getText(source).replace(/\s+/g, ' ')]));
  };
  // MetalockTenantCore extends MetalockCore with the tenant-only bindings.
  const browser = methodsOf(modules.browser.interface);
  const tenantOnly = methodsOf(modules.tenant.interface);
  assert.deepEqual(Object.keys(browser).sort(), namesIn('browser'));
  assert.deepEqual(Object.keys(tenantOnly).sort(), names.filter((name) => !namesIn('browser').includes(name)));
  const results = { ...browser, ...tenantOnly };
  for (const { name, result } of bindings) assert.equal(results[name], result, `${name}'s result`);
});

test('tsc --noEmit checks js/core/facade.js against core.d.ts', () => {
  const tsc = `${root}node_modules/typescript/bin/tsc`;
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'tests/types/core.tsconfig.json'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc failed:\n${run.stdout}${run.stderr}`);
});
