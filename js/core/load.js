// Loads the wasm core once, lazily: concurrent callers share one promise. A failed load is
// forgotten so that a later call may try again (e.g. after the network came back).
//
// Where the .wasm comes from: browsers and workers fetch `metalock.wasm` next to the module
// (import.meta.url; bundlers see that URL too); Node reads it from disk next to the module.
// `options.wasmBinary` (bytes) or `options.locateFile(name, dir)` override both.
import createMetalockCore from '#core-glue';
import { MetalockError } from '../errors.js';
import { createFacade } from './facade.js';

let loading = null;

function forget(attempt) {
  if (loading === attempt) loading = null;
}

export function loadCore(options = {}) {
  if (!loading) {
    // A wasm trap leaves an instance unusable: forgetting it makes the next call load anew.
    const attempt = instantiate(options, () => forget(attempt));
    loading = attempt;
    attempt.catch(() => forget(attempt));
  }
  return loading;
}

// The glue's Node fixes (wasm/node-globals.extern-pre.js) need process.getBuiltinModule.
function unsupportedNode(options) {
  const onNode = typeof process === 'object' && typeof process.versions?.node === 'string';
  return onNode && typeof process.getBuiltinModule !== 'function' && !options.wasmBinary;
}

async function instantiate(options, onCrash) {
  if (unsupportedNode(options)) {
    throw new MetalockError({
      code: 'wasm_load_failed',
      description: `metalock needs Node 20.16 or newer (process.getBuiltinModule); this is ${process.version}`,
    });
  }
  let module;
  try {
    module = await createMetalockCore({ ...options });
  } catch (error) {
    throw new MetalockError({
      code: 'wasm_load_failed',
      description: `Could not load the metalock WebAssembly module: ${error?.message ?? error}`,
      original: error,
    });
  }
  return createFacade(module, onCrash);
}
