// GET / PATCH /api/v2/users/{id}: the merge semantics of docs/semantics.md (applied by the core),
// the scopes enforced per token, and the Management API's error bodies.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adminToken, call, decodePayload, login, signup, sleep, startTenant, PASSWORD, userPath, userSession } from './support/tenant.js';

let tenant;
let admin;
before(async () => {
  tenant = await startTenant();
  admin = await adminToken(tenant);
});
after(() => tenant.stop());

const get = (userId, token, query = '') => call(tenant.url, `${userPath(userId)}${query}`, { token });
const patch = (userId, token, json) => call(tenant.url, userPath(userId), { method: 'PATCH', token, json });

const insufficientRead = {
  statusCode: 403, error: 'Forbidden', errorCode: 'insufficient_scope',
  message: 'Insufficient scope, expected any of: read:users,read:current_user,read:user_idp_tokens',
};
const insufficientUpdate = {
  statusCode: 403, error: 'Forbidden', errorCode: 'insufficient_scope',
  message: 'Insufficient scope, expected any of: update:users,update:users_app_metadata,update:current_user_metadata',
};

test('a user token reads its own user; the admin token reads anyone', async () => {
  const session = await userSession(tenant, { user_metadata: { a: '1' } });
  const own = await get(session.userId, session.token);
  assert.equal(own.status, 200);
  assert.equal(own.body.user_id, session.userId);
  assert.deepEqual(own.body.user_metadata, { a: '1' });
  assert.equal(own.body.logins_count, 1);
  assert.ok(own.body.last_login);
  assert.ok(own.headers.get('x-ratelimit-limit'));
  const byAdmin = await get(session.userId, admin);
  assert.deepEqual(byAdmin.body, own.body);
});

test('fields and include_fields select what GET returns', async () => {
  const session = await userSession(tenant);
  const only = await get(session.userId, admin, '?fields=user_id,email&include_fields=true');
  assert.deepEqual(Object.keys(only.body).sort(), ['email', 'user_id']);
  const without = await get(session.userId, admin, '?fields=identities&include_fields=false');
  assert.equal(without.body.identities, undefined);
  assert.ok(without.body.email);
});

test('a user token may not read another user: 403 insufficient_scope', async () => {
  const alice = await userSession(tenant);
  const bob = await userSession(tenant);
  const response = await get(bob.userId, alice.token);
  assert.equal(response.status, 403);
  assert.deepEqual(response.body, insufficientRead);
});

test('unknown user: 404 inexistent_user', async () => {
  const response = await get('auth0|000000000000000000000000', admin);
  assert.equal(response.status, 404);
  assert.deepEqual(response.body, { statusCode: 404, error: 'Not Found', message: 'The user does not exist.', errorCode: 'inexistent_user' });
  const patched = await patch('auth0|000000000000000000000000', admin, { user_metadata: { a: 1 } });
  assert.equal(patched.status, 404);
  assert.equal(patched.body.errorCode, 'inexistent_user');
});

test('401 without a token, with a bad one, with a token for another audience', async () => {
  const session = await userSession(tenant);
  const missing = await get(session.userId);
  assert.equal(missing.status, 401);
  assert.deepEqual(missing.body, { statusCode: 401, error: 'Unauthorized', message: 'Missing authentication' });
  const bad = await get(session.userId, 'abc.def.ghi');
  assert.equal(bad.status, 401);
  assert.deepEqual(bad.body, { statusCode: 401, error: 'Unauthorized', message: 'Invalid token' });
  const userinfoOnly = (await login(tenant, { username: session.email, scope: 'openid' })).body.access_token;
  const wrongAudience = await get(session.userId, userinfoOnly);
  assert.equal(wrongAudience.status, 401);
  assert.equal(wrongAudience.body.message, `Bad audience: ${tenant.url}/userinfo`);
});

test('401 for an expired token, checked on the tenant\'s own clock (no leeway)', async () => {
  // Tokens live 1 s; both are issued first, then one wait until the tenant's whole-second
  // clock is past the later exp (expired means now > exp).
  const shortLived = await startTenant({ config: { tokens: { accessTokenLifetime: 1 } } });
  try {
    const session = await userSession(shortLived);
    const userId = session.userId;
    const machine = await adminToken(shortLived);
    const read = (token) => call(shortLived.url, userPath(userId), { token });
    const expiresAt = Math.max(decodePayload(session.token).exp, decodePayload(machine).exp);
    await sleep((expiresAt + 1) * 1000 - Date.now() + 20);
    const expired = await read(session.token);
    assert.equal(expired.status, 401);
    assert.deepEqual(expired.body, { statusCode: 401, error: 'Unauthorized', message: 'Expired token received for JSON Web Token validation' });
    const patched = await call(shortLived.url, userPath(userId), { method: 'PATCH', token: machine, json: { user_metadata: { a: 1 } } });
    assert.equal(patched.status, 401);
    assert.equal(patched.body.message, 'Expired token received for JSON Web Token validation');
    // A fresh token on the same tenant still passes: the 401s came from expiry alone.
    assert.equal((await read(await adminToken(shortLived))).status, 200);
  } finally {
    await shortLived.stop();
  }
});

