// POST /oauth/token: the four grants, JSON and form bodies, the tokens' claims, and every
// error with Auth0's status and body.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ADMIN, ADMIN_SECRET, call, CONNECTION, decodePayload, login, PASSWORD_REALM, signup, CLIENT_ID, startTenant, PASSWORD, USER_SCOPES,
} from './support/tenant.js';

let tenant;
let user;
before(async () => {
  tenant = await startTenant();
  const created = await signup(tenant, { user_metadata: { color: 'teal' }, given_name: 'Ada' });
  assert.equal(created.status, 200);
  user = created;
});
after(() => tenant.stop());

const token = (body, options = {}) => call(tenant.url, '/oauth/token', { method: 'POST', json: body, ...options });

test('password-realm with the Management audience: access token for the API and /userinfo, ID token, scope', async () => {
  const response = await login(tenant, { username: user.email, audience: tenant.managementAudience, nonce: 'n-123' });
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('cache-control'), 'no-store');
  const body = response.body;
  assert.equal(body.token_type, 'Bearer');
  assert.equal(body.expires_in, 86400);
  assert.equal(body.scope, USER_SCOPES);
  assert.equal(body.refresh_token, undefined, 'no offline_access, no refresh token');

  const access = decodePayload(body.access_token);
  assert.equal(access.iss, `${tenant.url}/`);
  assert.deepEqual(access.aud, [tenant.managementAudience, `${tenant.url}/userinfo`]);
  assert.equal(access.azp, CLIENT_ID);
  assert.equal(access.scope, USER_SCOPES);
  assert.match(access.sub, /^auth0\|[0-9a-f]{24}$/);
  assert.equal(access.exp - access.iat, 86400);

  const id = decodePayload(body.id_token);
  assert.equal(id.iss, `${tenant.url}/`);
  assert.equal(id.aud, CLIENT_ID);
  assert.equal(id.sub, access.sub);
  assert.equal(id.nonce, 'n-123');
  assert.equal(id.email, user.email);
  assert.equal(id.email_verified, false);
  assert.equal(id.given_name, 'Ada');
  assert.equal(id.name, user.email);
  assert.deepEqual(id['https://metalock.dev/user_metadata'], { color: 'teal' });
  assert.deepEqual(id['https://metalock.dev/app_metadata'], {});
  assert.equal(id.exp - id.iat, 36000);
});

test('form-encoded bodies are accepted like JSON ones', async () => {
  const response = await call(tenant.url, '/oauth/token', {
    method: 'POST',
    form: { grant_type: PASSWORD_REALM, client_id: CLIENT_ID, username: user.email, password: PASSWORD, realm: CONNECTION, scope: 'openid' },
  });
  assert.equal(response.status, 200);
  assert.equal(response.body.scope, 'openid');
  assert.ok(response.body.id_token);
});

test('without an audience the access token is for /userinfo only; ID token claims follow the scope', async () => {
  const response = await login(tenant, { username: user.email, scope: 'openid email' });
  assert.equal(response.status, 200);
  assert.equal(decodePayload(response.body.access_token).aud, `${tenant.url}/userinfo`);
  const id = decodePayload(response.body.id_token);
  assert.equal(id.email, user.email);
  assert.equal(id.name, undefined, 'no profile scope, no profile claims');
  assert.equal(id.nonce, undefined);
});

test('scopes the Management API does not grant to a user are dropped', async () => {
  const response = await login(tenant, { username: user.email, scope: 'openid read:users update:users read:current_user', audience: tenant.managementAudience });
  assert.equal(response.status, 200);
  assert.equal(response.body.scope, 'openid read:current_user');
  const noApi = await login(tenant, { username: user.email, scope: 'openid read:current_user' });
  assert.equal(noApi.body.scope, 'openid', 'Management scopes need the Management audience');
});

test('the username may be the email in any case; logins are counted', async () => {
  const response = await login(tenant, { username: user.email.toUpperCase() });
  assert.equal(response.status, 200);
});

test('plain password grant uses the default connection', async () => {
  const response = await token({ grant_type: 'password', client_id: CLIENT_ID, username: user.email, password: PASSWORD, scope: 'openid' });
  assert.equal(response.status, 200);
  assert.ok(response.body.access_token);
});

