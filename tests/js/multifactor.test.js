// Removing an MFA configuration: DELETE /api/v2/users/{id}/multifactor/{provider} on the real
// tenant (update:users, 204 / 404 / 403 / 400 as Auth0 answers) and the SDK's
// deleteMultifactorProvider, refused before the network when the token cannot do it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MetalockError } from '../../dist/metalock.node.js';
import { loggedInUser } from './support/session.js';
import { adminToken, call, login, decodePayload, PASSWORD, recordingFetch, startTenant, userPath } from './support/tenant.js';

const seeded = { email: 'mfa@example.com', password: PASSWORD, multifactor: ['google-authenticator', 'duo'] };
let tenant;
let admin;
let userId;
before(async () => {
  tenant = await startTenant({ config: { users: [seeded] } });
  admin = await adminToken(tenant);
  userId = decodePayload((await login(tenant, { username: seeded.email })).body.access_token).sub;
});
after(() => tenant?.stop());

const remove = (id, provider, token) =>
  call(tenant.url, `${userPath(id)}/multifactor/${encodeURIComponent(provider)}`, { method: 'DELETE', token });

test('a seed user carries its multifactor list; GET shows it', async () => {
  const user = await call(tenant.url, userPath(userId), { token: admin });
  assert.deepEqual(user.body.multifactor, ['google-authenticator', 'duo']);
});

test('update:users removes one provider: 204, empty body, the rest stays', async () => {
  const removed = await remove(userId, 'duo', admin);
  assert.equal(removed.status, 204);
  assert.equal(removed.text, '');
  assert.deepEqual((await call(tenant.url, userPath(userId), { token: admin })).body.multifactor, ['google-authenticator']);
  assert.equal((await remove(userId, 'google-authenticator', admin)).status, 204);
  assert.equal((await call(tenant.url, userPath(userId), { token: admin })).body.multifactor, undefined);
});

test('an unknown user is 404 inexistent_user', async () => {
  const response = await remove('auth0|000000000000000000000000', 'duo', admin);
  assert.equal(response.status, 404);
  assert.equal(response.body.errorCode, 'inexistent_user');
});

test('without update:users it is 403 insufficient_scope, even for the own user', async () => {
  const readOnly = await adminToken(tenant, 'read:users update:users_app_metadata');
  const refused = await remove(userId, 'duo', readOnly);
  assert.equal(refused.status, 403);
  assert.deepEqual(refused.body, {
    statusCode: 403, error: 'Forbidden', message: 'Insufficient scope, expected any of: update:users', errorCode: 'insufficient_scope',
  });
  const own = await login(tenant, { username: seeded.email, audience: tenant.managementAudience });
  assert.equal((await remove(userId, 'duo', own.body.access_token)).status, 403);
});

test("a provider Auth0 does not name is 400 invalid_uri", async () => {
  const response = await remove(userId, 'guardian', admin);
  assert.equal(response.status, 400);
  assert.equal(response.body.errorCode, 'invalid_uri');
});

test('SDK: a user token (no update:users) is refused before any request; so is an unknown provider', async () => {
  const recorder = recordingFetch();
  const { client } = await loggedInUser(tenant, { clientOptions: { fetch: recorder.fetch } });
  recorder.reset();
  const isError = (code, field) => (error) => {
    assert.ok(error instanceof MetalockError, String(error));
    assert.equal(error.code, code);
    if (field) assert.equal(error.field, field);
    return true;
  };
  await assert.rejects(client.deleteMultifactorProvider('duo'), isError('insufficient_scope'));
  await assert.rejects(client.deleteMultifactorProvider(''), isError('invalid_argument', 'provider'));
  await assert.rejects(client.deleteMultifactorProvider(42), isError('invalid_argument', 'provider'));
  assert.equal(recorder.requests.length, 0);
});
