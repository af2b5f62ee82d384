// One refresh at a time per client id, across every client that may share a token store:
// with rotation, a refresh token presented twice is refused and revokes its whole family, so
// two tabs (or two clients in one process) that find the same stale entry must not both
// redeem it. The one that gets the lock later re-reads the store and finds the renewed entry.
// Browsers and workers: the Web Locks API, shared by every tab of the origin. Elsewhere (Node):
// a lock shared by the clients of this process.
const PREFIX = '@@metalock@@::';
const held = new Map();   // lock name -> the tail of its queue

function inProcessLock(name, task) {
  const previous = held.get(name) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.catch(() => {});
  held.set(name, tail);
  tail.then(() => {
    if (held.get(name) === tail) held.delete(name);
  });
  return run;
}

// A tab's localStorage learns of other tabs' writes asynchronously (Chromium keeps a copy per
// renderer process), so a tab granted the lock after others may not yet see the entry the last
// of them stored. It counts the token entries written by other tabs ('storage' events) and,
// when N holders went before it, waits for N such writes (bounded: a holder that failed
// writes nothing) before it reads the store.
let entryWrites = 0;
const waiters = new Set();
if (typeof globalThis.addEventListener === 'function' && typeof globalThis.localStorage === 'object') {
  globalThis.addEventListener('storage', (event) => {
    if (typeof event.key !== 'string' || !event.key.startsWith(PREFIX) || event.key.split('::').length < 4) return;
    entryWrites += 1;
    for (const wake of waiters) wake();
  });
}

const PROPAGATION_WAIT_MS = 2000;

function entryWritesReach(count) {
  if (entryWrites >= count) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      if (entryWrites < count) return;
      waiters.delete(done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      waiters.delete(done);
      resolve();
    }, PROPAGATION_WAIT_MS);
    waiters.add(done);
  });
}

async function webLock(locks, name, task) {
  const before = entryWrites;
  const state = await locks.query?.();
  const ahead = (state?.held ?? []).filter((lock) => lock.name === name).length
    + (state?.pending ?? []).filter((lock) => lock.name === name).length;
  return locks.request(name, async () => {
    if (ahead > 0) await entryWritesReach(before + ahead);
    return task();
  });
}

export function withRefreshLock(clientId, task) {
  const name = `${PREFIX}refresh::${clientId}`;
  const locks = globalThis.navigator?.locks;
  if (typeof locks?.request === 'function') return webLock(locks, name, task);
  return inProcessLock(name, task);
}
