// The proof that the tenant speaks Auth0, not only our own client's dialect: the official
// auth0-js (its browser build, loaded in real Chromium from a page on another 127.0.0.1
// port, so every call is a real CORS request with auth0-js's Auth0-Client header) signs up
// with user_metadata, logs in with password-realm, reads /userinfo, patches and reads the
// user through the Management API, and meets Auth0's errors.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { chromium } from 'playwright-core';
import { CONNECTION, CLIENT_ID, startTenant, PASSWORD, uniqueEmail } from '../js/support/tenant.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const AUTH0_JS = readFileSync(join(root, 'node_modules/auth0-js/dist/auth0.min.js'));
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// Promise wrappers around auth0-js's callback API, run inside the page. Errors come back as
// auth0-js shapes them ({code, description, statusCode, name, policy}) plus the raw body.
const PAGE = `<!doctype html><meta charset="utf-8"><title>auth0-js against metalock-tenant</title>
<script src="/auth0.min.js"></script>
<script>
  function settle(run) {
    return new Promise(function (resolve) {
      run(function (err, result) {
        if (err) {
          var body = err.original && err.original.response ? err.original.response.body : undefined;
          resolve({ error: { code: err.code, description: err.description, statusCode: err.statusCode, name: err.name, policy: err.policy, body: body } });
        } else {
          resolve({ result: result });
        }
      });
    });
  }
  window.harness = {
    signup: function (tenant, options) {
      var webAuth = new auth0.WebAuth({ domain: tenant, clientID: '${CLIENT_ID}' });
      return settle(function (cb) { webAuth.signup(options, cb); });
    },
    login: function (tenant, options) {
      var authentication = new auth0.Authentication({ domain: tenant, clientID: '${CLIENT_ID}' });
      return settle(function (cb) { authentication.login(options, cb); });
    },
    userInfo: function (tenant, accessToken) {
      var authentication = new auth0.Authentication({ domain: tenant, clientID: '${CLIENT_ID}' });
      return settle(function (cb) { authentication.userInfo(accessToken, cb); });
    },
    management: function (tenant, token, method, args) {
      // auth0.Management always builds https://<domain>/api/v2; the tenant is plain http
      // on 127.0.0.1, so only the root URL is pointed at it. Requests, headers and error
      // handling stay auth0-js's own.
      var management = new auth0.Management({ domain: new URL(tenant).host, token: token });
      management.baseOptions.rootUrl = tenant + '/api/v2';
      return settle(function (cb) { management[method].apply(management, args.concat([cb])); });
    },
  };
</script>`;

let tenant;
let pageServer;
let pageUrl;
let context;
let page;
const tenantRequests = [];

before(async () => {
  tenant = await startTenant();
  pageServer = createServer((req, res) => {
    if (req.url === '/auth0.min.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      res.end(AUTH0_JS);
    } else {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    }
  });
  await new Promise((resolve) => pageServer.listen(0, '127.0.0.1', resolve));
  pageUrl = `http://127.0.0.1:${pageServer.address().port}/`;
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'metalock-chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  page = await context.newPage();
  page.on('request', (request) => {
    if (request.url().startsWith(tenant.url)) tenantRequests.push({ method: request.method(), headers: request.headers() });
  });
  await page.goto(pageUrl);
  await page.waitForFunction(() => typeof window.auth0 === 'object' && typeof window.harness === 'object');
});

after(async () => {
  await context?.close();
  await new Promise((resolve) => pageServer?.close(resolve) ?? resolve());
  await tenant?.stop();
});

const inPage = (name, ...args) => page.evaluate(([fn, values]) => window.harness[fn](...values), [name, args]);

async function signupAndLogin(userMetadata, scope = 'openid profile email read:current_user update:current_user_metadata') {
  const email = uniqueEmail('auth0js');
  const signed = await inPage('signup', tenant.url, { connection: CONNECTION, email, password: PASSWORD, user_metadata: userMetadata });
  assert.equal(signed.error, undefined, JSON.stringify(signed.error));
  const logged = await inPage('login', tenant.url, {
    realm: CONNECTION, username: email, password: PASSWORD, scope, audience: tenant.managementAudience,
  });
  assert.equal(logged.error, undefined, JSON.stringify(logged.error));
  return { email, signup: signed.result, auth: logged.result };
}

test('the page runs on another loopback origin than the tenant (real CORS)', async () => {
  assert.notEqual(new URL(pageUrl).origin, new URL(tenant.url).origin);
  assert.equal(await page.evaluate(() => window.auth0.version.raw), '10.2.1');
});

