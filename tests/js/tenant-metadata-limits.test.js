// The tenant keeps a user's metadata within Auth0's documented limit (16 MB for user_metadata
// and app_metadata together) and never stores a number JSON cannot carry. A user stored past
// the limit (before it was enforced) can still be read, logged in and shrunk.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { clientFor } from './support/session.js';
import { call, CONNECTION, login, PASSWORD, startTenant, USER_SCOPES, userPath, userSession } from './support/tenant.js';

const MB = 1_000_000;
const chunk = (n) => 'x'.repeat(n);
// `count` user_metadata keys of `size` characters each.
const bulky = (count, size) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`k${i}`, chunk(size)]));

let tenant;
before(async () => {
  tenant = await startTenant({
    config: {
      users: [
        { email: 'near@example.com', password: PASSWORD, user_metadata: bulky(16, 950_000) },   // 15.2 MB
        { email: 'legacy@example.com', password: PASSWORD, user_metadata: bulky(20, MB) },      // 20 MB: stored before the limit
      ],
    },
  });
});
after(() => tenant?.stop());

async function sessionOf(email) {
  const tokens = await login(tenant, { username: email, audience: tenant.managementAudience }).catch((error) => {
    throw new Error(`login failed: ${error.cause?.code ?? ''} ${error.cause?.message ?? error.message}; `
      + `tenant exit code ${tenant.child.exitCode} signal ${tenant.child.signalCode}; stderr: ${tenant.stderr().slice(-800)}`);
  });
  assert.equal(tokens.status, 200, tokens.text);
  const token = tokens.body.access_token;
  const sub = JSON.parse(Buffer.from(token.split('.')[1], 'base64url')).sub;
  return { token, userId: sub };
}
const patch = (session, json) => call(tenant.url, userPath(session.userId), { method: 'PATCH', token: session.token, json });
const get = (session) => call(tenant.url, userPath(session.userId), { token: session.token });

test('a number out of the double range is a 400 in the Management API shape, and nothing changes', async () => {
  const session = await userSession(tenant, { user_metadata: { score: '1' } });
  for (const text of ['{"user_metadata":{"score":1e400}}', '{"user_metadata":{"score":-1e400}}', '{"user_metadata":{"a":{"b":[1e999]}}}']) {
    const response = await patch(session, text);
    assert.equal(response.status, 400, text);
    assert.equal(response.body.statusCode, 400);
    assert.equal(response.body.error, 'Bad Request');
    assert.equal(response.body.errorCode, 'invalid_body');
    assert.match(response.body.message, /user_metadata\./);
  }
  assert.deepEqual((await get(session)).body.user_metadata, { score: '1' });
});

test('a write past 16 MB of metadata is a 400; deletes still work and the user still logs in through the SDK', async () => {
  const session = await sessionOf('near@example.com');
  const grown = await patch(session, { user_metadata: { more: chunk(700_000) } });   // 15.9 MB: within
  assert.equal(grown.status, 200);
  const refused = await patch(session, { user_metadata: { extra: chunk(700_000) } });   // 16.6 MB: past
  assert.equal(refused.status, 400);
  assert.equal(refused.body.errorCode, 'invalid_body');
  assert.match(refused.body.message, /16000000 bytes/);
  const after = (await get(session)).body.user_metadata;
  assert.equal(after.extra, undefined);
  assert.equal(after.more.length, 700_000);
  assert.equal((await patch(session, { user_metadata: { k0: null, more: null } })).status, 200);

  const client = await clientFor(tenant);
  await client.login({ username: 'near@example.com', password: PASSWORD, realm: CONNECTION, audience: tenant.managementAudience, scope: USER_SCOPES });
  const user = await client.getUser();
  assert.equal(Object.keys(user.user_metadata).length, 15);
  const updated = await client.updateUserMetadata({ k1: null });
  assert.equal(updated.user_metadata.k1, undefined);
});

test('a user already past the limit can be read, logged in and shrunk, but not grown', async () => {
  const session = await sessionOf('legacy@example.com');
  const read = await get(session);
  assert.equal(read.status, 200);
  assert.equal(Object.keys(read.body.user_metadata).length, 20);
  assert.equal((await patch(session, { user_metadata: { one: 'more byte' } })).status, 400);
  // Shrinking, even while still past the limit, goes through.
  const shrunk = await patch(session, { user_metadata: { k0: null, k1: null } });
  assert.equal(shrunk.status, 200, shrunk.text.slice(0, 300));
  assert.equal(Object.keys(shrunk.body.user_metadata).length, 18);
  // The SDK logs in (the ID token leaves out metadata claims past Auth0's 100 KB custom-claims
  // limit) and, once the user is within the limit, reads it whole.
  const client = await clientFor(tenant);
  const auth = await client.login({ username: 'legacy@example.com', password: PASSWORD, realm: CONNECTION, audience: tenant.managementAudience, scope: USER_SCOPES });
  assert.equal(typeof auth.accessToken, 'string');
  assert.equal((await patch(session, { user_metadata: { k2: null, k3: null, k4: null } })).status, 200);
  assert.equal(Object.keys((await client.getUser()).user_metadata).length, 15);
});
