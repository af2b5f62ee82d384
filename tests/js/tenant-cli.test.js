// The metalock-tenant command: first stdout line, start-up time, flags, clean shutdown,
// and no secret in its output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CLI, call, login, signup, startTenant, PASSWORD, tempDir, USER_SCOPES } from './support/tenant.js';

test('prints "listening on http://127.0.0.1:PORT" first and is ready in under a second', async () => {
  const tenant = await startTenant();
  try {
    assert.match(tenant.stdout[0], /^listening on http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(tenant.startupMs < 1000, `started in ${tenant.startupMs.toFixed(0)} ms`);
    const discovery = await call(tenant.url, '/.well-known/openid-configuration');
    assert.equal(discovery.status, 200);
    // The very first request may wait for the key generated on first start; still quick.
    const jwks = await call(tenant.url, '/.well-known/jwks.json');
    assert.equal(jwks.status, 200);
  } finally {
    await tenant.stop();
  }
});

test('a restart on the same data folder is ready in under a second too', async () => {
  const first = await startTenant();
  await first.stop();
  const second = await startTenant({ dataDir: first.dataDir });
  try {
    assert.ok(second.startupMs < 1000, `started in ${second.startupMs.toFixed(0)} ms`);
  } finally {
    await second.stop();
  }
});

for (const signal of ['SIGTERM', 'SIGINT']) {
  test(`${signal} closes it cleanly (exit code 0)`, async () => {
    const tenant = await startTenant();
    const { code } = await tenant.stop(signal);
    assert.equal(code, 0);
    assert.equal(tenant.stderr(), '');
  });
}

test('--help prints the usage and exits 0', () => {
  const result = spawnSync(process.execPath, [CLI, '--help'], { encoding: 'utf8' });
  assert.equal(result.status, 0);
  assert.match(result.stdout, /usage: metalock-tenant/);
});

test('bad flags and bad config exit non-zero with a message', () => {
  const unknown = spawnSync(process.execPath, [CLI, '--nope'], { encoding: 'utf8' });
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /metalock-tenant: .*nope/);

  const port = spawnSync(process.execPath, [CLI, '--port', 'abc'], { encoding: 'utf8' });
  assert.equal(port.status, 2);
  assert.match(port.stderr, /--port/);

  const missing = spawnSync(process.execPath, [CLI, '--port', '0', '--data', tempDir(), '--config', '/nonexistent.json'], { encoding: 'utf8' });
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read/);
});

test('a port in use is reported, not ignored', async () => {
  const tenant = await startTenant();
  try {
    const port = new URL(tenant.url).port;
    const clash = spawnSync(process.execPath, [CLI, '--port', port, '--data', tempDir()], { encoding: 'utf8', timeout: 10000 });
    assert.equal(clash.status, 1);
    assert.match(clash.stderr, /EADDRINUSE/);
  } finally {
    await tenant.stop();
  }
});

test('--verbose logs method, path and status, never a password or a token', async () => {
  const tenant = await startTenant({ extraArgs: ['--verbose'] });
  try {
    const created = await signup(tenant);
    const tokens = await login(tenant, { username: created.email, scope: `${USER_SCOPES} offline_access`, audience: tenant.managementAudience });
    assert.equal(tokens.status, 200);
    await call(tenant.url, '/userinfo', { token: tokens.body.access_token });
    await tenant.stop();
    const output = tenant.stdout.join('\n') + tenant.stderr();
    assert.match(tenant.stderr(), /POST \/oauth\/token 200/);
    assert.match(tenant.stderr(), /GET \/userinfo 200/);
    for (const secret of [PASSWORD, tokens.body.access_token, tokens.body.id_token, tokens.body.refresh_token]) {
      assert.ok(!output.includes(secret), 'a secret appeared in the output');
    }
  } finally {
    await tenant.stop();
  }
});

test('a second tenant on the same data folder is refused; a dead one\'s lock is taken over', async () => {
  const tenant = await startTenant();
  try {
    const clash = spawnSync(process.execPath, [CLI, '--port', '0', '--data', tenant.dataDir], { encoding: 'utf8', timeout: 10000 });
    assert.equal(clash.status, 1);
    assert.match(clash.stderr, /in use by another tenant \(pid \d+\)/);
  } finally {
    tenant.child.kill('SIGKILL');
    await tenant.exited;
  }
  const again = await startTenant({ dataDir: tenant.dataDir });
  await again.stop();
});
