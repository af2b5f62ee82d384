// The transport against the real tenant: 429 handling (X-RateLimit-Reset, Retry-After,
// bounded retries, a cap on the wait), retries of idempotent requests only, timeouts and
// network errors, each ending as a MetalockError with a code.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { MetalockError } from '../../dist/metalock.js';
import { clientFor, newUser } from './support/session.js';
import { CONNECTION, recordingFetch, startTenant } from './support/tenant.js';

const statuses = (recorder, path) => recorder.requests.filter((r) => r.path === path).map((r) => r.status);

function isError(code, statusCode) {
  return (error) => {
    assert.ok(error instanceof MetalockError, `expected a MetalockError, got ${error?.stack ?? error}`);
    assert.equal(error.code, code, `${error.code}: ${error.description}`);
    assert.equal(error.statusCode, statusCode);
    return true;
  };
}

// A tenant whose /userinfo and /oauth/token allow one request per window.
let tenant;
before(async () => {
  tenant = await startTenant({
    config: { rateLimits: { userinfo: { limit: 1, windowSeconds: 1 }, token: { limit: 1, windowSeconds: 1 } } },
  });
});
after(() => tenant?.stop());

async function loggedIn(target, options = {}) {
  const recorder = recordingFetch();
  const client = await clientFor(target, { fetch: recorder.fetch, ...options });
  const { email, password } = await newUser(client);
  const auth = await client.login({ username: email, password, realm: CONNECTION });
  recorder.reset();
  return { client, auth, recorder, email, password };
}

test('a 429 waits for X-RateLimit-Reset and then succeeds', async () => {
  const { client, auth, recorder } = await loggedIn(tenant);
  await client.getUserInfo();
  const started = Date.now();
  const profile = await client.getUserInfo();
  assert.equal(profile.sub, auth.idTokenPayload.sub);
  const seen = statuses(recorder, '/userinfo');
  assert.ok(seen.includes(429), `a 429 was met: ${seen}`);
  assert.equal(seen.at(-1), 200);
  assert.ok(Date.now() - started < 3000, 'waited about one window, not more');
});

test('login is retried after a 429 too: the server did not act on it', async () => {
  const { client, email, password, recorder } = await loggedIn(tenant);
  // One token request per window: of two logins at once, one meets a 429 and waits.
  const results = await Promise.all([1, 2].map(() => client.login({ username: email, password, realm: CONNECTION })));
  for (const auth of results) assert.equal(typeof auth.accessToken, 'string');
  const seen = statuses(recorder, '/oauth/token');
  assert.ok(seen.includes(429), `${seen}`);
  assert.equal(seen.filter((status) => status === 200).length, 2);
});

test('a wait longer than maxWaitMs fails at once with too_many_requests', async () => {
  const slow = await startTenant({ config: { rateLimits: { userinfo: { limit: 1, windowSeconds: 30 } } } });
  try {
    const { client, recorder } = await loggedIn(slow, { retry: { maxWaitMs: 1000 } });
    await client.getUserInfo();
    const started = Date.now();
    await assert.rejects(client.getUserInfo(), (error) => {
      isError('too_many_requests', 429)(error);
      assert.equal(error.description, 'Global limit has been reached');
      return true;
    });
    assert.ok(Date.now() - started < 1000);
    assert.deepEqual(statuses(recorder, '/userinfo'), [200, 429]);
  } finally {
    await slow.stop();
  }
});

test('429 retries are bounded by maxRetries', async () => {
  const closed = await startTenant({ config: { rateLimits: { userinfo: { limit: 0, windowSeconds: 1 } } } });
  try {
    const recorder = recordingFetch();
    const client = await clientFor(closed, { fetch: recorder.fetch, retry: { maxRetries: 2 } });
    await assert.rejects(client.getUserInfo('any-token'), isError('too_many_requests', 429));
    assert.deepEqual(statuses(recorder, '/userinfo'), [429, 429, 429]);
  } finally {
    await closed.stop();
  }
});

