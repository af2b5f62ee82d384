// The transport against the real tenant: 429 handling (X-RateLimit-Reset, Retry-After,
// bounded retries, a cap on the wait), retries of idempotent requests only, timeouts and
// network errors, each ending as a MetalockError with a code. Asserted by codes, attempt
// counts and the recorded gap between attempts, never by how long a call took.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { once } from 'node:events';
import { after, before, test } from 'node:test';
import { MetalockError } from '../../dist/metalock.node.js';
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

let tenant;
before(async () => {
  tenant = await startTenant();
});
after(() => tenant?.stop());

// Slack for timers measured with Date.now() (a timer may fire a millisecond "early").
const CLOCK_SLACK_MS = 5;

// A fetch in front of the real one that, once refuse(times) is called, answers the next
// `times` requests to `path` with a 429 (the tenant's body, the headers `headers()` gives)
// and passes everything else to the tenant: the rate limit is met exactly where the test
// says, not where two calls happen to share a window. Records every attempt since refuse():
// {method, path, status, at (Date.now()), headers (of a 429)}.
function rateLimitingFetch({ path, headers }) {
  const attempts = [];
  let toRefuse = 0;
  const fetchImpl = async (url, init = {}) => {
    const attempt = { method: init.method ?? 'GET', path: new URL(String(url)).pathname, at: Date.now() };
    attempts.push(attempt);
    if (attempt.path === path && toRefuse > 0) {
      toRefuse -= 1;
      attempt.status = 429;
      attempt.headers = headers();
      const body = JSON.stringify({ error: 'too_many_requests', error_description: 'Global limit has been reached' });
      return new Response(body, { status: 429, headers: { 'Content-Type': 'application/json', ...attempt.headers } });
    }
    const response = await fetch(url, init);
    attempt.status = response.status;
    return response;
  };
  return {
    fetch: fetchImpl,
    attempts: (p) => attempts.filter((a) => a.path === p),
    refuse(times) {
      attempts.length = 0;
      toRefuse = times;
    },
  };
}

// X-RateLimit-Reset as Auth0 sends it: the epoch second the window resets, here the next one.
const resetNextSecond = () => ({ 'X-RateLimit-Reset': String(Math.floor(Date.now() / 1000) + 1) });

async function loggedIn(target, options = {}) {
  const recorder = recordingFetch();
  const client = await clientFor(target, { fetch: recorder.fetch, ...options });
  const { email, password } = await newUser(client);
  const auth = await client.login({ username: email, password, realm: CONNECTION });
  recorder.reset();
  return { client, auth, recorder, email, password };
}

test('a 429 waits for X-RateLimit-Reset and then succeeds', async () => {
  const limited = rateLimitingFetch({ path: '/userinfo', headers: resetNextSecond });
  const { client, auth } = await loggedIn(tenant, { fetch: limited.fetch });
  limited.refuse(2);
  const profile = await client.getUserInfo();
  assert.equal(profile.sub, auth.idTokenPayload.sub);
  const attempts = limited.attempts('/userinfo');
  assert.deepEqual(attempts.map((a) => a.status), [429, 429, 200]);
  // Each retry went out no earlier than the reset second the 429 before it named.
  for (let i = 1; i < attempts.length; i += 1) {
    const resetMs = Number(attempts[i - 1].headers['X-RateLimit-Reset']) * 1000;
    assert.ok(attempts[i].at >= resetMs - CLOCK_SLACK_MS, `attempt ${i + 1} at ${attempts[i].at}, reset at ${resetMs}`);
  }
});

test('login is retried after a 429 too: the server did not act on it', async () => {
  const limited = rateLimitingFetch({ path: '/oauth/token', headers: resetNextSecond });
  const { client, email, password } = await loggedIn(tenant, { fetch: limited.fetch });
  limited.refuse(1);
  const auth = await client.login({ username: email, password, realm: CONNECTION });
  assert.equal(typeof auth.accessToken, 'string');
  const [refused, accepted, ...more] = limited.attempts('/oauth/token');
  assert.deepEqual([refused.status, accepted.status, more.length], [429, 200, 0]);
  assert.ok(accepted.at >= Number(refused.headers['X-RateLimit-Reset']) * 1000 - CLOCK_SLACK_MS);
});

test('a wait longer than maxWaitMs fails at once with too_many_requests', async () => {
  const slow = await startTenant({ config: { rateLimits: { userinfo: { limit: 1, windowSeconds: 30 } } } });
  try {
    const { client, recorder } = await loggedIn(slow, { retry: { maxWaitMs: 1000 } });
    await client.getUserInfo();
    await assert.rejects(client.getUserInfo(), (error) => {
      isError('too_many_requests', 429)(error);
      assert.equal(error.description, 'Global limit has been reached');
      return true;
    });
    // The 429 asked for ~30 s: no second attempt was made.
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
  const received = [];   // Date.now() of each /userinfo the proxy got
  const proxy = createServer(async (req, res) => {
    if (req.url === '/userinfo') received.push(Date.now());
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
    const profile = await client.getUserInfo(auth.accessToken);
    assert.equal(profile.sub, auth.idTokenPayload.sub);
    assert.deepEqual(statuses(recorder, '/userinfo'), [429, 200]);
    assert.equal(received.length, 2);
    assert.ok(received[1] - received[0] >= 1000 - CLOCK_SLACK_MS, `waited the second it was asked to: ${received[1] - received[0]} ms`);
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
    await assert.rejects(client.getUserInfo('any-token'), isError('timeout', undefined));
    assert.equal(recorder.count('GET', '/userinfo'), 2);
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
    const requests = [];
    const deaf = (url, { signal, ...init }) => {   // drops the signal
      requests.push(url);
      return fetch(url, init);
    };
    const client = await clientFor(slow, { fetch: deaf, timeoutMs: 100, retry: { maxRetries: 0 } });
    // The tenant would answer after 800 ms; the client's timeout ends the call first.
    await assert.rejects(client.getUserInfo('any-token'), isError('timeout', undefined));
    assert.equal(requests.length, 1);
  } finally {
    await slow.stop();
  }
});

test('a timeout past what a timer can hold (2^31 ms) still waits for the answer', async () => {
  // Node and browsers run a longer timer delay at once: every request would time out.
  const { client, auth } = await loggedIn(tenant, { timeoutMs: 2 ** 32 + 50 });
  const profile = await client.getUserInfo();
  assert.equal(profile.sub, auth.idTokenPayload.sub);
});
