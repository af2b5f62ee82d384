// The one declared JS <-> wasm contract (wasm/contract.json) against the three places that
// must keep to it: the built module (what the bindings register, and how many wasm arguments
// each takes), the facade (js/core/facade.js, one method per binding), and its type
// description (js/core/core.d.ts, same names, same results). tsc checks the facade against
// core.d.ts (the last test).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import createMetalockCore from '#core-glue';
import { loadCore } from '../../js/core/load.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const { bindings } = JSON.parse(readFileSync(`${root}wasm/contract.json`, 'utf8'));
const names = bindings.map((binding) => binding.name).sort();
const WASM_ARGS = { text: 2, json: 2, int: 1 };   // text and json cross as (address, size)

test('the manifest names each binding once, with known argument kinds and its C++ file', () => {
  assert.equal(new Set(names).size, names.length, 'a name is listed twice');
  for (const { name, file, args, result } of bindings) {
    assert.match(name, /^[a-z][A-Za-z]+$/, name);
    assert.equal(typeof result, 'string', `${name}: result`);
    for (const [argName, kind] of args) assert.ok(kind in WASM_ARGS, `${name}(${argName}): kind ${kind}`);
    const source = readFileSync(`${root}wasm/${file}`, 'utf8');
    assert.ok(source.includes(`emscripten::function("${name}"`), `${name} is registered in wasm/${file}`);
  }
});

// What the Emscripten glue itself puts on the module; every other function is a binding.
const GLUE = new Set(['run', 'inspect', 'BindingError', 'InternalError', 'UnboundTypeError']);

test('the built module registers exactly the manifest bindings, each with its wasm arity', async () => {
  const module = await createMetalockCore();
  const registered = Object.keys(module)
    .filter((key) => typeof module[key] === 'function' && !key.startsWith('_') && !GLUE.has(key))
    .sort();
  assert.deepEqual(registered, names);
  // Embind checks the argument count of every call (closure renames the property that holds
  // it, so ask the way a caller would find out).
  for (const { name, args } of bindings) {
    const arity = args.reduce((sum, [, kind]) => sum + WASM_ARGS[kind], 0);
    assert.throws(() => module[name](), (error) => error instanceof module.BindingError
      && error.message === `function ${name} called with 0 arguments, expected ${arity} args!`, name);
  }
});

test('a binding returns its envelope as the address of a length-prefixed UTF-8 block', async () => {
  const module = await createMetalockCore();
  const place = (text) => {
    const bytes = new TextEncoder().encode(text);
    const at = module._malloc(bytes.length);
    module.HEAPU8.set(bytes, at);
    return [at, bytes.length];
  };
  const at = module.merge(...place('{"user_metadata":{}}'), ...place('{"user_metadata":{"city":"東京 😀"}}'));
  assert.equal(typeof at, 'number');
  const size = new DataView(module.HEAPU8.buffer).getUint32(at, true);
  const text = new TextDecoder().decode(module.HEAPU8.subarray(at + 4, at + 4 + size));
  module._free(at);
  assert.deepEqual(JSON.parse(text), { value: { user_metadata: { city: '東京 😀' } } });
});

test('the facade has one method per binding, and each reaches its binding with the right arity', async () => {
  const core = await loadCore();
  assert.deepEqual(Object.keys(core).sort(), names);
  // Called with nothing, every method must get an answer from the core (an error envelope is
  // fine); a wrong argument count would be Embind's BindingError, i.e. internal_error.
  for (const name of names) {
    try {
      core[name]();
    } catch (error) {
      assert.equal(error.name, 'MetalockError', `${name}: ${error.stack}`);
      assert.notEqual(error.code, 'internal_error', `${name}: ${error.description}`);
    }
  }
});

test('core.d.ts types the same methods with the results the manifest declares', () => {
  const file = `${root}js/core/core.d.ts`;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const declared = source.statements.find((node) => ts.isInterfaceDeclaration(node) && node.name.text === 'MetalockCore');
  assert.ok(declared, 'core.d.ts declares interface MetalockCore');
  const results = Object.fromEntries(declared.members.filter(ts.isMethodSignature)
    .map((member) => [member.name.getText(source), member.type.getText(source).replace(/\s+/g, ' ')]));
  assert.deepEqual(Object.keys(results).sort(), names);
  for (const { name, result } of bindings) assert.equal(results[name], result, `${name}'s result`);
});

test('tsc --noEmit checks js/core/facade.js against core.d.ts', () => {
  const tsc = `${root}node_modules/typescript/bin/tsc`;
  const run = spawnSync(process.execPath, [tsc, '--noEmit', '-p', 'tests/types/core.tsconfig.json'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, `tsc failed:\n${run.stdout}${run.stderr}`);
});
