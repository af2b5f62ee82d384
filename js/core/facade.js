// The core as plain synchronous JS functions over the Embind module. The contract between
// the two is declared once in wasm/contract.json (every binding: name, arguments, result)
// and typed for this side in core.d.ts, which tsc checks this file against
// (tests/types/core.tsconfig.json); tests/js/core-contract.test.js checks the built module.
// Every binding takes text (JSON, or raw text such as a token) and returns one envelope
// {"value"} | {"error"}: this file only converts JS values to text and back, places the text
// in wasm memory, and turns error envelopes into MetalockError. It decides nothing; the
// core does.
import * as ErrorCode from '../error-codes.js';
import { MetalockError } from '../errors.js';
import { assertJsonSafe } from './json-safe.js';

/** @typedef {import('./core.js').MetalockCore} MetalockCore */

// A JS value -> the JSON text a binding takes. What JSON cannot express fails here with the
// codes the core uses for the same trouble in text.
export function toJson(value) {
  if (value === undefined) return 'null';
  try {
    return JSON.stringify(value);
  } catch (error) {
    // V8 throws RangeError both for a stack overflow (deep nesting) and for a result past
    // its string length limit.
    if (error instanceof RangeError && /length/i.test(error.message)) {
      return fail(ErrorCode.payload_too_large, 'Value is too large to serialize');
    }
    if (error instanceof RangeError) return fail(ErrorCode.too_deep, 'Value is nested too deeply to serialize');
    return fail(ErrorCode.invalid_json, `Value cannot be serialized as JSON: ${error.message}`);
  }
}

// A caller's data (metadata, users, patches, sign-up values) -> JSON text, refusing first
// what JSON would silently change (json-safe.js); `root` is the field path it sits at.
export const dataJson = (value, root) => toJson(assertJsonSafe(value, root));

/** @returns {never} */
function fail(code, description) {
  throw new MetalockError({ code, description });
}

// A raw text argument (token, domain, id): strings as they are, absent as ''.
export function toText(value) {
  if (typeof value === 'string') return value;
  return value === undefined || value === null ? '' : String(value);
}

