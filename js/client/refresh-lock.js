// One refresh at a time per client id, across every client that may share a token store:
// with rotation, a refresh token presented twice is refused and revokes its whole family, so
// two tabs (or two clients in one process) that find the same stale entry must not both
// redeem it. The one that gets the lock second re-reads the store and finds the renewed entry.
// Browsers and workers: the Web Locks API, shared by every tab of the origin. Elsewhere (Node):
// a lock shared by the clients of this process.
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

export function withRefreshLock(clientId, task) {
  const name = `@@metalock@@::refresh::${clientId}`;
  const locks = globalThis.navigator?.locks;
  if (typeof locks?.request === 'function') return locks.request(name, task);
  return inProcessLock(name, task);
}
