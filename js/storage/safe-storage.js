// Wraps any {get, set, remove} store (sync or async) so that a store that throws, rejects
// or holds garbage never breaks the client nor loses what it just stored.
//
// The backing store stays the source of truth while it works (another tab may have logged
// out). A memory mirror holds the last value written for each key and answers whenever
// the store fails to read, or failed to take our last write for that key (its copy is then
// stale). A value that is not a string is garbage and reads as empty; the core also treats
// a corrupt string as an empty cache, and the next write replaces it.
export class SafeStorage {
  #store;
  #mirror = new Map();
  #stale = new Set();

  constructor(store) {
    this.#store = store;
  }

  async get(key) {
    if (this.#stale.has(key)) return this.#mirrored(key);
    let value;
    try {
      value = await this.#store.get(key);
    } catch {
      return this.#mirrored(key);
    }
    return typeof value === 'string' ? value : null;
  }

  // The value right now when the store answers synchronously (memory, Web Storage), else
  // undefined: lets logout remove what it can name before it returns.
  peek(key) {
    if (this.#stale.has(key)) return this.#mirrored(key);
    try {
      const value = this.#store.get(key);
      if (value && typeof value.then === 'function') {
        value.then(undefined, () => {});
        return undefined;
      }
      return typeof value === 'string' ? value : null;
    } catch {
      return this.#mirrored(key);
    }
  }

  // The keys starting with `prefix`, when the store can list them at once (memory, Web
  // Storage: another tab's entries are found even when no manifest names them), else undefined.
  keys(prefix) {
    if (typeof this.#store.keys !== 'function') return undefined;
    let all;
    try {
      all = this.#store.keys();
    } catch {
      return undefined;
    }
    if (!Array.isArray(all)) return undefined;
    return [...new Set([...all, ...this.#mirror.keys()])].filter((key) => typeof key === 'string' && key.startsWith(prefix));
  }

  async set(key, value) {
    this.#mirror.set(key, value);
    try {
      await this.#store.set(key, value);
      this.#stale.delete(key);
    } catch {
      this.#stale.add(key);
    }
  }

  async remove(key) {
    this.#mirror.delete(key);
    try {
      await this.#store.remove(key);
      this.#stale.delete(key);
    } catch {
      this.#stale.add(key);
    }
  }

  #mirrored(key) {
    return this.#mirror.has(key) ? this.#mirror.get(key) : null;
  }
}
