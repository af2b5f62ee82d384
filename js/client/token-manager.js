// Where the client's tokens live, laid out as auth0-spa-js's cache is: one stored entry per
// key, `@@metalock@@::<clientId>::<audience>::<scopes>`, and a manifest of those keys under
// `@@metalock@@::<clientId>`, so that two tabs sharing localStorage never overwrite each
// other's entries. A store that can list its keys (memory, Web Storage) is also searched by
// prefix, as auth0-spa-js does: two tabs writing the manifest at once may lose a key from it,
// never an entry; a custom {get, set, remove} store relies on the manifest. What an entry holds, which one serves a request, expiry with leeway, the
// keys and the manifest's form are the core's (token_cache.hpp); this file does the I/O
// around them and redeems a refresh token when no entry is live.
//
// logout: from the moment forget() returns, no call uses a token from before it. It bumps an
// epoch (writes and reads of older calls are dropped), removes at once every entry it can name
// (all of them when the store answers synchronously, as memory and Web Storage do), and then,
// queued behind any write still in flight, removes them again; every later read waits for that.
import * as ErrorCode from '../error-codes.js';
import { MetalockError } from '../errors.js';
import { KEY_PREFIX } from './key-prefix.js';
import { markRedeemed, wasRedeemed, withRefreshLock } from './refresh-lock.js';

