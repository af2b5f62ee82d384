// End to end in real Chromium against the local tenant (a real process, real HTTP, real RS256
// tokens): metalock's client.login / getUserInfo / updateUserMetadata beside auth0-js 10's
// Authentication.login / userInfo / Management.patchUserMetadata, the same user, alternating
// call by call (which of the two goes first swaps every round) so that a busy machine weighs
// on both alike; median of `calls` each. Under them, the floors: the same GET /userinfo and
// the same metadata PATCH by bare fetch (what metalock's transport uses with a `fetch` option,
// and in Node) and bare XMLHttpRequest (what both SDKs use in a browser by default).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/support/chromium.mjs';
import { startStaticServer } from '../tests/e2e/support/static-server.mjs';
import { CLIENT_ID, CONNECTION, signup, startTenant, USER_SCOPES } from '../tests/js/support/tenant.js';
import { median } from './startup.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const PAGE = `<!doctype html><meta charset="utf-8"><title>metalock vs auth0-js end to end</title>
<script src="/auth0.min.js"></script>
<script type="module">
  import { createClient } from './metalock.js';
  const cb = (run) => new Promise((resolve, reject) => run((error, value) => (error ? reject(error) : resolve(value))));
  const xhr = (method, url, headers, body) => new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.onload = () => resolve(JSON.parse(request.responseText));
    request.onerror = reject;
    request.send(body);
  });
  async function timed(run) {
    const started = performance.now();
    await run();
    return performance.now() - started;
  }
  window.bench = {
    async setup({ domain, audience, username, password }) {
      this.credentials = { username, password, realm: '${CONNECTION}' };
      this.domain = domain;
      this.audience = audience;
      this.client = await createClient({ domain, clientId: '${CLIENT_ID}', audience, scope: '${USER_SCOPES}',
        userMetadataClaim: 'https://metalock.dev/user_metadata' });
      this.auth = new auth0.Authentication({ domain, clientID: '${CLIENT_ID}' });
      const tokens = await cb((done) => this.auth.login({ ...this.credentials, scope: '${USER_SCOPES}', audience }, done));
      this.token = tokens.accessToken;
      this.userId = (await cb((done) => this.auth.userInfo(this.token, done))).sub;
      this.management = new auth0.Management({ domain: new URL(domain).host, token: this.token });
      this.management.baseOptions.rootUrl = domain + '/api/v2';
    },
    metalock: {
      login: () => timed(() => window.bench.client.login(window.bench.credentials)),
      userInfo: () => timed(() => window.bench.client.getUserInfo()),
      updateMetadata: (i) => timed(() => window.bench.client.updateUserMetadata({ counter: i, theme: 'dark' })),
      // The same GET by bare fetch: what a fetch option would cost beside XHR.
      bareGet: () => timed(async () => JSON.parse(await (await fetch(window.bench.domain + '/userinfo',
        { headers: { Authorization: 'Bearer ' + window.bench.token } })).text())),
      barePatch: (i) => timed(async () => JSON.parse(await (await fetch(window.bench.userUrl(), { method: 'PATCH',
        headers: window.bench.patchHeaders(), body: window.bench.patchBody(i) })).text())),
    },
    auth0js: {
      login: () => timed(() => cb((done) => window.bench.auth.login({ ...window.bench.credentials,
        scope: '${USER_SCOPES}', audience: window.bench.audience }, done))),
      userInfo: () => timed(() => cb((done) => window.bench.auth.userInfo(window.bench.token, done))),
      updateMetadata: (i) => timed(() => cb((done) => window.bench.management.patchUserMetadata(window.bench.userId,
        { counter: i, theme: 'dark' }, done))),
      // ... and by XMLHttpRequest, which both SDKs use by default (auth0-js through superagent).
      bareGet: () => timed(() => xhr('GET', window.bench.domain + '/userinfo', { Authorization: 'Bearer ' + window.bench.token })),
      barePatch: (i) => timed(() => xhr('PATCH', window.bench.userUrl(), window.bench.patchHeaders(), window.bench.patchBody(i))),
    },
    userUrl: () => window.bench.domain + '/api/v2/users/' + encodeURIComponent(window.bench.userId),
    patchHeaders: () => ({ Authorization: 'Bearer ' + window.bench.token, 'Content-Type': 'application/json' }),
    patchBody: (i) => JSON.stringify({ user_metadata: { counter: i, theme: 'dark' } }),
  };
  window.ready = true;
</script>`;

export const E2E_OPS = ['login', 'userInfo', 'updateMetadata', 'bareGet', 'barePatch'];

// -> { login: { metalock, auth0js }, userInfo, updateMetadata, bareGet, barePatch: {...} } medians in ms
export async function measureEndToEnd({ calls = 50 } = {}) {
  // ~700 requests: within the tenant's default rate limit (10,000 a minute).
  const tenant = await startTenant();
  const server = await startStaticServer({
    root: `${root}dist/`,
    pages: { '/e2e.html': PAGE, '/auth0.min.js': readFileSync(`${root}node_modules/auth0-js/dist/auth0.min.js`) },
  });
  const browser = await launchChromium();
  try {
    const user = await signup(tenant);
    if (user.status !== 200) throw new Error(`bench signup failed: ${user.text}`);
    const page = await browser.newPage();
    await page.goto(`${server.url}/e2e.html`);
    await page.waitForFunction(() => window.ready === true);
    await page.evaluate((input) => window.bench.setup(input),
      { domain: tenant.url, audience: tenant.managementAudience, username: user.email, password: user.password });
    const results = {};
    for (const op of E2E_OPS) {
      const times = { metalock: [], auth0js: [] };
      for (let i = 0; i < calls + 2; i += 1) {   // the first two of each are warm-up
        for (const sdk of i % 2 ? ['auth0js', 'metalock'] : ['metalock', 'auth0js']) {
          const ms = await page.evaluate(([s, o, n]) => window.bench[s][o](n), [sdk, op, i]);
          if (i >= 2) times[sdk].push(ms);
        }
      }
      results[op] = { metalock: median(times.metalock), auth0js: median(times.auth0js) };
    }
    if (page.errors.length) throw page.errors[0];
    return results;
  } finally {
    await browser.close();
    await server.close();
    await tenant.stop();
  }
}
