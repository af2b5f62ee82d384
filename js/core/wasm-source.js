// Where the wasm core comes from, as an app may say it (init({ url | binary }) or
// createClient({ wasm })): reads and checks that setting, compares two of them, fetches the
// bytes behind a URL, and words the load error so that it names what was tried and the fix.
import * as ErrorCode from '../error-codes.js';
import { MetalockError } from '../errors.js';

const FIX = 'serve the package\'s metalock.wasm (node_modules/metalock/dist/metalock.wasm) there, or say where '
  + 'it is served with init({ url }) or createClient({ wasm: { url } }), or hand over its bytes with '
  + '{ binary } (README, "Bundlers")';

function invalidWasm(description) {
  return new MetalockError({ code: ErrorCode.invalid_argument, description, field: 'wasm' });
}

// Node, any version (load.js and wasm-compile.js ask too).
export const runsOnNode = () => typeof process === 'object' && typeof process.versions?.node === 'string';

const onNode = () => runsOnNode() && typeof process.getBuiltinModule === 'function';

function isBytes(value) {
  return value instanceof ArrayBuffer || ArrayBuffer.isView(value);
}

function asUint8Array(bytes) {
  return bytes instanceof ArrayBuffer ? new Uint8Array(bytes) : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

// { url } (a string or URL) or { binary } (an ArrayBuffer or a view of one): exactly one.
export function readWasmSource(setting) {
  if (setting === null || typeof setting !== 'object' || Array.isArray(setting)) {
    throw invalidWasm('wasm must be an object: { url } or { binary }');
  }
  const unknown = Object.keys(setting).filter((key) => key !== 'url' && key !== 'binary');
  if (unknown.length > 0) throw invalidWasm(`wasm takes { url } or { binary }, not ${unknown.join(', ')}`);
  const { url, binary } = setting;
  if ((url === undefined) === (binary === undefined)) throw invalidWasm('wasm takes exactly one of url and binary');
  if (url !== undefined) {
    const text = url instanceof URL ? url.href : url;
    if (typeof text !== 'string' || text === '') throw invalidWasm('wasm.url must be a non-empty string or a URL');
    return { url: text };
  }
  if (!isBytes(binary)) throw invalidWasm('wasm.binary must be an ArrayBuffer or a typed array of the .wasm bytes');
  return { binary: asUint8Array(binary) };
}

function sameBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

export function sameSource(a, b) {
  if (a.url !== undefined || b.url !== undefined) return a.url === b.url;
  return sameBytes(a.binary, b.binary);
}

export function describeSource(source) {
  if (source.url !== undefined) return source.url;
  return source.binary ? `the ${source.binary.byteLength} bytes given as wasm.binary` : 'its default location';
}

export function conflictingSource(current, wanted) {
  return invalidWasm(`The wasm module is already set to come from ${describeSource(current)}; a second, different `
    + `setting (${describeSource(wanted)}) cannot take effect: the module loads once per page or process. Say where it `
    + 'comes from once, before the first createClient or helper call.');
}

// Where the glue looks by itself: metalock.wasm next to the module that holds it (this file
// and the glue end up in the same bundle). For the error message only.
export function defaultSource() {
  let url;
  try {
    url = new URL('metalock.wasm', import.meta.url).href;
  } catch {
    url = 'metalock.wasm next to the metalock module';
  }
  return { url, byDefault: true };
}

// On Node: the bytes of the default .wasm when it is a file next to this module (the package
// entry; not the source tree, whose glue reads its own). The page entry's glue is built for
// browsers and reads no files, and a DOM test environment on Node (jsdom) may well resolve
// the page entry: with the bytes at hand, any glue instantiates.
export function defaultBytesOnNode() {
  if (!onNode()) return null;
  const { url } = defaultSource();
  if (!url.startsWith('file:')) return null;
  return process.getBuiltinModule('fs').existsSync(filePath(url)) ? readFileOnNode(url) : null;
}

// On Node: a file: URL or a path -> its path on disk.
function filePath(url) {
  return url.startsWith('file:') ? process.getBuiltinModule('url').fileURLToPath(url) : url;
}

// On Node: the bytes of the file at a file: URL or a path.
function readFileOnNode(url) {
  return new Uint8Array(process.getBuiltinModule('fs').readFileSync(filePath(url)));
}

export function loadFailed(source, error) {
  const reason = error?.message ?? String(error);
  const fix = source.binary ? 'pass the bytes of this metalock version\'s dist/metalock.wasm' : FIX;
  return new MetalockError({
    code: ErrorCode.wasm_load_failed,
    description: `Could not load the metalock WebAssembly module from ${describeSource(source)}: ${reason}. Fix: ${fix}.`,
    original: error,
  });
}

// The response to a GET of `url` when it is a success, else an Error naming its status (which
// loadFailed words). wasm-compile.js fetches through it too.
export async function fetchOk(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`GET answered ${response.status} ${response.statusText}`.trim());
  return response;
}

// The bytes at a URL: fetched (relative URLs resolve as fetch resolves them); on Node a
// file: URL or a path is read from disk, since Node's fetch does not read files.
export async function fetchWasm(url) {
  if (onNode() && !/^https?:/i.test(url)) return readFileOnNode(url);
  return new Uint8Array(await (await fetchOk(url)).arrayBuffer());
}
