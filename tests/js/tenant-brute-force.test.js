// Auth0's brute-force protection: 10 consecutive failed logins block that user from that IP
// (429 too_many_attempts, Auth0's wording), even with the right password; other IPs are not
// blocked; a success ends a run of failures; a password change or the block's expiry lifts it.
// The SDK reports the block at once, without retrying it like a rate limit.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { clientFor } from './support/session.js';
import {
  CONNECTION, PASSWORD, PASSWORD_REALM, CLIENT_ID, adminToken, call, login, recordingFetch, signup, sleep, startTenant, userPath,
} from './support/tenant.js';

const BLOCKED = "Your account has been blocked after multiple consecutive login attempts. We've sent you an email with instructions on how to unblock it.";

let tenant;
before(async () => {
  tenant = await startTenant();
});
after(() => tenant.stop());

async function newUser() {
  const created = await signup(tenant);
  assert.equal(created.status, 200);
  return created.email;
}

async function failTimes(email, times) {
  for (let i = 0; i < times; i += 1) {
    const response = await login(tenant, { username: email, password: 'wrong-password' });
    assert.equal(response.status, 403, `failure ${i + 1} is Wrong email or password`);
  }
}

// A password-realm login whose TCP connection leaves from another loopback address.
function loginFrom(localAddress, email) {
  const body = JSON.stringify({ grant_type: PASSWORD_REALM, client_id: CLIENT_ID, username: email, password: PASSWORD, realm: CONNECTION });
  const { port } = new URL(tenant.url);
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port, path: '/oauth/token', method: 'POST', localAddress,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) },
    }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('ten failures block the right password from that IP, with Auth0\'s error', async () => {
  const email = await newUser();
  await failTimes(email, 10);
  const blocked = await login(tenant, { username: email });
  assert.equal(blocked.status, 429);
  assert.deepEqual(blocked.body, { error: 'too_many_attempts', error_description: BLOCKED });
  assert.equal(await loginFrom('127.0.0.2', email), 200, 'another IP is not blocked');
});

test('nine failures and a success start the count over', async () => {
  const email = await newUser();
  await failTimes(email, 9);
  assert.equal((await login(tenant, { username: email })).status, 200);
  await failTimes(email, 9);
  assert.equal((await login(tenant, { username: email })).status, 200);
});

test('unknown users are blocked the same way (a block does not tell who exists)', async () => {
  const email = `nobody-${Date.now()}@example.com`;
  await failTimes(email, 10);
  const blocked = await login(tenant, { username: email });
  assert.equal(blocked.status, 429);
  assert.equal(blocked.body.error, 'too_many_attempts');
});

test('a password change through the Management API lifts the block', async () => {
  const created = await signup(tenant);
  await failTimes(created.email, 10);
  assert.equal((await login(tenant, { username: created.email })).status, 429);
  const changed = await call(tenant.url, userPath(`auth0|${created.body._id}`), {
    method: 'PATCH', token: await adminToken(tenant), json: { password: 'N3w-Passw0rd!x', connection: CONNECTION },
  });
  assert.equal(changed.status, 200, changed.text);
  assert.equal((await login(tenant, { username: created.email, password: 'N3w-Passw0rd!x' })).status, 200);
});

test('a block expires after bruteForceProtection.blockSeconds', async () => {
  // The tenant's clock counts whole seconds, so a 1 s block may end a moment after it began (when
  // the second turns between the third failure and the next try): 2 s keeps it until the try.
  const short = await startTenant({ config: { bruteForceProtection: { maxAttempts: 3, blockSeconds: 2 } } });
  try {
    const created = await signup(short);
    for (let i = 0; i < 3; i += 1) await login(short, { username: created.email, password: 'wrong-password' });
    assert.equal((await login(short, { username: created.email })).status, 429);
    await sleep(2100);   // past the second in which the block turns two seconds old
    assert.equal((await login(short, { username: created.email })).status, 200);
  } finally {
    await short.stop();
  }
});

test('the SDK reports a blocked login once, as too_many_attempts, without retrying it', async () => {
  const email = await newUser();
  await failTimes(email, 10);
  const recorder = recordingFetch();
  const client = await clientFor(tenant, { fetch: recorder.fetch });
  await assert.rejects(client.login({ username: email, password: PASSWORD, realm: CONNECTION }), (error) => {
    assert.equal(error.name, 'MetalockError');
    assert.equal(error.code, 'too_many_attempts');
    assert.equal(error.statusCode, 429);
    return true;
  });
  assert.equal(recorder.count('POST', '/oauth/token'), 1);
});
