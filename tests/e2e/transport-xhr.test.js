// The browser transport in real Chromium against the real tenant (another 127.0.0.1 port, so
// every call is a CORS request): with no `fetch` option the client's requests go by
// XMLHttpRequest, and keep every guarantee the fetch transport gives in Node
// (tests/js/client-transport.test.js): the response headers the core and the retry policy read
// (WWW-Authenticate, X-RateLimit-Reset), 429 waits and bounds, timeout and network_error with
// retries for idempotent requests only, and an exchange the page aborts ends too. A `fetch` option still goes by that fetch.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CLIENT_ID, CONNECTION, signup, USER_METADATA_CLAIM, USER_SCOPES, withTenant } from '../js/support/tenant.js';
import { distInChromium } from './support/dist-in-chromium.mjs';


// run(domain, options, script): builds a client with `options` and runs `script` (the body of
// an async function of `client`) -> {value} or {error: {code, statusCode, description}}.
const PAGE = `<!doctype html><meta charset="utf-8"><title>transport</title>
<script type="module">
  import { createClient } from './metalock.js';
  window.run = async (domain, options, script) => {
    const client = await createClient({ domain, clientId: '${CLIENT_ID}', ...options,
      ...(options.withFetch ? { fetch: (...args) => fetch(...args) } : {}) });
    try {
      return { value: await new Function('client', 'return (async () => {' + script + '})()')(client) };
    } catch (error) {
      return { error: { code: error.code, statusCode: error.statusCode, description: error.description } };
    }
  };
  window.ready = true;
</script>`;

const chromium = distInChromium({ '/transport.html': PAGE });