test('signup with user_metadata, password-realm login, userInfo', async () => {
  const { email, signup, auth } = await signupAndLogin({ color: 'teal', plan: 'pro' });
  assert.equal(signup.email, email);
  assert.equal(signup.emailVerified, false, 'auth0-js camel-cases the signup body');
  assert.deepEqual(signup.userMetadata, { color: 'teal', plan: 'pro' });
  assert.equal(auth.tokenType, 'Bearer');
  assert.equal(auth.expiresIn, 86400);
  assert.ok(auth.accessToken && auth.idToken);

  const info = await inPage('userInfo', tenant.url, auth.accessToken);
  assert.equal(info.error, undefined);
  assert.equal(info.result.email, email);
  assert.match(info.result.sub, /^auth0\|[0-9a-f]{24}$/);
  assert.deepEqual(info.result['https://metalock.dev/user_metadata'], { color: 'teal', plan: 'pro' });
});

test('Management patchUserMetadata merges, getUser reads it back', async () => {
  const { auth } = await signupAndLogin({ color: 'teal', plan: 'pro' });
  const info = await inPage('userInfo', tenant.url, auth.accessToken);
  const userId = info.result.sub;

  const patched = await inPage('management', tenant.url, auth.accessToken, 'patchUserMetadata', [userId, { color: 'violet', plan: null, tags: ['a'] }]);
  assert.equal(patched.error, undefined, JSON.stringify(patched.error));
  assert.deepEqual(patched.result.user_metadata, { color: 'violet', tags: ['a'] });

  const read = await inPage('management', tenant.url, auth.accessToken, 'getUser', [userId]);
  assert.equal(read.error, undefined);
  assert.equal(read.result.user_id, userId);
  assert.deepEqual(read.result.user_metadata, { color: 'violet', tags: ['a'] });
});

test('error: wrong password -> 403 invalid_grant "Wrong email or password."', async () => {
  const { email } = await signupAndLogin({});
  const failed = await inPage('login', tenant.url, { realm: CONNECTION, username: email, password: 'Wrong-Passw0rd' });
  assert.equal(failed.error.statusCode, 403);
  assert.equal(failed.error.code, 'invalid_grant');
  assert.equal(failed.error.description, 'Wrong email or password.');
});

test('error: duplicate signup -> 400 user_exists', async () => {
  const { email } = await signupAndLogin({});
  const again = await inPage('signup', tenant.url, { connection: CONNECTION, email, password: PASSWORD });
  assert.equal(again.error.statusCode, 400);
  assert.equal(again.error.code, 'user_exists');
  assert.equal(again.error.description, 'The user already exists.');
});

test('error: weak password -> PasswordStrengthError with its policy', async () => {
  const weak = await inPage('signup', tenant.url, { connection: CONNECTION, email: uniqueEmail('weak'), password: 'weak' });
  assert.equal(weak.error.statusCode, 400);
  assert.equal(weak.error.code, 'invalid_password');
  assert.equal(weak.error.name, 'PasswordStrengthError');
  assert.match(weak.error.policy, /^\* At least 8 characters in length/);
  assert.equal(weak.error.description.verified, false);
});

test('error: insufficient scope -> 403 with the Management API body', async () => {
  const alice = await signupAndLogin({});
  const bob = await signupAndLogin({});
  const bobId = (await inPage('userInfo', tenant.url, bob.auth.accessToken)).result.sub;
  const refused = await inPage('management', tenant.url, alice.auth.accessToken, 'patchUserMetadata', [bobId, { x: '1' }]);
  assert.equal(refused.error.statusCode, 403);
  assert.equal(refused.error.body.errorCode, 'insufficient_scope');
  assert.match(refused.error.body.message, /^Insufficient scope, expected any of: /);

  const readOnly = await signupAndLogin({}, 'openid read:current_user');
  const ownId = (await inPage('userInfo', tenant.url, readOnly.auth.accessToken)).result.sub;
  const noUpdate = await inPage('management', tenant.url, readOnly.auth.accessToken, 'patchUserMetadata', [ownId, { x: '1' }]);
  assert.equal(noUpdate.error.statusCode, 403);
  assert.equal(noUpdate.error.body.errorCode, 'insufficient_scope');
});

test('error: userInfo with a bad token -> 401', async () => {
  const failed = await inPage('userInfo', tenant.url, 'not-a-token');
  assert.equal(failed.error.statusCode, 401);
});

test('auth0-js sent its Auth0-Client telemetry header cross-origin, and CORS let it through', () => {
  const posts = tenantRequests.filter((request) => request.method === 'POST');
  assert.ok(posts.length > 0);
  for (const request of posts) {
    const telemetry = JSON.parse(Buffer.from(request.headers['auth0-client'], 'base64url').toString('utf8'));
    assert.equal(telemetry.name, 'auth0.js');
  }
  assert.ok(tenantRequests.some((request) => request.method === 'PATCH'));
});
