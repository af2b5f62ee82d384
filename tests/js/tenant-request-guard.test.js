// The tenant is a local tool that any web page can reach: a DNS-rebinding page (foreign Host)
// and a cross-site "simple" request (text/plain or form POST, no preflight) are refused before
// they create users or mint tokens; programs (no Origin) and allowed pages go on as before.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import {
  ADMIN, ADMIN_SECRET, CLIENT_ID, CONNECTION, PASSWORD, adminToken, call, startTenant, uniqueEmail,
} from './support/tenant.js';

let tenant;
before(async () => {
  tenant = await startTenant({ config: { clients: [
    { clientId: CLIENT_ID, type: 'spa', allowedOrigins: ['https://app.example.com'] },
    { clientId: ADMIN, type: 'machine', secret: ADMIN_SECRET },
  ] } });
});
after(() => tenant.stop());

// node:http, because fetch does not let a caller choose the Host header.
function raw(path, { method = 'GET', headers = {}, body } = {}) {
  const { port } = new URL(tenant.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => { text += chunk; });
      res.on('end', () => resolve({ status: res.statusCode, body: text ? JSON.parse(text) : null }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const signupText = (email) => JSON.stringify({ client_id: CLIENT_ID, connection: CONNECTION, email, password: PASSWORD });

async function userExists(email) {
  const login = await call(tenant.url, '/oauth/token', { method: 'POST', json: {
    grant_type: 'http://auth0.com/oauth/grant-type/password-realm', client_id: CLIENT_ID, username: email, password: PASSWORD, realm: CONNECTION,
  } });
  return login.status === 200;
}

test('a foreign Host (DNS rebinding) is refused on every endpoint, in each API\'s shape', async () => {
  const discovery = await raw('/.well-known/openid-configuration', { headers: { Host: 'evil.example' } });
  assert.equal(discovery.status, 403);
  assert.equal(discovery.body.error, 'access_denied');
  assert.match(discovery.body.error_description, /Host 'evil\.example' is not this tenant/);

  const management = await raw('/api/v2/users/x', { headers: { Host: `evil.example:${new URL(tenant.url).port}` } });
  assert.equal(management.status, 403);
  assert.equal(management.body.statusCode, 403);

  const email = uniqueEmail('rebind');
  const created = await raw('/dbconnections/signup', {
    method: 'POST', headers: { Host: 'evil.example', 'Content-Type': 'application/json' }, body: signupText(email),
  });
  assert.equal(created.status, 403);
  assert.equal(await userExists(email), false, 'nothing was created');
});

test('the tenant\'s own loopback names are served', async () => {
  const { port } = new URL(tenant.url);
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`, `[::1]:${port}`]) {
    const response = await raw('/.well-known/jwks.json', { headers: { Host: host } });
    assert.equal(response.status, 200, host);
  }
  const wrongPort = await raw('/.well-known/jwks.json', { headers: { Host: `127.0.0.1:${Number(port) + 1}` } });
  assert.equal(wrongPort.status, 403);
});

test('a cross-site text/plain signup and form token request are refused and change nothing', async () => {
  const email = uniqueEmail('csrf');
  const textSignup = await fetch(`${tenant.url}/dbconnections/signup`, {
    method: 'POST', headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' }, body: signupText(email),
  });
  assert.equal(textSignup.status, 403);
  assert.match((await textSignup.json()).error_description, /Origin 'https:\/\/evil\.example' is not allowed/);
  assert.equal(await userExists(email), false);

  const token = await call(tenant.url, '/oauth/token', {
    method: 'POST',
    headers: { Origin: 'https://evil.example' },
    form: { grant_type: 'client_credentials', client_id: ADMIN, client_secret: ADMIN_SECRET, audience: tenant.managementAudience },
  });
  assert.equal(token.status, 403);
  assert.equal(token.body.access_token, undefined);

  const nullOrigin = await fetch(`${tenant.url}/dbconnections/signup`, {
    method: 'POST', headers: { Origin: 'null', 'Content-Type': 'text/plain' }, body: signupText(email),
  });
  assert.equal(nullOrigin.status, 403, 'a sandboxed page (Origin: null) is not allowed either');
  assert.equal(await userExists(email), false);
});

test('programs (no Origin), loopback pages and listed origins still work', async () => {
  for (const origin of [undefined, 'http://localhost:5173', 'https://app.example.com']) {
    const email = uniqueEmail('allowed');
    const headers = { 'Content-Type': 'application/json', ...(origin ? { Origin: origin } : {}) };
    const response = await fetch(`${tenant.url}/dbconnections/signup`, { method: 'POST', headers, body: signupText(email) });
    assert.equal(response.status, 200, String(origin));
    assert.equal(await userExists(email), true);
  }
  assert.ok(await adminToken(tenant));
});

test('reads from a foreign origin are served (CORS, not the guard, keeps their answers from the page)', async () => {
  const response = await fetch(`${tenant.url}/.well-known/jwks.json`, { headers: { Origin: 'https://evil.example' } });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('access-control-allow-origin'), null);
});