// A page whose requests to the tenant are recorded: {method, path, type (Chromium's resource
// type: 'xhr' or 'fetch'), status (0 when it failed)}; preflights are not listed.
// page.settled() -> the list once every request listed has ended (Chromium reports that
// after the call in the page may have returned).
async function openPage(tenant) {
  const page = await chromium.browser.newPage();
  const list = [];
  const entries = new Map();
  page.on('request', (request) => {
    if (!request.url().startsWith(tenant.url) || request.method() === 'OPTIONS') return;
    const entry = { method: request.method(), path: new URL(request.url()).pathname, type: request.resourceType(), status: undefined };
    entries.set(request, entry);
    list.push(entry);
  });
  page.on('requestfinished', async (request) => {
    const entry = entries.get(request);
    if (entry) entry.status = (await request.response())?.status() ?? 0;
  });
  page.on('requestfailed', (request) => {
    const entry = entries.get(request);
    if (entry) entry.status = 0;
  });
  page.settled = async () => {
    for (let waited = 0; list.some((entry) => entry.status === undefined) && waited < 5000; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return list;
  };
  await page.goto(`${chromium.server.url}/transport.html`);
  await page.waitForFunction(() => window.ready === true);
  page.run = (options, script) => page.evaluate(([domain, o, s]) => window.run(domain, o, s), [tenant.url, options, script]);
  return page;
}

const exchanges = async (page, path) => (await page.settled()).filter((e) => e.path === path);

test('with no fetch option every request goes by XHR: login, getUserInfo and updateUserMetadata answer as in Node', async () => {
  await withTenant({}, async (tenant) => {
    const user = await signup(tenant);
    const page = await openPage(tenant);
    const { value, error } = await page.run({ audience: `${tenant.url}/api/v2/`, scope: USER_SCOPES, userMetadataClaim: USER_METADATA_CLAIM }, `
      const auth = await client.login({ username: ${JSON.stringify(user.email)}, password: ${JSON.stringify(user.password)}, realm: '${CONNECTION}' });
      const profile = await client.getUserInfo();
      const updated = await client.updateUserMetadata({ theme: 'dark', ünïcode: 'ça va ✓' });
      return { sub: auth.idTokenPayload.sub, profileSub: profile.sub, email: profile.email, metadata: updated.user_metadata };`);
    assert.equal(error, undefined, JSON.stringify(error));
    assert.equal(value.profileSub, value.sub);
    assert.equal(value.email, user.email);
    assert.deepEqual(value.metadata, { theme: 'dark', ünïcode: 'ça va ✓' });
    const sent = await page.settled();
    assert.deepEqual(sent.map((e) => `${e.method} ${e.path}`).filter((e) => !e.includes('jwks')),
      ['POST /oauth/token', 'GET /userinfo', `PATCH /api/v2/users/${encodeURIComponent(value.sub)}`]);
    assert.deepEqual([...new Set(sent.map((e) => `${e.type} ${e.status}`))], ['xhr 200']);
    await page.close();
  });
});

test('a fetch option is used as given, in browsers too', async () => {
  await withTenant({}, async (tenant) => {
    const page = await openPage(tenant);
    const { error } = await page.run({ withFetch: true, retry: { maxRetries: 0 } }, 'return client.getUserInfo("not-a-token");');
    assert.equal(error.code, 'invalid_token');
    assert.deepEqual((await exchanges(page, '/userinfo')).map((e) => [e.type, e.status]), [['fetch', 401]]);
    await page.close();
  });
});

test('a 401 from /userinfo is read from its WWW-Authenticate header', async () => {
  await withTenant({}, async (tenant) => {
    const page = await openPage(tenant);
    const { error } = await page.run({}, 'return client.getUserInfo("not-a-token");');
    assert.deepEqual(error, { code: 'invalid_token', statusCode: 401, description: 'Invalid token' });
    assert.deepEqual((await exchanges(page, '/userinfo')).map((e) => [e.type, e.status]), [['xhr', 401]]);
    await page.close();
  });
});

test('a 429 waits for X-RateLimit-Reset and then succeeds; a wait past maxWaitMs fails at once', async () => {
  const limits = { rateLimits: { userinfo: { limit: 1, windowSeconds: 1 } } };
  await withTenant({ config: limits }, async (tenant) => {
    const page = await openPage(tenant);
    // The tenant's 401 counts against the limit as a 200 would: the second call is refused once.
    const { value } = await page.run({}, `
      const codes = [];
      for (let i = 0; i < 2; i += 1) await client.getUserInfo('not-a-token').catch((error) => codes.push(error.code));
      return codes;`);
    assert.deepEqual(value, ['invalid_token', 'invalid_token']);
    assert.deepEqual((await exchanges(page, '/userinfo')).map((e) => e.status), [401, 429, 401]);
    await page.close();
  });
  await withTenant({ config: { rateLimits: { userinfo: { limit: 1, windowSeconds: 30 } } } }, async (tenant) => {
    const page = await openPage(tenant);
    const { value } = await page.run({ retry: { maxWaitMs: 1000 } }, `
      const errors = [];
      for (let i = 0; i < 2; i += 1) await client.getUserInfo('not-a-token').catch((error) => errors.push([error.code, error.statusCode]));
      return errors;`);
    assert.deepEqual(value, [['invalid_token', 401], ['too_many_requests', 429]]);
    assert.deepEqual((await exchanges(page, '/userinfo')).map((e) => e.status), [401, 429]);
    await page.close();
  });
});

test('a slow answer is timeout: GET retried, login not', async () => {
  await withTenant({ config: { faults: { latencyMs: 800 } } }, async (tenant) => {
    const page = await openPage(tenant);
    const options = { timeoutMs: 100, retry: { maxRetries: 1, backoffMs: 5 } };
    const get = await page.run(options, 'return client.getUserInfo("any-token");');
    assert.equal(get.error.code, 'timeout');
    assert.equal(get.error.description, 'GET /userinfo got no response within 100 ms');
    const login = await page.run(options, `return client.login({ username: 'a@example.com', password: 'Whatever-123', realm: '${CONNECTION}' });`);
    assert.equal(login.error.code, 'timeout');
    assert.deepEqual((await page.settled()).map((e) => [e.method, e.path, e.type, e.status]),
      [['GET', '/userinfo', 'xhr', 0], ['GET', '/userinfo', 'xhr', 0], ['POST', '/oauth/token', 'xhr', 0]]);
    await page.close();
  });
});

test('a dropped connection is network_error: GET retried, login not; no token in the message', async () => {
  await withTenant({ config: { faults: { drop: 1 } } }, async (tenant) => {
    const page = await openPage(tenant);
    const options = { retry: { maxRetries: 2, backoffMs: 5 } };
    const get = await page.run(options, 'return client.getUserInfo("secret-token-value");');
    assert.deepEqual(get.error, { code: 'network_error', statusCode: undefined, description: 'GET /userinfo failed: network error' });
    const login = await page.run(options, `return client.login({ username: 'a@example.com', password: 'Whatever-123', realm: '${CONNECTION}' });`);
    assert.equal(login.error.code, 'network_error');
    assert.deepEqual((await page.settled()).map((e) => [e.method, e.path, e.status]),
      [['GET', '/userinfo', 0], ['GET', '/userinfo', 0], ['GET', '/userinfo', 0], ['POST', '/oauth/token', 0]]);
    await page.close();
  });
});

test('an exchange the page aborts (window.stop()) is network_error, not a call left pending', async () => {
  await withTenant({ config: { faults: { latencyMs: 1500 } } }, async (tenant) => {
    const page = await openPage(tenant);
    const outcome = await page.evaluate(([domain]) => {
      const call = window.run(domain, { timeoutMs: 10_000, retry: { maxRetries: 0 } }, 'return client.getUserInfo("any-token");');
      setTimeout(() => window.stop(), 300);
      return Promise.race([call, new Promise((resolve) => setTimeout(() => resolve('still pending after 5 s'), 5000))]);
    }, [tenant.url]);
    assert.deepEqual(outcome, { error: { code: 'network_error', statusCode: undefined, description: 'GET /userinfo failed: aborted' } });
    await page.close();
  });
});
