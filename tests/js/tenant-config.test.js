// --config FILE and the programmatic API: docs/tenant.md's defaults, seed users, per-client
// claims, config errors; createTenant() from dist/tenant.js.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createTenant } from '../../dist/tenant.js';
import { ADMIN, ADMIN_SECRET, call, CLI, CONNECTION, decodePayload, login, CLIENT_ID, startTenant, tempDir, userPath } from './support/tenant.js';

const seeded = {
  email: 'seed@example.com',
  password: 'Seed-Passw0rd',
  given_name: 'Seedy',
  user_metadata: { theme: 'dark', prefs: { beta: true } },
  app_metadata: { plan: 'gold' },
};

test('defaults: the SPA, the machine client with its secret, one connection', async () => {
  const tenant = await startTenant();
  try {
    const machine = await call(tenant.url, '/oauth/token', {
      method: 'POST', json: { grant_type: 'client_credentials', client_id: ADMIN, client_secret: ADMIN_SECRET, audience: tenant.managementAudience },
    });
    assert.equal(machine.status, 200);
    const signup = await call(tenant.url, '/dbconnections/signup', {
      method: 'POST', json: { client_id: CLIENT_ID, connection: CONNECTION, email: 'd@example.com', password: 'Str0ng-Passw0rd' },
    });
    assert.equal(signup.status, 200);
  } finally {
    await tenant.stop();
  }
});

test('seed users log in and carry their metadata; a restart neither duplicates nor resets them', async () => {
  const config = { users: [seeded] };
  const tenant = await startTenant({ config });
  let token;
  let userId;
  try {
    const tokens = await login(tenant, { username: seeded.email, password: seeded.password, audience: tenant.managementAudience });
    assert.equal(tokens.status, 200);
    token = tokens.body.access_token;
    userId = decodePayload(token).sub;
    const id = decodePayload(tokens.body.id_token);
    assert.equal(id.given_name, 'Seedy');
    assert.deepEqual(id['https://metalock.dev/user_metadata'], seeded.user_metadata);
    assert.deepEqual(id['https://metalock.dev/app_metadata'], seeded.app_metadata);
    const patched = await call(tenant.url, userPath(userId), { method: 'PATCH', token, json: { user_metadata: { theme: 'light' } } });
    assert.equal(patched.status, 200);
  } finally {
    await tenant.stop();
  }
  const again = await startTenant({ config, dataDir: tenant.dataDir });
  try {
    const tokens = await login(again, { username: seeded.email, password: seeded.password, audience: again.managementAudience });
    assert.equal(decodePayload(tokens.body.access_token).sub, userId, 'the same user, not a second one');
    const user = await call(again.url, userPath(userId), { token: tokens.body.access_token });
    assert.deepEqual(user.body.user_metadata, { theme: 'light', prefs: { beta: true } }, 'the change made after seeding stays');
    const duplicate = await call(again.url, '/dbconnections/signup', {
      method: 'POST', json: { client_id: CLIENT_ID, connection: CONNECTION, email: seeded.email, password: 'Str0ng-Passw0rd' },
    });
    assert.equal(duplicate.body.code, 'user_exists');
  } finally {
    await again.stop();
  }
});

test('a seed user may fix its user_id', async () => {
  const tenant = await startTenant({ config: { users: [{ ...seeded, user_id: 'auth0|5f0c0ffee0c0ffee0c0ffee0' }] } });
  try {
    const tokens = await login(tenant, { username: seeded.email, password: seeded.password });
    assert.equal(decodePayload(tokens.body.access_token).sub, 'auth0|5f0c0ffee0c0ffee0c0ffee0');
  } finally {
    await tenant.stop();
  }
});

test('per-client claim names come from the config', async () => {
  const config = {
    clients: [{ clientId: 'custom', type: 'spa', userMetadataClaim: 'https://example.com/um' }],
    users: [{ ...seeded }],
  };
  const tenant = await startTenant({ config });
  try {
    const tokens = await call(tenant.url, '/oauth/token', {
      method: 'POST', json: { grant_type: 'password', client_id: 'custom', username: seeded.email, password: seeded.password, scope: 'openid' },
    });
    const id = decodePayload(tokens.body.id_token);
    assert.deepEqual(id['https://example.com/um'], seeded.user_metadata);
    assert.equal(id['https://metalock.dev/user_metadata'], undefined);
    const profile = await call(tenant.url, '/userinfo', { token: tokens.body.access_token });
    assert.deepEqual(profile.body['https://example.com/um'], seeded.user_metadata);
  } finally {
    await tenant.stop();
  }
});

test('bad config files are refused with a message', () => {
  const cases = [
    ['not json', /not valid JSON/],
    [JSON.stringify([1]), /must be a JSON object/],
    [JSON.stringify({ connections: [{ name: 'db', passwordPolicy: 'strong' }] }), /passwordPolicy must be one of none, low, fair, good, excellent/],
    [JSON.stringify({ clients: [{ clientId: 'm', type: 'machine' }] }), /needs a secret/],
    [JSON.stringify({ rateLimits: { token: { limit: -1, windowSeconds: 60 } } }), /rateLimits\.token/],
  ];
  for (const [content, message] of cases) {
    const file = join(tempDir('badconfig'), 'config.json');
    writeFileSync(file, content);
    const result = spawnSync(process.execPath, [CLI, '--port', '0', '--data', tempDir(), '--config', file], { encoding: 'utf8' });
    assert.equal(result.status, 2, content);
    assert.match(result.stderr, message);
  }
  const seedFile = join(tempDir('badseed'), 'config.json');
  writeFileSync(seedFile, JSON.stringify({ users: [{ email: 'x@example.com' }] }));
  const seed = spawnSync(process.execPath, [CLI, '--port', '0', '--data', tempDir(), '--config', seedFile], { encoding: 'utf8' });
  assert.equal(seed.status, 1);
  assert.match(seed.stderr, /users\[0\] needs an email and a password/);
});

test('createTenant() from dist/tenant.js: {url, close()}', async () => {
  const tenant = await createTenant({ port: 0, dataDir: join(tempDir('api'), 'data'), config: { users: [seeded] } });
  try {
    assert.match(tenant.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(tenant.issuer, `${tenant.url}/`);
    assert.equal(tenant.managementAudience, `${tenant.url}/api/v2/`);
    const tokens = await login(tenant, { username: seeded.email, password: seeded.password, scope: 'openid' });
    assert.equal(tokens.status, 200);
  } finally {
    await tenant.close();
  }
  await assert.rejects(fetch(`${tenant.url}/.well-known/jwks.json`));
});
