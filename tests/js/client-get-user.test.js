// client.getUser: GET /api/v2/users/{id} with the Management API token from login.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MetalockError } from '../../dist/metalock.node.js';
import { clientFor, loggedInUser, newUser } from './support/session.js';
import { CONNECTION, recordingFetch, startTenant } from './support/tenant.js';

let tenant;
before(async () => {
  tenant = await startTenant();
});
after(() => tenant?.stop());

test('getUser() reads the logged-in user, metadata included', async () => {
  const { client, email, userId } = await loggedInUser(tenant, { userMetadata: { lang: 'pt', theme: 'dark' } });
  const user = await client.getUser();
  assert.equal(user.user_id, userId);
  assert.equal(user.email, email);
  assert.deepEqual(user.user_metadata, { lang: 'pt', theme: 'dark' });
  assert.deepEqual(user.app_metadata, {});
  assert.ok(Array.isArray(user.identities));
});

test('getUser(ownId) is the same user; an id with a | is encoded, not split', async () => {
  const { client, userId } = await loggedInUser(tenant);
  assert.match(userId, /\|/);
  const user = await client.getUser(userId);
  assert.equal(user.user_id, userId);
});

test("another user's id is refused by the tenant (insufficient_scope, 403)", async () => {
  const first = await loggedInUser(tenant);
  const second = await loggedInUser(tenant);
  await assert.rejects(first.client.getUser(second.userId), (error) => {
    assert.ok(error instanceof MetalockError);
    assert.equal(error.code, 'insufficient_scope');
    assert.equal(error.statusCode, 403);
    return true;
  });
});

test('without a Management API token it is login_required, with no request sent', async () => {
  const recorder = recordingFetch();
  const client = await clientFor(tenant, { fetch: recorder.fetch });
  await assert.rejects(client.getUser(), (error) => error.code === 'login_required');
  // A login for the default audience does not give one either.
  const { email, password } = await newUser(client);
  await client.login({ username: email, password, realm: CONNECTION });
  recorder.reset();
  await assert.rejects(client.getUser(), (error) => error.code === 'login_required');
  assert.equal(recorder.requests.length, 0);
});

test('the Management API audience configured on the client serves getUser', async () => {
  const client = await clientFor(tenant, {
    audience: tenant.managementAudience,
    scope: 'openid profile email read:current_user update:current_user_metadata',
  });
  const { email, password } = await newUser(client);
  await client.login({ username: email, password, realm: CONNECTION });
  const user = await client.getUser();
  assert.equal(user.email, email);
  // The same token also serves /userinfo (it carries both audiences).
  const profile = await client.getUserInfo();
  assert.equal(profile.email, email);
});

test('a bad userId argument is invalid_argument', async () => {
  const { client } = await loggedInUser(tenant);
  await assert.rejects(client.getUser(42), (error) => error.code === 'invalid_argument');
  await assert.rejects(client.getUser(''), (error) => error.code === 'invalid_argument');
});
