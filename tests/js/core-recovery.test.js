// A wasm trap kills an instance; the facade that clients and the tenant already hold must carry
// on with a fresh one. The trap is made through Emscripten's documented instantiateWasm hook
// (a loadCore option): every export of this instance throws once `armed`, as a trap inside the
// core would. Nothing test-only ships in dist/.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadCore } from '../../js/core/load.js';

const bytes = readFileSync(new URL('../../build/wasm/wasm/metalock.wasm', import.meta.url));
let armed = false;

function trappingInstance(imports, receive) {
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
}

const merged = (core) => core.merge({ user_metadata: { a: 1 } }, { user_metadata: { b: 2 } });

test('after a trap, the same facade runs its next call on a fresh instance', async () => {
  const core = await loadCore({ instantiateWasm: trappingInstance });
  assert.deepEqual(merged(core), { user_metadata: { a: 1, b: 2 } });

  armed = true;
  assert.throws(() => merged(core), (error) => error.name === 'MetalockError' && error.code === 'internal_error');

  // Still armed: only a new instance (built without the trapping hook) can answer.
  assert.deepEqual(merged(core), { user_metadata: { a: 1, b: 2 } });
  assert.equal(core.scopeContains('openid update:users', 'update:users'), true);
  assert.equal(await loadCore(), core, 'loadCore hands out the same facade');
  armed = false;
});