test('a token without read scopes: 403', async () => {
  const session = await userSession(tenant, {}, 'openid update:current_user_metadata');
  const response = await get(session.userId, session.token);
  assert.equal(response.status, 403);
  assert.deepEqual(response.body, insufficientRead);
});

test('PATCH merges user_metadata at the top level: keys overwrite, omitted stay, null deletes, nested replaced', async () => {
  const session = await userSession(tenant, { user_metadata: { keep: 'k', drop: 'd', nested: '{}' } });
  const first = await patch(session.userId, session.token, { user_metadata: { nested: { a: 1, b: { c: 2 } }, list: [1, 2] } });
  assert.equal(first.status, 200);
  assert.deepEqual(first.body.user_metadata, { keep: 'k', drop: 'd', nested: { a: 1, b: { c: 2 } }, list: [1, 2] });
  const second = await patch(session.userId, session.token, { user_metadata: { drop: null, nested: { z: true }, list: [3] } });
  assert.equal(second.status, 200);
  assert.deepEqual(second.body.user_metadata, { keep: 'k', nested: { z: true }, list: [3] });
  assert.ok(Date.parse(second.body.updated_at) >= Date.parse(first.body.updated_at));
  const read = await get(session.userId, session.token);
  assert.deepEqual(read.body.user_metadata, second.body.user_metadata);
});

test('PATCH {"user_metadata": {}} clears it, as on Auth0', async () => {
  const session = await userSession(tenant, { user_metadata: { a: 'x', b: 'y' } });
  const cleared = await patch(session.userId, session.token, { user_metadata: {} });
  assert.equal(cleared.status, 200);
  assert.deepEqual(cleared.body.user_metadata, {});
});

test('a user token patches only its own user_metadata: 403 insufficient_scope otherwise', async () => {
  const alice = await userSession(tenant);
  const bob = await userSession(tenant);
  const other = await patch(bob.userId, alice.token, { user_metadata: { x: 1 } });
  assert.equal(other.status, 403);
  assert.deepEqual(other.body, insufficientUpdate);
  for (const body of [{ app_metadata: { plan: 'gold' } }, { email: 'new@example.com' }, { user_metadata: { a: 1 }, blocked: true }]) {
    const response = await patch(alice.userId, alice.token, body);
    assert.equal(response.status, 403, JSON.stringify(body));
    assert.deepEqual(response.body, insufficientUpdate);
  }
  const readOnly = await userSession(tenant, {}, 'openid read:current_user');
  const refused = await patch(readOnly.userId, readOnly.token, { user_metadata: { a: 1 } });
  assert.equal(refused.status, 403);
  assert.deepEqual(refused.body, insufficientUpdate);
  const createOnly = await userSession(tenant, {}, 'openid create:current_user_metadata');
  assert.equal((await patch(createOnly.userId, createOnly.token, { user_metadata: { a: 1 } })).status, 200);
  const untouched = await get(bob.userId, admin);
  assert.deepEqual(untouched.body.user_metadata, {});
});

test('the admin token patches app_metadata and root attributes', async () => {
  const session = await userSession(tenant);
  const response = await patch(session.userId, admin, { app_metadata: { plan: 'gold', roles: ['a'] }, given_name: 'Ada', email_verified: true });
  assert.equal(response.status, 200);
  assert.deepEqual(response.body.app_metadata, { plan: 'gold', roles: ['a'] });
  assert.equal(response.body.given_name, 'Ada');
  assert.equal(response.body.email_verified, true);
  const next = await patch(session.userId, admin, { app_metadata: { roles: null } });
  assert.deepEqual(next.body.app_metadata, { plan: 'gold' });
});

test('control properties (verify_password, verify_email, connection, client_id) steer the update and are never stored', async () => {
  const session = await userSession(tenant);
  const body = { given_name: 'Grace', verify_password: false, verify_email: false, verify_phone_number: false, connection: 'Username-Password-Authentication', client_id: 'metalock-demo' };
  const response = await patch(session.userId, admin, body);
  assert.equal(response.status, 200);
  assert.equal(response.body.given_name, 'Grace');
  const stored = await get(session.userId, admin);
  for (const name of ['verify_password', 'verify_email', 'verify_phone_number', 'connection', 'client_id']) {
    assert.equal(name in response.body, false, name);
    assert.equal(name in stored.body, false, name);
  }
  const unknown = await patch(session.userId, admin, { given_name: 'X', favourite_colour: 'blue' });
  assert.equal(unknown.status, 400);
  assert.deepEqual(unknown.body, {
    statusCode: 400, error: 'Bad Request', errorCode: 'invalid_body',
    message: "Payload validation error: 'Additional properties not allowed: favourite_colour'.",
  });
});

