// One refresh at a time per client id, across every client that may share a token store:
// with rotation, a refresh token presented twice is refused and revokes its whole family, so
// two tabs (or two clients in one process) that find the same stale entry must not both
// redeem it. The one that gets the lock later re-reads the store and finds the renewed entry.
// Browsers and workers: the Web Locks API, shared by every tab of the origin. Elsewhere (Node):
// a lock shared by the clients of this process.
//
// A tab's localStorage learns of other tabs' writes asynchronously (Chromium keeps a copy per
// renderer process), so the store alone cannot tell a tab that the refresh token it reads was
// redeemed a moment ago elsewhere. The lock manager can: it is one per origin and answers
// query() consistently. A tab that redeemed a refresh token holds a short-lived "retired" lock
// named after the token's hash; a tab about to present a token first asks whether it is retired
// and, if so, waits for the store to catch up.
import { KEY_PREFIX } from './key-prefix.js';

const RETIRED_FOR_MS = 15000;   // far longer than any cross-tab propagation
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

const webLocks = () => {
  const locks = globalThis.navigator?.locks;
  return typeof locks?.request === 'function' ? locks : null;
};

export function withRefreshLock(clientId, task) {
  const name = `${KEY_PREFIX}refresh::${clientId}`;
  const locks = webLocks();
  return locks ? locks.request(name, task) : inProcessLock(name, task);
}

async function retiredName(clientId, refreshToken) {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(refreshToken));
  const hex = [...new Uint8Array(digest).slice(0, 16)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${KEY_PREFIX}retired::${clientId}::${hex}`;
}

// Marks `refreshToken` as redeemed for every tab of the origin; resolves once the mark holds.
export async function markRedeemed(clientId, refreshToken) {
  const locks = webLocks();
  if (!locks) return;
  const name = await retiredName(clientId, refreshToken);
  await new Promise((granted) => {
    locks.request(name, () => {
      granted();
      return new Promise((release) => setTimeout(release, RETIRED_FOR_MS));
    }).catch(() => granted());
  });
}

// Whether another tab (or this one) redeemed `refreshToken` in the last few seconds.
export async function wasRedeemed(clientId, refreshToken) {
  const locks = webLocks();
  if (!locks || typeof locks.query !== 'function') return false;
  const name = await retiredName(clientId, refreshToken);
  const { held: holding = [] } = await locks.query();
  return holding.some((lock) => lock.name === name);
}
