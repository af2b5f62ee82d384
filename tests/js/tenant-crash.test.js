// Durability: the tenant is kill -9'ed at a random moment while concurrent PATCHes and
// signups hit it; after a restart every acknowledged write is there. Several rounds reuse
// one data folder, with snapshots taken every few records, so that kills also land during
// compaction and restarts replay a journal over a snapshot.
import assert from 'node:assert/strict';
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { adminToken, call, decodePayload, login, signup, CLIENT_ID, startTenant, PASSWORD, tempDir, uniqueEmail, userPath } from './support/tenant.js';

const WORKERS = 12;
const ROUNDS = 4;
const config = { storage: { compactEvery: 40 } };

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// fetch's failure when the tenant process is gone: refused, reset, or the socket closed
// mid-response. Any other error (a TypeError from a bug included) fails the test.
const DEAD_PROCESS_CODES = ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET'];
function processDied(error) {
  return error instanceof TypeError && DEAD_PROCESS_CODES.includes(error.cause?.code);
}

// A stored user as signup writes it: the email, one whole database identity.
function assertWholeUser(user, { email, userId }) {
  assert.equal(user.email, email);
  assert.equal(user.user_id, userId);
  assert.deepEqual(user.identities, [
    { connection: 'Username-Password-Authentication', provider: 'auth0', user_id: userId.slice('auth0|'.length), isSocial: false },
  ]);
}

// One worker: its own counter key on a shared user, PATCHed with 1, 2, 3, ... one request
// at a time, so the last acknowledged value is a floor for what must be stored.
async function patchWorker(tenant, token, userId, name, state) {
  for (let n = 1; !state.stop; n += 1) {
    state.sent[name] = n;
    try {
      const response = await call(tenant.url, userPath(userId), { method: 'PATCH', token, json: { user_metadata: { [name]: n } } });
      if (response.status !== 200) throw new Error(`PATCH answered ${response.status}: ${response.text}`);
      state.acked[name] = n;
      state.firstAck();
    } catch (error) {
      if (processDied(error)) return;
      throw error;
    }
  }
}

async function signupWorker(tenant, state) {
  while (!state.stop) {
    const email = uniqueEmail('crash');
    state.sentSignups.push(email);
    try {
      const response = await call(tenant.url, '/dbconnections/signup', {
        method: 'POST', json: { client_id: CLIENT_ID, connection: 'Username-Password-Authentication', email, password: PASSWORD },
      });
      if (response.status !== 200) throw new Error(`signup answered ${response.status}: ${response.text}`);
      state.ackedSignups.push({ email, userId: `auth0|${response.body._id}` });
    } catch (error) {
      if (processDied(error)) return;
      throw error;
    }
  }
}

// Runs the workload, kills the tenant mid-way, restarts it and checks what it kept.
async function crashRound(run, round) {
  const token = await adminToken(run.tenant);
  const state = { stop: false, sent: {}, acked: {}, sentSignups: [], ackedSignups: [] };
  const acknowledged = new Promise((resolve) => { state.firstAck = resolve; });
  const workers = [];
  for (let i = 0; i < WORKERS; i += 1) workers.push(patchWorker(run.tenant, token, run.userId, `r${round}w${i}`, state));
  workers.push(signupWorker(run.tenant, state), signupWorker(run.tenant, state));

  // The kill lands at a random moment after the first acknowledged PATCH, so that every
  // round has something that must survive.
  await Promise.race([acknowledged, run.tenant.exited]);   // a tenant that died by itself fails below
  await sleep(Math.random() * 1200);
  run.tenant.child.kill('SIGKILL');
  assert.equal((await run.tenant.exited).signal, 'SIGKILL');
  state.stop = true;
  await Promise.all(workers);
  assert.ok(Object.keys(state.acked).length > 0, 'the kill came after some acknowledged PATCHes');

  Object.assign(run.expected, state.acked);
  run.signedUp.push(...state.ackedSignups);
  run.tenant = await startTenant({ config, dataDir: run.dataDir });
  const admin = await adminToken(run.tenant);
  const stored = (await call(run.tenant.url, userPath(run.userId), { token: admin })).body.user_metadata;
  for (const [name, floor] of Object.entries(run.expected)) {
    assert.ok(stored[name] >= floor, `${name}: stored ${stored[name]}, acknowledged ${floor}`);
  }
  for (const [name, sent] of Object.entries(state.sent)) {
    assert.ok((stored[name] ?? 0) <= sent, `${name}: stored ${stored[name]} was never sent`);
  }
  // Every key is one of ours: no record was half-applied or mixed up.
  assert.ok(Object.keys(stored).every((name) => /^r\d+w\d+$/.test(name)));
  for (const signedUp of run.signedUp) {
    const user = await call(run.tenant.url, userPath(signedUp.userId), { token: admin });
    assert.equal(user.status, 200, `acknowledged signup ${signedUp.email} survived`);
    assertWholeUser(user.body, signedUp);
  }
  // In-flight signups (sent, no answer) either landed whole (the password logs in and the
  // stored user is complete) or not at all (the email is free to sign up again).
  const acked = new Set(state.ackedSignups.map((done) => done.email));
  for (const email of state.sentSignups.filter((sent) => !acked.has(sent))) {
    const tokens = await login(run.tenant, { username: email, scope: 'openid' });
    if (tokens.status === 200) {
      const userId = decodePayload(tokens.body.id_token).sub;
      const user = await call(run.tenant.url, userPath(userId), { token: admin });
      assert.equal(user.status, 200, user.text);
      assertWholeUser(user.body, { email, userId });
      continue;
    }
    assert.equal(tokens.status, 403, tokens.text);
    const again = await call(run.tenant.url, '/dbconnections/signup', {
      method: 'POST', json: { client_id: CLIENT_ID, connection: 'Username-Password-Authentication', email, password: PASSWORD },
    });
    assert.equal(again.status, 200, `in-flight signup ${email} neither logs in nor is absent: ${again.text}`);
  }
  return { patches: Object.values(state.acked).reduce((sum, n) => sum + n, 0), signups: state.ackedSignups.length };
}

