// localStorage / sessionStorage. The area is looked up on every call, not at creation:
// in Node, workers, or a browser that blocks storage it is missing or throws, and
// SafeStorage then keeps the client working from memory.
export function webStorage(areaName) {
  const area = () => {
    const storage = globalThis[areaName];
    if (!storage) throw new Error(`${areaName} is not available here`);
    return storage;
  };
  return {
    get: (key) => area().getItem(key),
    set: (key, value) => area().setItem(key, value),
    remove: (key) => area().removeItem(key),
    // As auth0-spa-js's LocalStorageCache.allKeys does: every tab's entries, manifest or not.
    keys: () => {
      const storage = area();
      if (typeof storage.key !== 'function') throw new Error(`${areaName} cannot list its keys`);
      return Array.from({ length: storage.length }, (_, index) => storage.key(index));
    },
  };
}
