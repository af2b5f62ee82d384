// Where the client's tokens live: the core's token cache (keys, expiry with leeway, scope
// containment, the versioned serialized form) persisted as one string in the chosen store
// under `@@metalock@@::<clientId>`. This file only does the I/O around it: reads and writes
// the store, and redeems a refresh token when the cache has no live entry.
import * as ErrorCode from '../error-codes.js';
import { MetalockError } from '../errors.js';

export const storageKeyFor = (clientId) => `@@metalock@@::${clientId}`;
export const nowSeconds = () => Math.floor(Date.now() / 1000);

// A refresh failure with one of these statuses means the refresh token itself is dead
// (revoked, rotated, expired): forget it rather than present it again.
const isRefusal = (error) => error?.statusCode >= 400 && error.statusCode < 500 && error.statusCode !== 429;

export class TokenManager {
  #core;
  #storage;
  #transport;
  #base;
  #clientId;
  #leeway;
  #verifyIdToken;
  #storageKey;
  #writes = Promise.resolve();   // read-modify-write of the stored cache, one at a time
  #refreshing = new Map();       // refresh token -> the one redemption in flight
  #epoch = 0;                    // bumped by forget(): late writes of older calls are dropped

  constructor({ core, storage, transport, base, clientId, leeway, verifyIdToken }) {
    this.#core = core;
    this.#storage = storage;
    this.#transport = transport;
    this.#base = base;
    this.#clientId = clientId;
    this.#leeway = leeway;
    this.#verifyIdToken = verifyIdToken;
    this.#storageKey = storageKeyFor(clientId);
  }

  key({ audience, scope }) {
    return { clientId: this.#clientId, audience: audience ?? '', scope: scope ?? '' };
  }

  // Marks the start of an operation whose tokens store() may keep (see forget()).
  epoch() {
    return this.#epoch;
  }

  // Caches a /oauth/token success body under the key it was requested with -> the entry.
  store(tokenBody, key, epoch = this.#epoch) {
    return this.#update((serialized) => {
      const put = this.#core.cachePut(serialized, tokenBody, key, nowSeconds());
      return { serialized: epoch === this.#epoch ? put.serialized : undefined, result: put.entry };
    });
  }

  // A live entry serving `key`; else one renewed with a refresh token; else null.
  async get(key) {
    const serialized = await this.#storage.get(this.#storageKey);
    const live = this.#core.cacheGet(serialized, key, nowSeconds(), this.#leeway);
    if (live) return live;
    return this.#renew(serialized, key);
  }

  async forget() {
    this.#epoch += 1;
    this.#refreshing.clear();
    await this.#update(() => ({ serialized: null }));
  }

  async #renew(serialized, key) {
    // With now = 0 every entry counts as live: this finds the (expired) entry the key
    // would have used, with its own key and refresh token.
    const stale = this.#core.cacheGet(serialized, key, 0, 0);
    const refreshToken = stale?.refreshToken || this.#core.cacheRefreshToken(serialized, key);
    if (!refreshToken) return null;
    const staleKey = stale?.refreshToken
      ? { clientId: this.#clientId, audience: stale.audience, scope: stale.scope }
      : undefined;
    // Concurrent callers share one redemption: with rotation, a second use of the same
    // refresh token would be refused (and may revoke the whole token family).
    let pending = this.#refreshing.get(refreshToken);
    if (!pending) {
      pending = this.#redeem(refreshToken, staleKey ?? key, staleKey, this.#epoch)
        .finally(() => this.#refreshing.delete(refreshToken));
      this.#refreshing.set(refreshToken, pending);
    }
    return pending;
  }

  async #redeem(refreshToken, storeKey, staleKey, epoch) {
    const request = this.#core.refreshTokenRequest(this.#base, { clientId: this.#clientId, refreshToken });
    let body;
    try {
      // Never retried blindly: with rotation, the outcome of a lost response is unknown.
      body = await this.#transport.send(request, { idempotent: false });
    } catch (error) {
      if (staleKey && isRefusal(error)) {
        await this.#update((current) => ({
          serialized: epoch === this.#epoch ? this.#core.cacheRemove(current, staleKey) : undefined,
        }));
      }
      throw error;
    }
    if (body?.id_token) this.#verifyIdToken(body.id_token);
    // Without rotation Auth0 returns no new refresh token and the old one stays valid.
    const tokens = body?.refresh_token ? body : { ...body, refresh_token: refreshToken };
    return this.#update((serialized) => {
      const kept = staleKey ? this.#core.cacheRemove(serialized, staleKey) : serialized;
      const put = this.#core.cachePut(kept, tokens, storeKey, nowSeconds());
      return { serialized: epoch === this.#epoch ? put.serialized : undefined, result: put.entry };
    });
  }

  // mutate(serialized) -> {serialized: new text | null (remove) | undefined (keep), result}.
  #update(mutate) {
    const run = async () => {
      const current = await this.#storage.get(this.#storageKey);
      const { serialized, result } = mutate(current);
      if (serialized === null) await this.#storage.remove(this.#storageKey);
      else if (serialized !== undefined) await this.#storage.set(this.#storageKey, serialized);
      return result;
    };
    const done = this.#writes.then(run, run);
    this.#writes = done.catch(() => {});
    return done;
  }
}

export function loginRequired(description) {
  return new MetalockError({ code: ErrorCode.login_required, description });
}
