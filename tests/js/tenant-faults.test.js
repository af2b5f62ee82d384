// Fault injection (off by default): a share of 429s, 5xx, dropped connections, latency.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { call, withTenant } from './support/tenant.js';

test('off by default: 50 requests, no fault', () => withTenant({}, async (tenant) => {
  const results = await Promise.all(Array.from({ length: 50 }, () => call(tenant.url, '/.well-known/jwks.json')));
  assert.ok(results.every((r) => r.status === 200));
}));

test('error429: 1 answers every request with the API\'s 429 body', () => withTenant({ faults: { error429: 1 } }, async (tenant) => {
  const auth = await call(tenant.url, '/oauth/token', { method: 'POST', json: {} });
  assert.equal(auth.status, 429);
  assert.deepEqual(auth.body, { error: 'too_many_requests', error_description: 'Global limit has been reached' });
  const management = await call(tenant.url, '/api/v2/users/x');
  assert.equal(management.status, 429);
  assert.equal(management.body.errorCode, 'too_many_requests');
}));

test('error5xx from the config file: 503s', () => withTenant({ config: { faults: { error5xx: 1 } } }, async (tenant) => {
  const response = await call(tenant.url, '/userinfo');
  assert.equal(response.status, 503);
  assert.equal(response.body.error, 'temporarily_unavailable');
  const management = await call(tenant.url, '/api/v2/users/x');
  assert.equal(management.status, 503);
  assert.equal(management.body.error, 'Service Unavailable');
}));

test('drop: 1 closes the connection without a response', () => withTenant({ faults: { drop: 1 } }, async (tenant) => {
  await assert.rejects(fetch(`${tenant.url}/.well-known/jwks.json`), TypeError);
}));

test('latencyMs delays responses', () => withTenant({ faults: { latencyMs: 300 } }, async (tenant) => {
  const started = performance.now();
  const response = await call(tenant.url, '/.well-known/jwks.json');
  assert.equal(response.status, 200);
  assert.ok(performance.now() - started >= 290);
}));

test('a share with a seed gives a reproducible mix', async () => {
  const run = () => withTenant({ faults: { error5xx: 0.5, seed: 7 } }, async (tenant) => {
    const statuses = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await call(tenant.url, '/.well-known/jwks.json')).status);
    run.results.push(statuses);
  });
  run.results = [];
  await run();
  await run();
  const [first, second] = run.results;
  assert.deepEqual(first, second);
  assert.ok(first.includes(200) && first.includes(503), first.join(','));
});