// How long a tab waits for its copy of the store to show another tab's renewed entry.
const STORE_CATCH_UP_MS = 3000;
export const manifestKeyFor = (clientId) => `${KEY_PREFIX}${clientId}`;

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
  #nowSeconds;
  #manifestKey;
  #written = new Set();          // storage keys this client wrote: a manifest another tab lost is healed
  #queue = Promise.resolve();    // storage work, one job at a time, in call order
  #refreshing = new Map();       // refresh token -> the one redemption in flight
  #epoch = 0;                    // bumped by forget()
  // The core's last answers (pure functions of their inputs), forgotten on logout: the
  // manifest text -> its keys, and per key the live entry for the same stored texts and second.
  #lastManifest = null;          // { text, keys }
  #lastLive = new Map();         // key id -> { now, stored, entry }

  constructor({ core, storage, transport, base, clientId, leeway, verifyIdToken, nowSeconds }) {
    this.#core = core;
    this.#storage = storage;
    this.#transport = transport;
    this.#base = base;
    this.#clientId = clientId;
    this.#leeway = leeway;
    this.#verifyIdToken = verifyIdToken;
    this.#nowSeconds = nowSeconds;
    this.#manifestKey = manifestKeyFor(clientId);
  }

  key({ audience, scope }) {
    return { clientId: this.#clientId, audience: audience ?? '', scope: scope ?? '' };
  }

  // Marks the start of an operation whose tokens store() may keep (see forget()).
  epoch() {
    return this.#epoch;
  }

  // Caches a /oauth/token success body under the key it was requested with -> the entry.
  // Nothing is kept when forget() was called since `epoch`.
  async store(tokenBody, key, epoch = this.#epoch) {
    const put = this.#core.cachePut(tokenBody, key, this.#nowSeconds());
    await this.#enqueue(() => this.#write(put, epoch));
    return put.entry;
  }

  // A live entry serving `key`; else one renewed with a refresh token; else null.
  async get(key) {
    const epoch = this.#epoch;
    const stored = await this.#enqueue(() => this.#readAll());
    if (epoch !== this.#epoch) return null;   // logout() came in between: nothing from before it
    const live = this.#live(stored, key);
    if (live) return live;
    return this.#renew(stored, key, epoch);
  }

  forget() {
    this.#epoch += 1;
    this.#refreshing.clear();
    this.#lastManifest = null;
    this.#lastLive.clear();
    const keys = this.#namedKeys(this.#storage.peek(this.#manifestKey));
    this.#written.clear();
    for (const key of keys) this.#storage.remove(key);   // synchronous for a synchronous store
    this.#storage.remove(this.#manifestKey);
    return this.#enqueue(async () => {
      const again = this.#namedKeys(await this.#storage.get(this.#manifestKey), keys);
      await Promise.all([...again, this.#manifestKey].map((key) => this.#storage.remove(key)));
    });
  }

  // The core's live entry for `key` in `stored` now. Its answer depends on nothing else (the
  // clock in whole seconds), so calls in the same second over the same stored texts reuse it
  // rather than hand every entry to the core again.
  #live(stored, key) {
    const now = this.#nowSeconds();
    const id = `${key.clientId}\n${key.audience}\n${key.scope}`;
    const last = this.#lastLive.get(id);
    if (last && last.now === now && sameTexts(last.stored, stored)) return last.entry;
    const entry = this.#core.cacheGet(stored, key, now, this.#leeway);
    if (entry) Object.freeze(entry);   // shared by the calls that reuse it
    if (this.#lastLive.size >= 8) this.#lastLive.clear();
    this.#lastLive.set(id, { now, stored, entry });
    return entry;
  }

  // The refresh token that can renew `key` in `stored`, and the stale entry it belongs to (when
  // the entry itself holds one) -> {refreshToken, staleEntry} or null. With now = 0 every entry
  // counts as live: this finds the (expired) entry the key would have used.
  #refreshSource(stored, key) {
    const stale = this.#core.cacheGet(stored, key, 0, 0);
    const refreshToken = stale?.refreshToken || this.#core.cacheRefreshToken(stored, key);
    if (!refreshToken) return null;
    return { refreshToken, staleEntry: stale?.refreshToken ? stale : undefined };
  }

  async #renew(stored, key, epoch) {
    const refreshToken = this.#refreshSource(stored, key)?.refreshToken;
    if (!refreshToken) return null;
    // Concurrent callers of this client share one redemption, and clients sharing the store
    // take turns (refresh-lock.js): with rotation, a second use of the same refresh token
    // would be refused (and may revoke the whole token family).
    let pending = this.#refreshing.get(refreshToken);
    if (!pending) {
      pending = withRefreshLock(this.#clientId, () => this.#renewUnderLock(key, epoch))
        .finally(() => this.#refreshing.delete(refreshToken));
      this.#refreshing.set(refreshToken, pending);
    }
    return pending;
  }

  // Under the lock, the store may have changed: another client (tab) that held it first has
  // renewed the entry, so it is read again and a live entry is used as it is. A refresh token
  // another tab has just redeemed means this tab's copy of the store is behind: it is read
  // again until it shows the renewed entry (a bounded wait), and never presented.
  async #renewUnderLock(key, epoch) {
    const deadline = Date.now() + STORE_CATCH_UP_MS;
    for (;;) {
      const stored = await this.#enqueue(() => this.#readAll());
      if (epoch !== this.#epoch) return null;
      const live = this.#live(stored, key);
      if (live) return live;
      const source = this.#refreshSource(stored, key);
      if (!source) return null;
      if (!(await wasRedeemed(this.#clientId, source.refreshToken))) {
        return this.#redeem(source.refreshToken, key, source.staleEntry, epoch);
      }
      if (Date.now() > deadline) throw loginRequired('the stored refresh token was already redeemed by another tab, and its renewed entry did not arrive');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async #redeem(refreshToken, key, staleEntry, epoch) {
    const request = this.#core.refreshTokenRequest(this.#base, { clientId: this.#clientId, refreshToken });
    let body;
    try {
      // Never retried blindly: with rotation, the outcome of a lost response is unknown.
      body = await this.#transport.send(request, { idempotent: false });
    } catch (error) {
      if (staleEntry && isRefusal(error)) {
        await this.#enqueue(() => (epoch === this.#epoch ? this.#remove(KEY_PREFIX + staleEntry.storageKey) : undefined));
      }
      throw error;
    }
    if (body?.refresh_token) await markRedeemed(this.#clientId, refreshToken);
    if (body?.id_token) await this.#verifyIdToken(body.id_token);
    // Without rotation Auth0 returns no new refresh token and the old one stays valid.
    const tokens = body?.refresh_token ? body : { ...body, refresh_token: refreshToken };
    const storeKey = staleEntry
      ? { clientId: this.#clientId, audience: staleEntry.audience, scope: staleEntry.scope }
      : key;
    const put = this.#core.cachePut(tokens, storeKey, this.#nowSeconds());
    await this.#enqueue(() => this.#write(put, epoch));
    return put.entry;
  }

  // The stored texts of every entry the manifest or this client names.
  async #readAll() {
    const keys = this.#namedKeys(await this.#storage.get(this.#manifestKey));
    return Promise.all(keys.map((key) => this.#storage.get(key)));
  }

  // The entry under its own key, then its key in the manifest (merged with what the store
  // holds now, so another tab's entries stay listed).
  async #write(put, epoch) {
    if (epoch !== this.#epoch) return;
    const key = KEY_PREFIX + put.storageKey;
    this.#written.add(key);
    await this.#storage.set(key, put.serialized);
    if (epoch !== this.#epoch) return;
    await this.#setManifest({ add: [...this.#written] });
  }

  async #remove(key) {
    this.#written.delete(key);
    await this.#storage.remove(key);
    await this.#setManifest({ add: [...this.#written], remove: [key] });
  }

  async #setManifest(change) {
    const current = await this.#storage.get(this.#manifestKey);
    await this.#storage.set(this.#manifestKey, this.#core.cacheManifest(current, change).serialized);
  }

  // Storage keys listed in a manifest text, those this client wrote, and `extra`. A core that
  // cannot answer (restarting after a trap) leaves the keys this client knows by itself.
  #namedKeys(manifest, extra = []) {
    let listed = [];
    try {
      if (typeof manifest === 'string') listed = this.#listed(manifest);
    } catch {
      // the known keys still go
    }
    const inStore = this.#storage.keys(`${this.#manifestKey}::`) ?? [];
    return [...new Set([...listed, ...inStore, ...this.#written, ...extra])];
  }

  // The keys a manifest text lists; the core reads each text once.
  #listed(manifest) {
    if (this.#lastManifest?.text !== manifest) {
      this.#lastManifest = { text: manifest, keys: this.#core.cacheManifest(manifest).keys };
    }
    return this.#lastManifest.keys;
  }

  #enqueue(job) {
    const run = this.#queue.then(() => job());
    this.#queue = run.catch(() => {});
    return run;
  }
}

const sameTexts = (a, b) => a.length === b.length && a.every((text, index) => text === b[index]);

export function loginRequired(description) {
  return new MetalockError({ code: ErrorCode.login_required, description });
}
