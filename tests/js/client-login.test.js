// client.login (password-realm grant) against the real tenant.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MetalockError } from '../../dist/metalock.node.js';
import { clientFor, newUser } from './support/session.js';
import { CLIENT_ID, CONNECTION, recordingFetch, startTenant, USER_SCOPES } from './support/tenant.js';

let tenant;
before(async () => {
  tenant = await startTenant();
});
after(() => tenant?.stop());

test('a good password gives tokens and the checked ID token claims', async () => {
  const client = await clientFor(tenant);
  const { email, password } = await newUser(client);
  const before = Math.floor(Date.now() / 1000);
  const auth = await client.login({ username: email, password, realm: CONNECTION });

  assert.equal(typeof auth.accessToken, 'string');
  assert.equal(typeof auth.idToken, 'string');
  assert.equal(auth.tokenType, 'Bearer');
  assert.ok(auth.expiresIn > 0);
  assert.equal(typeof auth.scope, 'string');
  assert.ok(auth.scope.split(' ').includes('openid'));
  assert.equal(auth.idTokenPayload.iss, `${tenant.url}/`);
  assert.ok([auth.idTokenPayload.aud].flat().includes(CLIENT_ID));
  assert.equal(auth.idTokenPayload.email, email);
  assert.match(auth.idTokenPayload.sub, /\|/);
  assert.ok(auth.idTokenPayload.exp > before);
  assert.equal(auth.refreshToken, undefined, 'no offline_access, no refresh token');

  // The tokens are cached: the profile needs no token argument.
  const profile = await client.getUserInfo();
  assert.equal(profile.sub, auth.idTokenPayload.sub);
});

test('a login with the Management API audience gets the granted user scopes', async () => {
  const client = await clientFor(tenant);
  const { email, password } = await newUser(client);
  const auth = await client.login({ username: email, password, realm: CONNECTION, audience: tenant.managementAudience, scope: USER_SCOPES });
  for (const scope of ['read:current_user', 'update:current_user_metadata']) assert.ok(auth.scope.split(' ').includes(scope), scope);
  const user = await client.getUser();
  assert.equal(user.email, email);
});

test('offline_access gives a refresh token', async () => {
  const client = await clientFor(tenant);
  const { email, password } = await newUser(client);
  const auth = await client.login({ username: email, password, realm: CONNECTION, scope: 'openid profile email offline_access' });
  assert.equal(typeof auth.refreshToken, 'string');
});

test('a wrong password is invalid_grant with the server message, sent once', async () => {
  const recorder = recordingFetch();
  const client = await clientFor(tenant, { fetch: recorder.fetch });
  const { email } = await newUser(client);
  recorder.reset();
  await assert.rejects(client.login({ username: email, password: 'Not-The-Password-1', realm: CONNECTION }), (error) => {
    assert.ok(error instanceof MetalockError);
    assert.equal(error.code, 'invalid_grant');
    assert.equal(error.statusCode, 403);
    assert.equal(error.description, 'Wrong email or password.');
    return true;
  });
  assert.equal(recorder.count('POST', '/oauth/token'), 1);
  await assert.rejects(client.getUserInfo(), (error) => error.code === 'login_required');
});

test('an unknown user is refused like a wrong password', async () => {
  const client = await clientFor(tenant);
  await assert.rejects(
    client.login({ username: 'nobody@example.com', password: 'Whatever-123', realm: CONNECTION }),
    (error) => error.code === 'invalid_grant' && error.statusCode === 403,
  );
});

test('a 5xx on login is not retried', async () => {
  const faulty = await startTenant({ config: { faults: { error5xx: 1 } } });
  try {
    const recorder = recordingFetch();
    const client = await clientFor(faulty, { fetch: recorder.fetch, retry: { backoffMs: 1 } });
    await assert.rejects(
      client.login({ username: 'someone@example.com', password: 'Whatever-123', realm: CONNECTION }),
      (error) => error instanceof MetalockError && error.statusCode === 503,
    );
    assert.equal(recorder.count('POST', '/oauth/token'), 1);
  } finally {
    await faulty.stop();
  }
});

test('bad calls are invalid_argument and send nothing', async () => {
  const recorder = recordingFetch();
  const client = await clientFor(tenant, { fetch: recorder.fetch });
  const bad = [undefined, {}, { username: 'a@example.com', password: 'x' }, { username: 'a@example.com', realm: CONNECTION },
    { username: 'a@example.com', password: 'x', realm: CONNECTION, scope: 5 }];
  for (const options of bad) {
    await assert.rejects(client.login(options), (error) => error instanceof MetalockError && error.code === 'invalid_argument');
  }
  assert.equal(recorder.requests.length, 0);
});
