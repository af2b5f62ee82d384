// A full data disk: the tenant answers 503 in Auth0's shape, changes nothing it did not
// store, keeps every write it acknowledged (also across a restart on the still-full disk), and
// takes writes again once there is room. The disk is a small tmpfs, so this needs root (as
// `npm test` runs here and in CI); elsewhere it is skipped with the reason.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { adminToken, call, signup, startTenant, tempDir, userPath } from './support/tenant.js';

const mountPoint = join(tempDir('disk-full'), 'disk');
mkdirSync(mountPoint, { recursive: true });
const mount = (options) => spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', mountPoint], { encoding: 'utf8' });
const mounted = mount('size=256k');
let tenant;
after(async () => {
  await tenant?.stop();
  if (mounted.status === 0) spawnSync('umount', [mountPoint]);
});

test('a full disk: 503 in each API\'s shape, acknowledged writes kept across a restart, writes again once there is room',
  { skip: mounted.status !== 0 && `cannot mount a tmpfs here (${mounted.stderr.trim()}): needs root` }, async () => {
    const dataDir = join(mountPoint, 'data');
    const port = ['--port', '0'];
    tenant = await startTenant({ dataDir, extraArgs: port, config: { storage: { compactEvery: 100000 } } });
    const created = await signup(tenant);
    assert.equal(created.status, 200);
    const userId = `auth0|${created.body._id}`;
    const token = await adminToken(tenant);

    const acknowledged = {};
    let refused;
    for (let i = 0; i < 200 && !refused; i += 1) {
      const key = `chunk${i}`;
      const value = String(i).padEnd(20000, '.');
      const response = await call(tenant.url, userPath(userId), { method: 'PATCH', token, json: { user_metadata: { [key]: value } } });
      if (response.status === 200) acknowledged[key] = value;
      else refused = { key, response };
    }
    assert.ok(refused, 'the disk filled up');
    assert.ok(Object.keys(acknowledged).length > 2);
    assert.equal(refused.response.status, 503);
    assert.deepEqual(Object.keys(refused.response.body).sort(), ['error', 'message', 'statusCode']);
    assert.equal(refused.response.body.error, 'Service Unavailable');

    // The refused change is not there; reads still work on the full disk.
    const read = await call(tenant.url, userPath(userId), { token });
    assert.equal(read.status, 200);
    assert.deepEqual(read.body.user_metadata, acknowledged);
    // Small records still fit for a while (a PATCH journals the whole user); signups until none does.
    let signupRefused;
    for (let i = 0; i < 2000 && !signupRefused; i += 1) {
      const response = await signup(tenant);
      if (response.status !== 200) signupRefused = response;
    }
    assert.equal(signupRefused?.status, 503);
    assert.equal(signupRefused.body.error, 'temporarily_unavailable');
    const tokenRefused = await call(tenant.url, '/oauth/token', { method: 'POST', json: { grant_type: 'password', client_id: 'metalock-demo', username: created.email, password: created.password } });
    assert.ok([200, 503].includes(tokenRefused.status), `a login journals its fields: 200 or 503, got ${tokenRefused.status}`);
    if (tokenRefused.status === 503) assert.equal(tokenRefused.body.error, 'temporarily_unavailable');

    // Restarted on the still-full disk: every acknowledged write is there.
    await tenant.stop();
    tenant = await startTenant({ dataDir, extraArgs: port, config: { storage: { compactEvery: 100000 } } });
    const again = await call(tenant.url, userPath(userId), { token: await adminToken(tenant) });
    assert.deepEqual(again.body.user_metadata, acknowledged);

    // Room again: the same write goes through.
    assert.equal(mount('remount,size=4m').status, 0);
    const retried = await call(tenant.url, userPath(userId), {
      method: 'PATCH', token: await adminToken(tenant), json: { user_metadata: { [refused.key]: 'fits now' } },
    });
    assert.equal(retried.status, 200);
    assert.equal(retried.body.user_metadata[refused.key], 'fits now');
  });
