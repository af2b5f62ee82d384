// In browsers and workers the .wasm is fetched and compiled here, not by the Emscripten glue,
// so that it can start before the first call needs it: load.js asks for the default location
// as soon as the package has been evaluated (the app's own top-level code runs first, so an
// init({ url }) or createClient({ wasm }) there is seen before anything is fetched), and the
// download and compile run while the app goes on. The glue then instantiates the compiled
// module (its instantiateWasm hook). Node reads the bytes from disk instead (wasm-source.js).
import { fetchOk, runsOnNode } from './wasm-source.js';

let early = null;   // { url, controller, compiled }: the one fetch started ahead of the first load

// Where this file's fetch + compile path applies: not Node (it has fetch and
// compileStreaming, but its .wasm is a file next to the module).
export function compilesInBrowser() {
  return !runsOnNode() && typeof fetch === 'function' && typeof WebAssembly === 'object'
    && typeof WebAssembly.compileStreaming === 'function';
}

// url -> a promise of the compiled WebAssembly.Module. Streams when the server says
// application/wasm (the download and the compile overlap); any other type is compiled from the
// whole body, as the glue would fall back to.
export async function compileWasm(url, signal) {
  const response = await fetchOk(url, { credentials: 'same-origin', signal });
  const type = response.headers.get('content-type') ?? '';
  if (/^application\/wasm\s*(;|$)/i.test(type)) return WebAssembly.compileStreaming(response);
  return WebAssembly.compile(await response.arrayBuffer());
}

// Starts fetching and compiling `url` now, for a load that has not asked yet. Its failure is
// kept for that load to report (never an unhandled rejection if no load comes).
export function compileAhead(url) {
  if (early || !compilesInBrowser()) return;
  const controller = new AbortController();
  const compiled = compileWasm(url, controller.signal);
  compiled.catch(() => {});
  early = { url, controller, compiled };
}

// The compile started ahead for `url`, handed over once.
export function takeCompiled(url) {
  dropCompiledUnless(url);
  const taken = early;
  early = null;
  return taken ? taken.compiled : null;
}

// Cancels a compile started ahead for another URL than `url` (the app chose another source:
// those bytes are not needed).
export function dropCompiledUnless(url) {
  if (!early || early.url === url) return;
  early.controller.abort();
  early = null;
}

// The glue, instantiating the module `compiling` resolves to with the imports it builds. The
// glue is started at once, so that its own set-up runs while the .wasm is still downloading. A
// failure to compile or instantiate rejects (the glue's hook has no way to report one: its
// promise would never settle).
export function instantiateCompiled(createCore, options, compiling) {
  let failed;
  const hookFailed = new Promise((resolve, reject) => { failed = reject; });
  const created = createCore({
    ...options,
    instantiateWasm(imports, receive) {
      compiling
        .then((compiled) => WebAssembly.instantiate(compiled, imports).then((instance) => receive(instance, compiled)))
        .catch(failed);
      return {};
    },
  });
  return Promise.race([created, hookFailed]);
}
