// createClient's `cacheLocation` -> the store the token manager uses.
import * as ErrorCode from '../error-codes.js';
import { MetalockError } from '../errors.js';
import { memoryStorage } from './memory-storage.js';
import { SafeStorage } from './safe-storage.js';
import { webStorage } from './web-storage.js';

const isStore = (value) =>
  value !== null && typeof value === 'object' &&
  ['get', 'set', 'remove'].every((method) => typeof value[method] === 'function');

export function resolveStorage(cacheLocation) {
  if (cacheLocation === undefined || cacheLocation === null || cacheLocation === 'memory') {
    return new SafeStorage(memoryStorage());
  }
  if (cacheLocation === 'localstorage') return new SafeStorage(webStorage('localStorage'));
  if (cacheLocation === 'sessionstorage') return new SafeStorage(webStorage('sessionStorage'));
  if (isStore(cacheLocation)) {
    // Called as methods, so that class-based stores keep their `this`.
    return new SafeStorage({
      get: (key) => cacheLocation.get(key),
      set: (key, value) => cacheLocation.set(key, value),
      remove: (key) => cacheLocation.remove(key),
    });
  }
  throw new MetalockError({
    code: ErrorCode.invalid_argument,
    description: "cacheLocation must be 'memory', 'localstorage', 'sessionstorage' or an object with get, set and remove",
    field: 'cacheLocation',
  });
}
