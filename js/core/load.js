// Loads the wasm core once, on first use: concurrent callers share one promise. A failed load is
// forgotten so that a later call may try again (e.g. after the network came back).
//
// Where the .wasm comes from: by default, browsers and workers fetch `metalock.wasm` next to
// the module (import.meta.url; bundlers see that URL too) and Node reads it from disk next to
// the module. In browsers that fetch starts as soon as the package has been evaluated, not on
// the first call (wasm-compile.js). An app may say otherwise once, before the first load: useWasm({ url | binary })
// (init() and createClient({ wasm }) call it). A second, different setting is an error, never
// silently ignored: the module loads once per page or process.
import createMetalockCore from '#core-glue';
import * as ErrorCode from '../error-codes.js';
import { MetalockError } from '../errors.js';
import { createFacade } from './facade.js';
import {
  conflictingSource, defaultBytesOnNode, defaultSource, fetchWasm, loadFailed, readWasmSource, runsOnNode, sameSource,
} from './wasm-source.js';
import {
  compileAhead, compilesInBrowser, compileWasm, dropCompiledUnless, instantiateCompiled, takeCompiled,
} from './wasm-compile.js';

let loading = null;
let source = null;   // what the app set, or what the load in flight or done used; null: not decided

function forget(attempt) {
  if (loading !== attempt) return;
  loading = null;
  source = null;
}

export function useWasm(setting) {
  const wanted = readWasmSource(setting);
  if (source === null) {
    source = wanted;
    dropCompiledUnless(wanted.url);
    return;
  }
  if (!sameSource(source, wanted)) throw conflictingSource(source, wanted);
}

// options: the glue's own (wasmBinary, locateFile, instantiateWasm), for the tenant and tests.
export function loadCore(options = {}) {
  if (!loading) {
    source ??= options.wasmBinary ? { binary: options.wasmBinary } : defaultSource();
    const attempt = instantiate(options, source);
    loading = attempt;
    attempt.catch(() => forget(attempt));
  }
  return loading;
}

// The glue's Node fixes (wasm/node-globals.extern-pre.js) need process.getBuiltinModule.
function unsupportedNode(options) {
  return runsOnNode() && typeof process.getBuiltinModule !== 'function' && !options.wasmBinary;
}

// The tenant's own module (tenant/core.js: metalock-tenant, a superset of this one) loads
// through the same instantiate and recovery, from its own glue, with its own bindings.
export const instantiateGlue = (glue, options, from, bindings) => instantiate(options, from, glue, bindings);

async function instantiate(given, from, glue = createMetalockCore, bindings = undefined) {
  const options = { ...given };
  if (from.binary) options.wasmBinary = from.binary;
  if (from.byDefault && glue === createMetalockCore && !options.wasmBinary && !options.locateFile && !options.instantiateWasm) {
    options.wasmBinary = defaultBytesOnNode() ?? undefined;
  }
  const fetched = from.url !== undefined && !from.byDefault;
  if (unsupportedNode(options) && !fetched) {
    throw new MetalockError({
      code: ErrorCode.wasm_load_failed,
      description: `metalock needs Node 20.16 or newer (process.getBuiltinModule); this is ${process.version}`,
    });
  }
  // The glue's own options (the tenant's, tests') keep the glue's own way of loading.
  const compiles = from.url !== undefined && compilesInBrowser()
    && !options.wasmBinary && !options.locateFile && !options.instantiateWasm;
  let module;
  let compiled = null;
  try {
    if (compiles) {
      const compiling = takeCompiled(from.url) ?? compileWasm(from.url);
      module = await instantiateCompiled(glue, options, compiling);
      compiled = await compiling;
    } else {
      if (fetched) options.wasmBinary = await fetchWasm(from.url);
      module = await glue(options);
    }
  } catch (error) {
    throw loadFailed(from, error);
  }
  return createFacade(module, reviver(options, module, compiled, glue), bindings);
}

// A wasm trap leaves an instance unusable, while clients and the tenant keep the facade they
// got for good: the facade asks this for a fresh instance and carries on with it.
// With the bytes or the compiled module at hand (Node reads the bytes into module.wasmBinary; a
// caller may pass them; browsers keep the module they compiled at load) the new instance is
// built synchronously: the glue fills the object it is given, and an instantiateWasm hook that
// instantiates at once lets it run to the end before returning. Where the glue fetched the
// .wasm itself (a caller's locateFile), the reload is asynchronous: until it is done, calls
// fail with internal_error.
function reviver(options, first, compiledAtLoad, glue) {
  const bytes = options.wasmBinary ?? first.wasmBinary;
  let compiled = compiledAtLoad;
  let pending = null;
  return () => {
    if (bytes || compiled) {
      compiled ??= new WebAssembly.Module(bytes);
      const fresh = {
        ...options,
        instantiateWasm(imports, receive) {
          receive(new WebAssembly.Instance(compiled, imports));
          return {};
        },
      };
      glue(fresh).catch(() => {});   // settled already; a late abort is the facade's to see
      // The glue's own flag that it ran to the end (set in its run(), before the bindings
      // register and without waiting for anything when instantiateWasm answered at once).
      if (fresh.calledRun) return fresh;
    }
    pending ??= glue({ ...options }).finally(() => { pending = null; });
    return pending;
  };
}

// The default .wasm is fetched and compiled ahead in browsers, once this module has been
// evaluated: a microtask later, so that an app's synchronous top-level code (evaluated in the
// same job) can still choose another source, which then is the only one fetched.
// Only a real URL is fetched (no import.meta.url, as in a CommonJS bundle: nothing ahead).
queueMicrotask(() => {
  if (source !== null || loading) return;
  const { url } = defaultSource();
  if (URL.canParse?.(url) ?? /^[a-z][a-z0-9+.-]*:/i.test(url)) compileAhead(url);
});
