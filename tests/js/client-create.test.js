// createClient: option checks (before anything loads or is sent) and the domain forms.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClient, MetalockError } from '../../dist/metalock.node.js';

const valid = { domain: 'http://127.0.0.1:3000', clientId: 'metalock-demo' };

async function rejectsWith(options, code, field) {
  await assert.rejects(createClient(options), (error) => {
    assert.ok(error instanceof MetalockError, `expected a MetalockError, got ${error}`);
    assert.equal(error.code, code);
    if (field) assert.equal(error.field, field);
    return true;
  });
}

test('a client is created from a loopback domain and from a bare tenant domain', async () => {
  for (const domain of ['http://127.0.0.1:3000', 'http://127.0.0.1:3000/', 'tenant.example.com', 'https://tenant.example.com']) {
    const client = await createClient({ ...valid, domain });
    for (const method of ['signup', 'login', 'getUserInfo', 'getUser', 'updateUserMetadata', 'logout']) {
      assert.equal(typeof client[method], 'function', method);
    }
  }
});

test('missing or mistyped required options are invalid_argument', async () => {
  await rejectsWith(undefined, 'invalid_argument');
  await rejectsWith('tenant.example.com', 'invalid_argument');
  await rejectsWith({ clientId: 'x' }, 'invalid_argument', 'domain');
  await rejectsWith({ domain: 'tenant.example.com' }, 'invalid_argument', 'clientId');
  await rejectsWith({ ...valid, clientId: '' }, 'invalid_argument', 'clientId');
  await rejectsWith({ ...valid, domain: 42 }, 'invalid_argument', 'domain');
});

test('optional options are checked too', async () => {
  await rejectsWith({ ...valid, scope: ['openid'] }, 'invalid_argument', 'scope');
  await rejectsWith({ ...valid, leeway: -1 }, 'invalid_argument', 'leeway');
  await rejectsWith({ ...valid, leeway: '60' }, 'invalid_argument', 'leeway');
  await rejectsWith({ ...valid, timeoutMs: 0 }, 'invalid_argument', 'timeoutMs');
  await rejectsWith({ ...valid, fetch: 'fetch' }, 'invalid_argument', 'fetch');
  await rejectsWith({ ...valid, cacheLocation: 'cookies' }, 'invalid_argument', 'cacheLocation');
  await rejectsWith({ ...valid, cacheLocation: { get() {}, set() {} } }, 'invalid_argument', 'cacheLocation');
  await rejectsWith({ ...valid, retry: { maxRetries: 1.5 } }, 'invalid_argument', 'retry.maxRetries');
});

test('a domain with a path is refused by the core', async () => {
  await rejectsWith({ ...valid, domain: 'https://tenant.example.com/some/path' }, 'invalid_argument');
});

test('every cacheLocation form is accepted', async () => {
  const store = new Map();
  for (const cacheLocation of ['memory', 'localstorage', 'sessionstorage',
    { get: (k) => store.get(k), set: (k, v) => store.set(k, v), remove: (k) => store.delete(k) }]) {
    await createClient({ ...valid, cacheLocation });
  }
});

test('http:// is for loopback hosts only: anything else is invalid_argument saying why', async () => {
  for (const domain of ['http://anything', 'http://tenant.auth0.com', 'http://10.0.0.7:3000', 'http://localhost.evil.com',
    'http://127.0.0.1.nip.io']) {
    await assert.rejects(createClient({ ...valid, domain }), (error) => {
      assert.equal(error.code, 'invalid_argument', domain);
      assert.equal(error.field, 'domain');
      assert.match(error.description, /loopback/);
      assert.match(error.description, /https:\/\//);
      return true;
    });
  }
  for (const domain of ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://127.1.2.3', 'http://[::1]:3000']) {
    await createClient({ ...valid, domain });
  }
});
