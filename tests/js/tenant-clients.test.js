// Application metadata: clients in --config carry client_metadata (held to Auth0's rules by
// the core at start), GET / PATCH /api/v2/clients/{id} with read:clients / update:clients and
// Auth0's update semantics (merge by key, null deletes, {} clears, limits on the result).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ADMIN, ADMIN_SECRET, adminToken, call, CLI, CLIENT_ID, startTenant, tempDir } from './support/tenant.js';

const clients = [
  { clientId: CLIENT_ID, type: 'spa', client_metadata: { homepage: 'https://app.example.com', tier: 'gold' } },
  { clientId: ADMIN, type: 'machine', secret: ADMIN_SECRET },
];
let tenant;
let admin;
before(async () => {
  tenant = await startTenant({ config: { clients } });
  admin = await adminToken(tenant);
});
after(() => tenant?.stop());

const path = (id) => `/api/v2/clients/${encodeURIComponent(id)}`;
const patch = (id, token, json) => call(tenant.url, path(id), { method: 'PATCH', token, json });

test('GET shows the configured client_metadata, never the secret', async () => {
  const spa = await call(tenant.url, path(CLIENT_ID), { token: admin });
  assert.equal(spa.status, 200);
  assert.equal(spa.body.client_id, CLIENT_ID);
  assert.deepEqual(spa.body.client_metadata, { homepage: 'https://app.example.com', tier: 'gold' });
  const machine = await call(tenant.url, path(ADMIN), { token: admin });
  assert.deepEqual(machine.body.client_metadata, {});
  assert.ok(!machine.text.includes(ADMIN_SECRET));
});

test('PATCH merges client_metadata by key; null deletes; {} clears', async () => {
  const merged = await patch(CLIENT_ID, admin, { client_metadata: { tier: 'silver', region: 'eu' } });
  assert.equal(merged.status, 200);
  assert.deepEqual(merged.body.client_metadata, { homepage: 'https://app.example.com', tier: 'silver', region: 'eu' });
  const deleted = await patch(CLIENT_ID, admin, { client_metadata: { region: null } });
  assert.deepEqual(deleted.body.client_metadata, { homepage: 'https://app.example.com', tier: 'silver' });
  assert.deepEqual((await call(tenant.url, path(CLIENT_ID), { token: admin })).body.client_metadata, deleted.body.client_metadata);
  const cleared = await patch(ADMIN, admin, { client_metadata: {} });
  assert.deepEqual(cleared.body.client_metadata, {});
});

test("PATCH refuses what Auth0 refuses, and changes nothing then", async () => {
  const before = (await call(tenant.url, path(CLIENT_ID), { token: admin })).body.client_metadata;
  const cases = [
    [{ client_metadata: { count: 3 } }, 'client_metadata.count'],
    [{ client_metadata: { 'a.b': 'x' } }, 'client_metadata.a.b'],
    [{ client_metadata: { k: 'v'.repeat(256) } }, 'client_metadata.k'],
    [{ client_metadata: Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`k${i}`, 'v'])) }, 'client_metadata'],
  ];
  for (const [body, property] of cases) {
    const refused = await patch(CLIENT_ID, admin, body);
    assert.equal(refused.status, 400, JSON.stringify(body));
    assert.equal(refused.body.errorCode, 'invalid_body');
    assert.ok(refused.body.message.endsWith(`on property ${property}.`), refused.body.message);
  }
  const unknown = await patch(CLIENT_ID, admin, { client_secret: 'x' });
  assert.equal(unknown.status, 400);
  assert.deepEqual((await call(tenant.url, path(CLIENT_ID), { token: admin })).body.client_metadata, before);
});

test('scopes: read:clients to read, update:clients to patch; unknown client 404', async () => {
  const usersOnly = await adminToken(tenant, 'read:users update:users');
  const read = await call(tenant.url, path(CLIENT_ID), { token: usersOnly });
  assert.equal(read.status, 403);
  assert.equal(read.body.message, 'Insufficient scope, expected any of: read:clients');
  const readOnly = await adminToken(tenant, 'read:clients');
  assert.equal((await call(tenant.url, path(CLIENT_ID), { token: readOnly })).status, 200);
  const write = await patch(CLIENT_ID, readOnly, { client_metadata: { a: 'b' } });
  assert.equal(write.status, 403);
  assert.equal(write.body.errorCode, 'insufficient_scope');
  const missing = await call(tenant.url, path('no-such-client'), { token: admin });
  assert.equal(missing.status, 404);
  assert.equal(missing.body.errorCode, 'inexistent_client');
});

test('a --config client whose client_metadata breaks the rules stops the tenant at start', () => {
  const file = join(tempDir('config'), 'config.json');
  writeFileSync(file, JSON.stringify({ clients: [{ clientId: 'x', client_metadata: { n: 1 } }] }));
  const started = spawnSync(process.execPath, [CLI, '--port', '0', '--data', tempDir(), '--config', file], { encoding: 'utf8', timeout: 20000 });
  assert.notEqual(started.status, 0);
  assert.match(started.stderr, /clients\[0\]\.client_metadata\.n/);
});
