// A wasm trap kills an instance; the facade that clients and the tenant already hold must carry
// on with a fresh one. The trap is made through Emscripten's documented instantiateWasm hook
// (a loadCore option): every export of this instance throws once `armed`, as a trap inside the
// core would. Nothing test-only ships in dist/. Both modules (wasm/CMakeLists.txt), each
// through its own loader.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadCore } from '../../js/core/load.js';
import { loadTenantCore } from '../../tenant/core.js';

let armed = false;

const trappingInstance = (wasm) => (imports, receive) => {
  const bytes = readFileSync(new URL(`../../build/wasm/wasm/${wasm}`, import.meta.url));
  const instance = new WebAssembly.Instance(new WebAssembly.Module(bytes), imports);
  const exports = {};
  for (const [name, value] of Object.entries(instance.exports)) {
    exports[name] = typeof value !== 'function' ? value : (...args) => {
      if (armed) throw new WebAssembly.RuntimeError('unreachable');
      return value(...args);
    };
  }
  receive({ exports });
  return {};
};

const merged = (core) => core.merge({ user_metadata: { a: 1 } }, { user_metadata: { b: 2 } });

const MODULES = [
  ['browser', loadCore, 'metalock.wasm'],
  ['tenant', loadTenantCore, 'metalock-tenant.wasm'],
];

for (const [module, load, wasm] of MODULES) {
  test(`after a trap, the same ${module} facade runs its next call on a fresh instance`, async () => {
    const core = await load({ instantiateWasm: trappingInstance(wasm) });
    assert.deepEqual(merged(core), { user_metadata: { a: 1, b: 2 } });

    armed = true;
    try {
      assert.throws(() => merged(core), (error) => error.name === 'MetalockError' && error.code === 'internal_error');

      // Still armed: only a new instance (built without the trapping hook) can answer.
      assert.deepEqual(merged(core), { user_metadata: { a: 1, b: 2 } });
      assert.equal(core.baseUrl('tenant.example.com'), 'https://tenant.example.com');
      if (module === 'tenant') assert.equal(core.scopeContains('openid update:users', 'update:users'), true);
      assert.equal(await load(), core, 'the loader hands out the same facade');
    } finally {
      armed = false;
    }
  });
}
