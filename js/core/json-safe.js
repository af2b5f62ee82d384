// What JSON cannot carry faithfully, found before JSON.stringify silently changes it. Every
// JS value that becomes a request or a core argument passes here (js/core/facade.js), so the
// public helpers, the client and the tenant refuse the same values with the same code and
// field path. JSON.stringify turns NaN, Infinity and undefined in arrays into null — and a
// null in a metadata PATCH deletes the key — drops functions, symbols and undefined members,
// throws on BigInt, and writes a Map or a Set as {}.
import * as ErrorCode from '../error-codes.js';
import { MetalockError } from '../errors.js';

// {} or Object.create(null): what JSON writes and reads back as the same object.
export function isPlainObject(value) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// Deeper than this the core refuses the value as too_deep anyway (JSON limits).
const MAX_DEPTH = 64;

// The core's path format (metadata.hpp): keys joined with '.', array elements as [i]; the
// root entry's key is the caller's root path.
function pathOf(entry) {
  const [, parent, key] = entry;
  if (parent === null) return key;
  const above = pathOf(parent);
  if (typeof key === 'number') return `${above}[${key}]`;
  return above === '' ? key : `${above}.${key}`;
}

function describe(value) {
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'bigint') return 'a BigInt';
  const name = Object.getPrototypeOf(value)?.constructor?.name;
  return name ? `a ${name}` : 'not a plain object';
}

function refuse(value, path) {
  const where = path === '' ? 'The value' : path;
  throw new MetalockError({
    code: ErrorCode.invalid_json,
    description: `${where} is ${describe(value)}, which JSON cannot carry faithfully `
      + '(it would be sent as null, which deletes, or dropped): use a string, a finite number, '
      + 'a boolean, null, an array or a plain object',
    field: path || undefined,
  });
}

// Throws invalid_json (as JSON.stringify's own failures are), naming the first offending value's path under `root`. An
// undefined member of the value itself is allowed: it is a key that is not there, as
// JSON.stringify drops it; anywhere deeper (or in an array) it is refused. Cycles are left
// to JSON.stringify, which refuses them.
export function assertJsonSafe(value, root = '') {
  // Each entry: [node, parent entry, key or index, depth]. The path is built only for the value
  // refused (pathOf): building one per visited value cost more than the walk itself.
  const stack = [[value, null, root, 0]];
  const seen = new Set();
  while (stack.length > 0) {
    const entry = /** @type {[any, any, string | number, number]} */ (stack.pop());
    const [node, , , depth] = entry;
    if (node === null || typeof node === 'string' || typeof node === 'boolean') continue;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) refuse(node, pathOf(entry));
      continue;
    }
    if (typeof node !== 'object') {
      if (node === undefined && depth === 1 && !Array.isArray(value)) continue;
      if (node === undefined && depth === 0) continue;   // the whole argument absent: null
      refuse(node, pathOf(entry));
    }
    if (depth >= MAX_DEPTH || seen.has(node)) continue;
    seen.add(node);
    try {
      if (Array.isArray(node)) {
        for (let i = node.length - 1; i >= 0; i -= 1) stack.push([node[i], entry, i, depth + 1]);
      } else if (isPlainObject(node)) {
        const keys = Object.keys(node);
        for (let i = keys.length - 1; i >= 0; i -= 1) stack.push([node[keys[i]], entry, keys[i], depth + 1]);
      } else {
        refuse(node, pathOf(entry));
      }
    } catch (error) {
      if (error instanceof MetalockError) throw error;
      unreadable(error, pathOf(entry));
    }
  }
  return value;
}

// A getter or a Proxy of the caller's that throws while it is read: the caller's argument.
function unreadable(error, path) {
  throw new MetalockError({
    code: ErrorCode.invalid_argument,
    description: `${path === '' ? 'The value' : path} could not be read: ${error?.message ?? error}`,
    field: path || undefined,
    original: error,
  });
}
