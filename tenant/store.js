// Users and refresh tokens, persisted in the data directory.
//
// Durability: every change is one JSON line appended to journal.jsonl and fdatasync'ed
// before the call returns, so a response sent after it is never lost, even to a kill -9
// or power loss. On open the journal is replayed over snapshot.json; a torn last line (a
// write cut short by a crash) was never acknowledged, so it is dropped and cut off. Every
// `compactEvery` records the state is written to a new snapshot (write temp + fsync +
// rename + directory fsync) and the journal is emptied. Replaying an old journal over a
// newer snapshot is harmless: records are whole values or top-level fields set to values,
// so for every field the last record that set it wins, as it did in the snapshot.
// A login journals only what it changes (user-set), not the whole user: 1,000 logins of a
// user with 1 MB of metadata add kilobytes, not a gigabyte.
//
// A full disk (ENOSPC, EDQUOT) refuses the change with StorageFull and leaves the journal as
// it was (a partly written line is cut off), so every acknowledged write stays readable and
// the next write can succeed once there is room. A snapshot that cannot be written is left
// for later: the journal still holds everything.
//
// No update is lost between concurrent requests because every method here is synchronous:
// a handler reads, decides and writes within one turn of the event loop.
import { closeSync, existsSync, fdatasyncSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { lockDataDir } from './data-lock.js';
import { writeFileDurably } from './durable-file.js';

const JOURNAL = 'journal.jsonl';
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);

export class StorageFull extends Error {}
const SNAPSHOT = 'snapshot.json';

function identityKey(connection, value) {
  return `${connection}\n${String(value).toLowerCase()}`;
}

export class Store {
  constructor(dataDir, { compactEvery = 1000 } = {}) {
    this.dataDir = dataDir;
    this.compactEvery = compactEvery;
    this.users = new Map();
    this.byEmail = new Map();
    this.byUsername = new Map();
    this.refreshTokens = new Map();
    this.revokedFamilies = new Set();
    this.sinceCompaction = 0;
    this.fd = null;
  }

  static open(dataDir, options) {
    mkdirSync(dataDir, { recursive: true });
    const store = new Store(dataDir, options);
    store.unlock = lockDataDir(dataDir);
    try {
      store.load();
    } catch (error) {
      store.close();
      throw error;
    }
    return store;
  }

  load() {
    // A snapshot being written when the process died: never renamed, so never in use.
    for (const name of readdirSync(this.dataDir)) {
      if (name.startsWith(`${SNAPSHOT}.tmp-`)) rmSync(join(this.dataDir, name), { force: true });
    }
    const snapshotFile = join(this.dataDir, SNAPSHOT);
    if (existsSync(snapshotFile)) {
      const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8'));
      for (const user of snapshot.users ?? []) this.applyUser(user);
      for (const record of snapshot.refreshTokens ?? []) this.refreshTokens.set(record.id, record);
      for (const family of snapshot.revokedFamilies ?? []) this.revokedFamilies.add(family);
    }
    const journalFile = join(this.dataDir, JOURNAL);
    let validLength = 0;
    if (existsSync(journalFile)) {
      const content = readFileSync(journalFile);
      let start = 0;
      for (let end = content.indexOf(10, start); end !== -1; end = content.indexOf(10, start)) {
        const line = content.subarray(start, end).toString('utf8');
        if (line.trim() !== '') this.replay(JSON.parse(line));
        start = end + 1;
        this.sinceCompaction += 1;
      }
      validLength = start;
    }
    this.fd = openSync(journalFile, 'a+');
    // Cut off a torn tail so the next record starts on a line of its own.
    ftruncateSync(this.fd, validLength);
    fdatasyncSync(this.fd);
    this.journalBytes = validLength;
    if (this.sinceCompaction > 0) this.compactIfRoom();
  }