// A response as the transport read it -> parseResponse's and profileResponse's first arguments.
/** @param {{ status?: number, headers?: { [name: string]: string }, body?: unknown }} [response] */
function responseArgs({ status, headers, body } = {}) {
  const bodyText = typeof body === 'string' || body == null ? toText(body) : toJson(body);
  return [Number(status) | 0, toJson(headers ?? {}), bodyText];
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// A binding's result: the address of a block holding the envelope's length (32-bit, little
// endian) and its UTF-8 bytes (wasm/envelope.hpp, hand_over), decoded at once and freed.
function takeText(module, address) {
  if (!address) fail(ErrorCode.payload_too_large, 'The result does not fit in the core\'s memory');
  const heap = module.HEAPU8;
  const size = (heap[address] | (heap[address + 1] << 8) | (heap[address + 2] << 16) | (heap[address + 3] << 24)) >>> 0;
  const text = decoder.decode(heap.subarray(address + 4, address + 4 + size));
  module._free(address);
  return text;
}

// Each binding of the browser module: its JS arguments -> the texts (and numbers) it takes, in
// order. The facade's method of the same name calls the binding with them: a binding's name is
// written once. The tenant's module adds its own (tenant-bindings.js, which only tenant/core.js
// imports: pages never load it).
/**
 * @template Core
 * @typedef {{ [name in keyof Core]: Core[name] extends (...args: infer A) => any ? (...args: A) => (string | number)[] : never }} BindingArguments
 */
/** @type {BindingArguments<MetalockCore>} */
export const browserBindings = {
  merge: (user, patch) => [dataJson(user), dataJson(patch)],
  diff: (before, after) => [dataJson(before, 'user_metadata'), dataJson(after, 'user_metadata')],
  validatePatch: (patch, policy = {}) => [dataJson(patch), toJson(policy)],
  validateMultifactorDeletion: (provider, options = {}) => [toText(provider), toJson(options)],
  mapSignup: (fields, values, base) => [toJson(fields), dataJson(values ?? {}, 'values'), dataJson(base ?? {})],
  parseSignupFields: (specs) => [toJson(specs)],
  checkSignupField: (spec, values) => [toJson(spec), dataJson(values ?? {}, 'values')],

  decodeJwt: (token) => [toText(token)],
  verifyIdTokenClaims: (token, expectations = {}) => [toText(token), toJson(expectations)],

  baseUrl: (domain) => [toText(domain)],
  userinfoRequest: (base, accessToken) => [toText(base), toText(accessToken)],
  jwksRequest: (base) => [toText(base)],
  passwordRealmRequest: (base, grant) => [toText(base), toJson(grant ?? {})],
  refreshTokenRequest: (base, options) => [toText(base), toJson(options ?? {})],
  signupRequest: (base, body) => [toText(base), dataJson(body)],
  getUserRequest: (base, userId, accessToken) => [toText(base), toText(userId), toText(accessToken)],
  // The patch is validated against policy (validatePatch's) before the PATCH is described.
  patchUserRequest: (base, userId, patch, accessToken, policy = {}) =>
    [toText(base), toText(userId), dataJson(patch), toText(accessToken), toJson(policy)],
  deleteMultifactorRequest: (base, userId, provider, accessToken) =>
    [toText(base), toText(userId), toText(provider), toText(accessToken)],
  // response: {status, headers, body}; headers a plain object (the transport's headerObject),
  // whose names the core reads case-insensitively.
  parseResponse: (response) => responseArgs(response),
  // parseResponse and the profile's normalization in one crossing: the body is parsed once.
  profileResponse: (response, options = {}) => [...responseArgs(response), toJson(options)],

  // stored: the texts read from the store, one per entry (null for a missing one).
  cacheGet: (stored, key, nowSeconds, leeway) =>
    [toJson(stored ?? []), toJson(key ?? {}), toJson({ now: nowSeconds, leeway })],
  cachePut: (tokenResponseBody, key, nowSeconds) =>
    [toJson(tokenResponseBody), toJson(key ?? {}), toJson({ now: nowSeconds })],
  cacheRefreshToken: (stored, key) => [toJson(stored ?? []), toJson(key ?? {})],
  cacheManifest: (manifest, change = {}) => [toText(manifest), toJson(change)],
};

// revive() -> a fresh module, or a promise of one (js/core/load.js): after a trap, the next
// call runs on a new instance while callers keep this same facade object.
// bindings: the module's (wasm/contract.json "modules"), as browserBindings lists them.
/**
 * @param {any} initial the Embind module
 * @param {(() => any) | null} [revive]
 * @param {{ [name: string]: (...args: any[]) => (string | number)[] }} [bindings]
 * @returns {MetalockCore}
 */
export function createFacade(initial, revive, bindings = browserBindings) {
  let module = initial;
  let dead = false;

  function live() {
    if (!dead) return;
    let next;
    try {
      next = revive ? revive() : null;
    } catch (error) {
      throw new MetalockError({ code: ErrorCode.wasm_load_failed, description: `Could not restart the metalock core: ${error?.message ?? error}`, original: error });
    }
    if (!next) fail(ErrorCode.internal_error, 'The metalock core failed earlier and cannot be restarted');
    if (typeof next.then === 'function') {
      next.then((fresh) => { module = fresh; dead = false; }, () => {});
      fail(ErrorCode.internal_error, 'The metalock core is restarting after a failure; try again');
    }
    module = next;
    dead = false;
  }

  // A text argument -> (address, size) of its UTF-8 bytes in wasm memory, which the binding
  // adopts and frees (wasm/envelope.hpp says why not Embind's std::string conversion).
  // Text that is all ASCII (tokens, URLs, most JSON) is as many bytes as it has UTF-16 units:
  // it is encoded straight into a block of that size, with no array in between (measured in
  // Chromium: about half the time of encode() + set()). Other text is encoded first, to know
  // its size.
  function place(text, wasmArgs, addresses) {
    let size = text.length;
    let address = module._malloc(size || 1);
    if (address && encoder.encodeInto(text, module.HEAPU8.subarray(address, address + size)).read < size) {
      module._free(address);
      address = 0;
    }
    if (!address) {
      const bytes = encoder.encode(text);
      size = bytes.length;
      address = module._malloc(size || 1);
      if (!address) {
        addresses.forEach((at) => module._free(at));
        fail(ErrorCode.payload_too_large, `A ${size}-byte argument does not fit in the core's memory`);
      }
      module.HEAPU8.set(bytes, address);   // read after malloc: growing memory replaces the view
    }
    addresses.push(address);
    wasmArgs.push(address, size);
  }

  // Runs one binding with its arguments (text as strings, numbers as they are) and unwraps its
  // envelope. A wasm trap (an abort the core should never reach) leaves the instance
  // unusable: the next call revives it.
  /** @param {string} name @param {(string | number)[]} args */
  function call(name, args) {
    live();
    let envelope;
    try {
      const wasmArgs = [];
      const addresses = [];
      for (const arg of args) {
        if (typeof arg === 'number') wasmArgs.push(arg);
        else place(arg, wasmArgs, addresses);
      }
      envelope = takeText(module, module[name](...wasmArgs));
    } catch (error) {
      if (error instanceof MetalockError) throw error;
      dead = true;
      throw new MetalockError({ code: ErrorCode.internal_error, description: `metalock core failed in ${name}: ${error?.message ?? error}`, original: error });
    }
    const parsed = JSON.parse(envelope);
    if (parsed.error) throw new MetalockError(parsed.error);
    return parsed.value;
  }

  // Each method is named after its binding.
  return /** @type {any} */ (Object.fromEntries(Object.entries(bindings)
    .map(([name, argumentsOf]) => [name, (...given) => call(name, argumentsOf(...given))])));
}
