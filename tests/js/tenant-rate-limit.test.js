// Rate limits: X-RateLimit-* headers on responses, per-endpoint-group limits from the
// config, and 429 with each API's body once a limit is used up.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adminToken, call, startTenant } from './support/tenant.js';

let tenant;
before(async () => {
  tenant = await startTenant({
    config: {
      rateLimits: {
        discovery: { limit: 3, windowSeconds: 60 },
        users: { limit: 2, windowSeconds: 60 },
        userinfo: { limit: 1, windowSeconds: 2 },
      },
    },
  });
});
after(() => tenant.stop());

test('headers count down; the 4th discovery request is 429 with the Authentication API body', async () => {
  const seen = [];
  for (let i = 0; i < 4; i += 1) seen.push(await call(tenant.url, '/.well-known/openid-configuration'));
  assert.deepEqual(seen.map((r) => r.status), [200, 200, 200, 429]);
  assert.deepEqual(seen.map((r) => r.headers.get('x-ratelimit-limit')), ['3', '3', '3', '3']);
  assert.deepEqual(seen.map((r) => r.headers.get('x-ratelimit-remaining')), ['2', '1', '0', '0']);
  const reset = Number(seen[0].headers.get('x-ratelimit-reset'));
  const now = Date.now() / 1000;
  assert.ok(reset > now && reset <= now + 61, `reset ${reset} is epoch seconds within the window`);
  assert.deepEqual(seen[3].body, { error: 'too_many_requests', error_description: 'Global limit has been reached' });
});

test('Management API 429 body; other groups are counted apart', async () => {
  const token = await adminToken(tenant);
  const path = '/api/v2/users/auth0%7C000000000000000000000000';
  const statuses = [];
  for (let i = 0; i < 3; i += 1) statuses.push(await call(tenant.url, path, { token }));
  assert.deepEqual(statuses.map((r) => r.status), [404, 404, 429]);
  assert.deepEqual(statuses[2].body, { statusCode: 429, error: 'Too Many Requests', message: 'Global limit has been reached', errorCode: 'too_many_requests' });
  const defaults = await call(tenant.url, '/oauth/token', { method: 'POST', json: {} });
  assert.equal(defaults.headers.get('x-ratelimit-limit'), '10000', 'ungrouped endpoints use the default limit');
});

test('a window starts over after its reset time', async () => {
  const first = await call(tenant.url, '/userinfo');
  assert.equal(first.status, 401);
  const limited = await call(tenant.url, '/userinfo');
  assert.equal(limited.status, 429);
  const waitMs = Number(limited.headers.get('x-ratelimit-reset')) * 1000 - Date.now() + 50;
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, waitMs)));
  const again = await call(tenant.url, '/userinfo');
  assert.equal(again.status, 401);
});