  replay(record) {
    if (record.t === 'user') this.applyUser(record.v);
    else if (record.t === 'user-set') this.setUserFields(record.id, record.v);
    else if (record.t === 'user-del') this.removeUser(record.id);
    else if (record.t === 'rt') this.refreshTokens.set(record.v.id, record.v);
    else if (record.t === 'rt-revoke') this.revokedFamilies.add(record.family);
    else throw new Error(`journal: unknown record type ${record.t}`);
  }

  // Journal first, then memory (through the same code as replay, so the live state is
  // exactly what a restart would rebuild), then maybe a snapshot: a snapshot taken before
  // the record was applied would drop it when the journal is emptied.
  commit(record) {
    const line = Buffer.from(`${JSON.stringify(record)}\n`);
    try {
      // writeSync may write part of a buffer and report it: loop until all of it is down.
      for (let written = 0; written < line.length;) written += writeSync(this.fd, line, written);
      fdatasyncSync(this.fd);
    } catch (error) {
      if (!DISK_FULL.has(error?.code)) throw error;
      ftruncateSync(this.fd, this.journalBytes);
      throw new StorageFull(`journal write failed: ${error.code}`);
    }
    this.journalBytes += line.length;
    this.replay(record);
    this.sinceCompaction += 1;
    if (this.sinceCompaction >= this.compactEvery) this.compactIfRoom();
  }

  compactIfRoom() {
    try {
      this.compact();
    } catch (error) {
      if (!DISK_FULL.has(error?.code)) throw error;
    }
  }

  compact() {
    const snapshot = { version: 1, users: [...this.users.values()], refreshTokens: [...this.refreshTokens.values()],
      revokedFamilies: [...this.revokedFamilies] };
    writeFileDurably(join(this.dataDir, SNAPSHOT), JSON.stringify(snapshot));
    ftruncateSync(this.fd, 0);
    fdatasyncSync(this.fd);
    this.journalBytes = 0;
    this.sinceCompaction = 0;
  }

  applyUser(user) {
    this.removeUser(user.user_id);
    this.users.set(user.user_id, user);
    const connection = user.identities?.[0]?.connection ?? '';
    if (user.email) this.byEmail.set(identityKey(connection, user.email), user.user_id);
    if (user.username) this.byUsername.set(identityKey(connection, user.username), user.user_id);
  }

  setUserFields(userId, fields) {
    const user = this.users.get(userId);
    if (user) this.applyUser({ ...user, ...fields });
  }

  removeUser(userId) {
    const old = this.users.get(userId);
    if (!old) return;
    const connection = old.identities?.[0]?.connection ?? '';
    if (old.email) this.byEmail.delete(identityKey(connection, old.email));
    if (old.username) this.byUsername.delete(identityKey(connection, old.username));
    this.users.delete(userId);
  }

  // Reads return copies: a caller mutating one cannot change stored state unjournaled.
  getUser(userId) {
    const user = this.users.get(userId);
    return user ? structuredClone(user) : null;
  }

  findUser(connection, { email, username }) {
    const key = email !== undefined ? this.byEmail.get(identityKey(connection, email)) : this.byUsername.get(identityKey(connection, username));
    return key ? this.getUser(key) : null;
  }

  userCount() {
    return this.users.size;
  }

  putUser(user) {
    this.commit({ t: 'user', v: structuredClone(user) });
  }

  // Sets top-level fields of a stored user (not its identity: email and username go
  // through putUser). Journals just the fields.
  updateUser(userId, fields) {
    this.commit({ t: 'user-set', id: userId, v: structuredClone(fields) });
  }

  deleteUser(userId) {
    this.commit({ t: 'user-del', id: userId });
  }

  getRefreshToken(id) {
    const record = this.refreshTokens.get(id);
    return record ? { ...record } : null;
  }

  putRefreshToken(record) {
    this.commit({ t: 'rt', v: { ...record } });
  }

  isFamilyRevoked(family) {
    return this.revokedFamilies.has(family);
  }

  // Reuse of a rotated refresh token revokes every token descended from the same login.
  revokeFamily(family) {
    this.commit({ t: 'rt-revoke', family });
  }

  close() {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    this.unlock?.();
    this.unlock = null;
  }
}