test('wrong password and unknown user: 403 invalid_grant "Wrong email or password."', async () => {
  const expected = { error: 'invalid_grant', error_description: 'Wrong email or password.' };
  const wrong = await login(tenant, { username: user.email, password: 'Nope-12345' });
  assert.equal(wrong.status, 403);
  assert.deepEqual(wrong.body, expected);
  const unknown = await login(tenant, { username: 'nobody@example.com' });
  assert.equal(unknown.status, 403);
  assert.deepEqual(unknown.body, expected);
});

test('request errors: missing parameters, unknown grant, client and realm', async () => {
  const cases = [
    [{ client_id: CLIENT_ID }, 400, { error: 'invalid_request', error_description: 'Missing required parameter: grant_type' }],
    [{ grant_type: PASSWORD_REALM }, 400, { error: 'invalid_request', error_description: 'Missing required parameter: client_id' }],
    [{ grant_type: PASSWORD_REALM, client_id: CLIENT_ID, password: 'x', realm: CONNECTION }, 400, { error: 'invalid_request', error_description: 'Missing required parameter: username' }],
    [{ grant_type: PASSWORD_REALM, client_id: CLIENT_ID, username: user.email, realm: CONNECTION }, 400, { error: 'invalid_request', error_description: 'Missing required parameter: password' }],
    [{ grant_type: PASSWORD_REALM, client_id: CLIENT_ID, username: user.email, password: PASSWORD }, 400, { error: 'invalid_request', error_description: 'Missing required parameter: realm' }],
    [{ grant_type: PASSWORD_REALM, client_id: CLIENT_ID, username: user.email, password: PASSWORD, realm: 'Nope' }, 400, { error: 'invalid_request', error_description: 'Unknown realm: Nope' }],
    [{ grant_type: 'urn:nope', client_id: CLIENT_ID }, 403, { error: 'unsupported_grant_type', error_description: 'Unsupported grant type: urn:nope' }],
    [{ grant_type: PASSWORD_REALM, client_id: 'who', username: 'a', password: 'b', realm: CONNECTION }, 401, { error: 'access_denied', error_description: 'Unauthorized' }],
    [{ grant_type: 'client_credentials', client_id: CLIENT_ID, audience: tenant?.managementAudience }, 403, { error: 'unauthorized_client', error_description: "Grant type 'client_credentials' not allowed for the client." }],
    [{ grant_type: PASSWORD_REALM, client_id: CLIENT_ID, username: user.email, password: PASSWORD, realm: CONNECTION, audience: 'https://api.example.com/' }, 403, { error: 'access_denied', error_description: 'Service not found: https://api.example.com/' }],
  ];
  for (const [body, status, expected] of cases) {
    const response = await token(body);
    assert.equal(response.status, status, JSON.stringify(body));
    assert.deepEqual(response.body, expected);
  }
  const badJson = await token('{"grant_type":');
  assert.equal(badJson.status, 400);
  assert.equal(badJson.body.error, 'invalid_request');
});

test('client_credentials: the machine client gets a Management token with its scopes', async () => {
  const response = await token({ grant_type: 'client_credentials', client_id: ADMIN, client_secret: ADMIN_SECRET, audience: tenant.managementAudience });
  assert.equal(response.status, 200);
  assert.equal(response.body.id_token, undefined);
  assert.equal(response.body.scope, 'read:users update:users create:users update:users_app_metadata delete:users read:clients update:clients');
  const claims = decodePayload(response.body.access_token);
  assert.equal(claims.sub, `${ADMIN}@clients`);
  assert.equal(claims.aud, tenant.managementAudience);
  assert.equal(claims.gty, 'client-credentials');

  const narrowed = await token({ grant_type: 'client_credentials', client_id: ADMIN, client_secret: ADMIN_SECRET, audience: tenant.managementAudience, scope: 'read:users nope' });
  assert.equal(narrowed.body.scope, 'read:users');

  const basic = Buffer.from(`${ADMIN}:${ADMIN_SECRET}`).toString('base64');
  const viaBasic = await call(tenant.url, '/oauth/token', {
    method: 'POST', form: { grant_type: 'client_credentials', audience: tenant.managementAudience }, headers: { Authorization: `Basic ${basic}` },
  });
  assert.equal(viaBasic.status, 200);
});