test('update:users_app_metadata allows the metadata only, of any user', async () => {
  const metadataOnly = await adminToken(tenant, 'read:users update:users_app_metadata');
  const session = await userSession(tenant);
  const patched = await patch(session.userId, metadataOnly, { app_metadata: { a: 1 }, user_metadata: { b: 2 } });
  assert.equal(patched.status, 200);
  assert.deepEqual([patched.body.app_metadata, patched.body.user_metadata], [{ a: 1 }, { b: 2 }]);
  for (const body of [{ given_name: 'X' }, { user_metadata: { c: 3 }, email_verified: true }]) {
    const refused = await patch(session.userId, metadataOnly, body);
    assert.equal(refused.status, 403, JSON.stringify(body));
    assert.deepEqual(refused.body, insufficientUpdate);
  }
});

test('a token with no update scope at all is turned away before its body is read', async () => {
  const readOnly = await adminToken(tenant, 'read:users');
  const session = await userSession(tenant);
  for (const body of [{ user_metadata: { a: 1 } }, '{"not json']) {
    const refused = await patch(session.userId, readOnly, body);
    assert.equal(refused.status, 403);
    assert.deepEqual(refused.body, insufficientUpdate);
  }
});

test('update:users patches root attributes and both metadata of any user', async () => {
  const full = await adminToken(tenant, 'update:users');
  const session = await userSession(tenant);
  const patched = await patch(session.userId, full, { nickname: 'n', user_metadata: { a: 1 }, app_metadata: { b: 2 } });
  assert.equal(patched.status, 200);
  assert.deepEqual([patched.body.nickname, patched.body.user_metadata, patched.body.app_metadata], ['n', { a: 1 }, { b: 2 }]);
});

test('invalid bodies: 400 invalid_body with the reason', async () => {
  const session = await userSession(tenant);
  const cases = [
    [{ user_metadata: { 'a.b': 1 } }, /^Payload validation error: '.+' on property user_metadata\.a\.b\.$/],
    [{ user_metadata: { deep: { 'x$y': 1 } } }, /on property user_metadata\.deep\.x\$y\.$/],
    [{ app_metadata: { email: 'x' } }, /^Payload validation error: '.*email.*' on property app_metadata\.email\.$/],
    [{ app_metadata: { blocked: true } }, /' on property app_metadata\.blocked\.$/],
    [{ nope: 1 }, /Additional properties not allowed: nope/],
    [{}, /Too few properties defined \(0\), minimum 1/],
    [{ user_metadata: 'x' }, /Expected type object but found type string' on property user_metadata/],
    [{ blocked: 'yes' }, /Expected type boolean/],
    [[1], /Expected type object but found type array/],
  ];
  for (const [body, message] of cases) {
    const response = await patch(session.userId, admin, body);
    assert.equal(response.status, 400, JSON.stringify(body));
    assert.equal(response.body.statusCode, 400);
    assert.equal(response.body.error, 'Bad Request');
    assert.equal(response.body.errorCode, 'invalid_body');
    assert.match(response.body.message, message);
  }
  const badJson = await call(tenant.url, userPath(session.userId), { method: 'PATCH', token: admin, json: '{"user_metadata":' });
  assert.equal(badJson.status, 400);
  assert.deepEqual(badJson.body, { statusCode: 400, error: 'Bad Request', message: 'Invalid request payload JSON format', errorCode: 'invalid_body' });
});

test('a password change by the admin applies the connection policy, then the new password logs in', async () => {
  const created = await signup(tenant);
  const userId = `auth0|${created.body._id}`;
  const weak = await patch(userId, admin, { password: 'weak' });
  assert.equal(weak.status, 400);
  assert.equal(weak.body.errorCode, 'invalid_body');
  assert.equal((await patch(userId, admin, { password: 'N3w-Passw0rd' })).status, 200);
  assert.equal((await login(tenant, { username: created.email, password: PASSWORD })).status, 403);
  assert.equal((await login(tenant, { username: created.email, password: 'N3w-Passw0rd' })).status, 200);
});

test('changing the email to one in use is refused', async () => {
  const a = await signup(tenant);
  const b = await signup(tenant);
  const response = await patch(`auth0|${b.body._id}`, admin, { email: a.email });
  assert.equal(response.status, 400);
  assert.equal(response.body.errorCode, 'email_conflict');
});

test('concurrent patches of different keys all land (no lost update)', async () => {
  const session = await userSession(tenant);
  const results = await Promise.all(Array.from({ length: 25 }, (_, i) => patch(session.userId, session.token, { user_metadata: { [`k${i}`]: i } })));
  assert.ok(results.every((r) => r.status === 200));
  const read = await get(session.userId, admin);
  assert.equal(Object.keys(read.body.user_metadata).length, 25);
});

test('a body over 1 MB: 413 with the Management API body', async () => {
  const session = await userSession(tenant);
  const response = await patch(session.userId, admin, { user_metadata: { big: 'x'.repeat(1024 * 1024) } });
  assert.equal(response.status, 413);
  assert.deepEqual(response.body, {
    statusCode: 413, error: 'Request Entity Too Large', message: 'Payload content length greater than maximum allowed: 1048576',
  });
});