test('Retry-After (seconds) is honoured', async () => {
  // A real HTTP hop in front of the tenant that answers the first /userinfo with a 429 and
  // Retry-After, as some Auth0 endpoints and proxies do, and forwards everything else.
  let refused = 0;
  const proxy = createServer(async (req, res) => {
    if (req.url === '/userinfo' && refused === 0) {
      refused += 1;
      res.writeHead(429, { 'Content-Type': 'application/json', 'Retry-After': '1' });
      res.end(JSON.stringify({ error: 'too_many_requests', error_description: 'slow down' }));
      return;
    }
    const chunks = [];
    for await (const chunk of req) chunks.push(chunk);
    const upstream = await fetch(`${tenant.url}${req.url}`, {
      method: req.method,
      headers: { authorization: req.headers.authorization ?? '', 'content-type': req.headers['content-type'] ?? 'application/json' },
      body: chunks.length ? Buffer.concat(chunks) : undefined,
    });
    res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'text/plain' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  });
  proxy.listen(0, '127.0.0.1');
  await once(proxy, 'listening');
  try {
    const { auth } = await loggedIn(tenant);
    const recorder = recordingFetch();
    const client = await clientFor({ url: `http://127.0.0.1:${proxy.address().port}` }, { fetch: recorder.fetch });
    const started = Date.now();
    const profile = await client.getUserInfo(auth.accessToken);
    assert.equal(profile.sub, auth.idTokenPayload.sub);
    assert.deepEqual(statuses(recorder, '/userinfo'), [429, 200]);
    assert.ok(Date.now() - started >= 950, 'waited the second it was asked to');
  } finally {
    proxy.close();
  }
});

test('5xx: GET is retried with backoff, login is not', async () => {
  const faulty = await startTenant({ config: { faults: { error5xx: 1 } } });
  try {
    const recorder = recordingFetch();
    const client = await clientFor(faulty, { fetch: recorder.fetch, retry: { maxRetries: 2, backoffMs: 5 } });
    await assert.rejects(client.getUserInfo('any-token'), (error) => error instanceof MetalockError && error.statusCode === 503);
    assert.deepEqual(statuses(recorder, '/userinfo'), [503, 503, 503]);
    await assert.rejects(client.login({ username: 'a@example.com', password: 'Whatever-123', realm: CONNECTION }),
      (error) => error instanceof MetalockError && error.statusCode === 503);
    assert.deepEqual(statuses(recorder, '/oauth/token'), [503]);
  } finally {
    await faulty.stop();
  }
});

test('a dropped connection is network_error: GET retried, login not', async () => {
  const dropping = await startTenant({ config: { faults: { drop: 1 } } });
  try {
    const recorder = recordingFetch();
    const client = await clientFor(dropping, { fetch: recorder.fetch, retry: { maxRetries: 2, backoffMs: 5 } });
    await assert.rejects(client.getUserInfo('any-token'), isError('network_error', undefined));
    assert.equal(recorder.count('GET', '/userinfo'), 3);
    await assert.rejects(client.login({ username: 'a@example.com', password: 'Whatever-123', realm: CONNECTION }),
      isError('network_error', undefined));
    assert.equal(recorder.count('POST', '/oauth/token'), 1);
  } finally {
    await dropping.stop();
  }
});

test('nothing listening is network_error', async () => {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address();
  server.close();
  await once(server, 'close');
  const recorder = recordingFetch();
  const client = await clientFor({ url: `http://127.0.0.1:${port}` }, { fetch: recorder.fetch, retry: { maxRetries: 1, backoffMs: 5 } });
  await assert.rejects(client.getUserInfo('any-token'), (error) => {
    isError('network_error', undefined)(error);
    assert.ok(!error.description.includes('any-token'), 'no token in messages');
    return true;
  });
  assert.equal(recorder.requests.length, 2);
});

test('a slow answer is timeout: GET retried, login not', async () => {
  const slow = await startTenant({ config: { faults: { latencyMs: 600 } } });
  try {
    const recorder = recordingFetch();
    const client = await clientFor(slow, { fetch: recorder.fetch, timeoutMs: 100, retry: { maxRetries: 1, backoffMs: 5 } });
    const started = Date.now();
    await assert.rejects(client.getUserInfo('any-token'), isError('timeout', undefined));
    assert.equal(recorder.count('GET', '/userinfo'), 2);
    assert.ok(Date.now() - started < 500, 'gave up on each attempt after timeoutMs');
    await assert.rejects(client.login({ username: 'a@example.com', password: 'Whatever-123', realm: CONNECTION }),
      isError('timeout', undefined));
    assert.equal(recorder.count('POST', '/oauth/token'), 1);
  } finally {
    await slow.stop();
  }
});

test('the timeout holds even for a custom fetch that ignores the abort signal', async () => {
  const slow = await startTenant({ config: { faults: { latencyMs: 800 } } });
  try {
    const deaf = (url, { signal, ...init }) => fetch(url, init);   // drops the signal
    const client = await clientFor(slow, { fetch: deaf, timeoutMs: 100, retry: { maxRetries: 0 } });
    const started = Date.now();
    await assert.rejects(client.getUserInfo('any-token'), isError('timeout', undefined));
    assert.ok(Date.now() - started < 500);
  } finally {
    await slow.stop();
  }
});