test('kill -9 at random moments loses no acknowledged write', { timeout: 180000 }, async (t) => {
  const dataDir = join(tempDir('crash'), 'data');
  const run = { dataDir, tenant: await startTenant({ config, dataDir }), expected: {}, signedUp: [] };
  try {
    const owner = await signup(run.tenant);
    run.userId = `auth0|${owner.body._id}`;
    for (let round = 0; round < ROUNDS; round += 1) {
      const { patches, signups } = await crashRound(run, round);
      t.diagnostic(`round ${round}: ${patches} acknowledged PATCHes, ${signups} signups, all kept`);
    }
    const someone = run.signedUp[0]?.email ?? owner.email;
    assert.equal((await login(run.tenant, { username: someone, scope: 'openid' })).status, 200);
  } finally {
    await run.tenant.stop();
  }
});

test('a torn last journal line (a write cut short) is ignored and cut off', async () => {
  const tenant = await startTenant();
  const created = await signup(tenant);
  await tenant.stop();
  const journal = join(tenant.dataDir, 'journal.jsonl');
  // The restart compacted the journal into the snapshot; write more, then tear the tail.
  const again = await startTenant({ dataDir: tenant.dataDir });
  const second = await signup(again);
  again.child.kill('SIGKILL');
  await again.exited;
  appendFileSync(journal, '{"t":"user","v":{"user_id":"auth0|torn","ema');
  const third = await startTenant({ dataDir: tenant.dataDir });
  try {
    const admin = await adminToken(third);
    for (const body of [created.body, second.body]) {
      assert.equal((await call(third.url, userPath(`auth0|${body._id}`), { token: admin })).status, 200);
    }
    assert.equal((await call(third.url, userPath('auth0|torn'), { token: admin })).status, 404);
    const fourth = await signup(third);
    assert.equal(fourth.status, 200);
    await third.stop();
    assert.doesNotThrow(() => readFileSync(join(tenant.dataDir, 'snapshot.json'), 'utf8'));
    const last = await startTenant({ dataDir: tenant.dataDir });
    const lastAdmin = await adminToken(last);
    assert.equal((await call(last.url, userPath(`auth0|${fourth.body._id}`), { token: lastAdmin })).status, 200);
    await last.stop();
  } finally {
    await third.stop();
  }
});

test('a write that triggers a snapshot is in it (snapshot after every record)', async () => {
  const dataDir = join(tempDir('compact'), 'data');
  const options = { config: { storage: { compactEvery: 1 } }, dataDir };
  const tenant = await startTenant(options);
  const created = await signup(tenant);
  const tokens = await login(tenant, { username: created.email, scope: 'openid offline_access' });
  tenant.child.kill('SIGKILL');
  await tenant.exited;
  const again = await startTenant(options);
  try {
    const admin = await adminToken(again);
    assert.equal((await call(again.url, userPath(`auth0|${created.body._id}`), { token: admin })).status, 200);
    const refreshed = await call(again.url, '/oauth/token', {
      method: 'POST', json: { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: tokens.body.refresh_token },
    });
    assert.equal(refreshed.status, 200);
  } finally {
    await again.stop();
  }
});