test('a Basic header whose credentials are not valid percent-encoding: 401 invalid_client, not a 500', async () => {
  for (const credentials of ['%zz:x', `${ADMIN}:%E0%A4%A`]) {
    const basic = Buffer.from(credentials).toString('base64');
    const response = await call(tenant.url, '/oauth/token', {
      method: 'POST', form: { grant_type: 'client_credentials', audience: tenant.managementAudience }, headers: { Authorization: `Basic ${basic}` },
    });
    assert.equal(response.status, 401, credentials);
    assert.deepEqual(response.body, { error: 'invalid_client', error_description: 'Client authentication failed' });
    assert.equal(response.headers.get('www-authenticate'), 'Basic realm="oauth"');
  }
});

test('client_credentials errors: wrong secret, no audience, unknown audience', async () => {
  const wrong = await token({ grant_type: 'client_credentials', client_id: ADMIN, client_secret: 'nope', audience: tenant.managementAudience });
  assert.equal(wrong.status, 401);
  assert.deepEqual(wrong.body, { error: 'access_denied', error_description: 'Unauthorized' });
  const noAudience = await token({ grant_type: 'client_credentials', client_id: ADMIN, client_secret: ADMIN_SECRET });
  assert.equal(noAudience.status, 403);
  assert.deepEqual(noAudience.body, { error: 'access_denied', error_description: 'No audience parameter was provided, and no default audience has been configured' });
  const other = await token({ grant_type: 'client_credentials', client_id: ADMIN, client_secret: ADMIN_SECRET, audience: 'https://x/' });
  assert.equal(other.status, 403);
  assert.equal(other.body.error_description, 'Service not found: https://x/');
});

test('refresh tokens rotate; a rotated one used again is refused and revokes its family', async () => {
  const first = await login(tenant, { username: user.email, scope: `${USER_SCOPES} offline_access`, audience: tenant.managementAudience });
  assert.equal(first.status, 200);
  const original = first.body.refresh_token;
  assert.ok(original);

  const refresh = (refreshToken, extra = {}) => token({ grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: refreshToken, ...extra });
  const second = await refresh(original);
  assert.equal(second.status, 200);
  assert.ok(second.body.refresh_token && second.body.refresh_token !== original, 'a new refresh token');
  assert.ok(second.body.id_token);
  const claims = decodePayload(second.body.access_token);
  assert.deepEqual(claims.aud, [tenant.managementAudience, `${tenant.url}/userinfo`]);
  assert.equal(claims.scope, `${USER_SCOPES} offline_access`);

  const reused = await refresh(original);
  assert.equal(reused.status, 403);
  assert.deepEqual(reused.body, { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' });
  // The reuse revoked the family: the newest token is dead too.
  const newest = await refresh(second.body.refresh_token);
  assert.equal(newest.status, 403);
  assert.equal(newest.body.error, 'invalid_grant');
});

test('refresh: a narrower scope may be asked; unknown tokens and other clients are refused', async () => {
  const first = await login(tenant, { username: user.email, scope: 'openid profile offline_access' });
  const narrowed = await token({ grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: first.body.refresh_token, scope: 'openid' });
  assert.equal(narrowed.status, 200);
  assert.equal(narrowed.body.scope, 'openid');

  const unknown = await token({ grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: 'v1.nope' });
  assert.equal(unknown.status, 403);
  assert.equal(unknown.body.error_description, 'Unknown or invalid refresh token.');

  const missing = await token({ grant_type: 'refresh_token', client_id: CLIENT_ID });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.error_description, 'Missing required parameter: refresh_token');

  const other = await token({ grant_type: 'refresh_token', client_id: ADMIN, client_secret: ADMIN_SECRET, refresh_token: narrowed.body.refresh_token });
  assert.equal(other.status, 403);
});

test('refresh tokens survive a restart of the tenant', async () => {
  const own = await startTenant();
  try {
    const created = await signup(own);
    const first = await login(own, { username: created.email, scope: 'openid offline_access' });
    await own.stop();
    const again = await startTenant({ dataDir: own.dataDir });
    try {
      const refreshed = await call(again.url, '/oauth/token', { method: 'POST', json: { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: first.body.refresh_token } });
      assert.equal(refreshed.status, 200);
    } finally {
      await again.stop();
    }
  } finally {
    await own.stop();
  }
});

test('a body over 1 MB: 413 with the Authentication API body', async () => {
  const response = await token({ grant_type: 'password', client_id: CLIENT_ID, username: 'x'.repeat(1024 * 1024) });
  assert.equal(response.status, 413);
  assert.deepEqual(response.body, { error: 'invalid_request', error_description: 'Payload content length greater than maximum allowed: 1048576' });
});
