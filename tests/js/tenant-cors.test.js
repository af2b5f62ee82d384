// CORS: any loopback origin by default, per-client allowed origins from the config,
// preflights that allow Auth0-Client, and the rate-limit headers exposed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startTenant } from './support/tenant.js';

let tenant;
before(async () => {
  tenant = await startTenant({
    config: { clients: [{ clientId: 'metalock-demo', type: 'spa', allowedOrigins: ['https://app.example.com'] }] },
  });
});
after(() => tenant.stop());

function preflight(origin, method = 'POST', headers = 'content-type,auth0-client') {
  return fetch(`${tenant.url}/oauth/token`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers },
  });
}

test('preflights from any loopback origin are allowed, Auth0-Client included', async () => {
  for (const origin of ['http://127.0.0.1:5173', 'http://localhost:3000', 'http://[::1]:8080', 'http://localhost']) {
    const response = await preflight(origin);
    assert.equal(response.status, 204, origin);
    assert.equal(response.headers.get('access-control-allow-origin'), origin);
    assert.match(response.headers.get('access-control-allow-methods'), /POST/);
    assert.match(response.headers.get('access-control-allow-methods'), /PATCH/);
    const allowed = response.headers.get('access-control-allow-headers').toLowerCase();
    for (const header of ['auth0-client', 'content-type', 'authorization']) assert.ok(allowed.includes(header), header);
    assert.ok(Number(response.headers.get('access-control-max-age')) > 0);
  }
});

test('an origin listed by a client is allowed; others are not', async () => {
  const listed = await preflight('https://app.example.com');
  assert.equal(listed.headers.get('access-control-allow-origin'), 'https://app.example.com');
  for (const origin of ['https://evil.example.com', 'http://127.0.0.1.evil.com', 'http://localhost.evil.com:80']) {
    const refused = await preflight(origin);
    assert.equal(refused.headers.get('access-control-allow-origin'), null, origin);
    assert.equal(refused.headers.get('access-control-allow-headers'), null);
  }
});

test('actual responses carry the origin and expose the rate-limit headers', async () => {
  const response = await fetch(`${tenant.url}/.well-known/jwks.json`, { headers: { Origin: 'http://localhost:5173' } });
  assert.equal(response.headers.get('access-control-allow-origin'), 'http://localhost:5173');
  assert.match(response.headers.get('vary'), /Origin/);
  const exposed = response.headers.get('access-control-expose-headers');
  for (const header of ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']) assert.ok(exposed.includes(header));
  const noOrigin = await fetch(`${tenant.url}/.well-known/jwks.json`);
  assert.equal(noOrigin.headers.get('access-control-allow-origin'), null);
});

test('loopback origins can be turned off by config', async () => {
  const strict = await startTenant({ config: { corsLoopback: false } });
  try {
    const response = await fetch(`${strict.url}/oauth/token`, {
      method: 'OPTIONS', headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'POST' },
    });
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  } finally {
    await strict.stop();
  }
});
