// Connection sync: an upstream connection stands in for a social / enterprise provider whose
// profiles come from --config and change between logins (here: a restart with another config
// over the same data). set_user_root_attributes "on_each_login" refreshes name, given_name,
// family_name, nickname and picture at each login; "on_first_login" sets them once, so edits
// made through PATCH /api/v2/users/{id} survive, and null clears one.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { adminToken, call, CLIENT_ID, decodePayload, signup, startTenant, tempDir, userPath } from './support/tenant.js';

const REALM = 'acme-idp';
const PASSWORD_REALM = 'http://auth0.com/oauth/grant-type/password-realm';

function configWith(sync, profile) {
  return {
    connections: [
      { name: 'Username-Password-Authentication' },
      { name: REALM, strategy: 'upstream', set_user_root_attributes: sync, profiles: [profile] },
    ],
  };
}

async function upstreamLogin(tenant, email, password = 'idp-secret') {
  return call(tenant.url, '/oauth/token', {
    method: 'POST',
    json: { grant_type: PASSWORD_REALM, client_id: CLIENT_ID, username: email, password, realm: REALM, scope: 'openid profile email' },
  });
}

const profile = (name) => ({ id: 'u-1', email: 'ada@acme.example', password: 'idp-secret', name, given_name: name.split(' ')[0], family_name: 'Lovelace', nickname: 'ada', picture: 'https://acme.example/ada.png' });

// Logs in under config 1, lets `between` act, restarts with config 2, logs in again. -> user after each login.
async function twoLogins(sync, between) {
  const dataDir = join(tempDir(), 'data');
  let tenant = await startTenant({ dataDir, config: configWith(sync, profile('Ada Lovelace')) });
  let first;
  let userId;
  try {
    const tokens = await upstreamLogin(tenant, 'ada@acme.example');
    assert.equal(tokens.status, 200, tokens.text);
    userId = decodePayload(tokens.body.id_token).sub;
    first = (await call(tenant.url, userPath(userId), { token: await adminToken(tenant) })).body;
    await between(tenant, userId);
  } finally {
    await tenant.stop();
  }
  tenant = await startTenant({ dataDir, config: configWith(sync, profile('Augusta King')) });
  try {
    const tokens = await upstreamLogin(tenant, 'ada@acme.example');
    const second = (await call(tenant.url, userPath(userId), { token: await adminToken(tenant) })).body;
    return { first, second, idToken: decodePayload(tokens.body.id_token) };
  } finally {
    await tenant.stop();
  }
}

test('the first login creates the user from the provider profile', async () => {
  const { first } = await twoLogins('on_each_login', async () => {});
  assert.equal(first.user_id, `${REALM}|u-1`);
  assert.equal(first.name, 'Ada Lovelace');
  assert.equal(first.picture, 'https://acme.example/ada.png');
  assert.deepEqual(first.identities, [{ connection: REALM, provider: REALM, user_id: 'u-1', isSocial: true }]);
  assert.equal(first.logins_count, 1);
});

test('on_each_login: the provider wins at the next login, over a PATCH', async () => {
  const { second, idToken } = await twoLogins('on_each_login', async (tenant, userId) => {
    const patched = await call(tenant.url, userPath(userId), { method: 'PATCH', token: await adminToken(tenant), json: { nickname: 'countess' } });
    assert.equal(patched.body.nickname, 'countess');
  });
  assert.equal(second.name, 'Augusta King');
  assert.equal(second.given_name, 'Augusta');
  assert.equal(second.nickname, 'ada');
  assert.equal(second.logins_count, 2);
  assert.equal(idToken.name, 'Augusta King');
});

test('on_first_login: PATCHed root attributes survive later logins; null clears one', async () => {
  const { second, idToken } = await twoLogins('on_first_login', async (tenant, userId) => {
    const patched = await call(tenant.url, userPath(userId), {
      method: 'PATCH', token: await adminToken(tenant), json: { nickname: 'countess', given_name: null },
    });
    assert.equal(patched.status, 200, patched.text);
    assert.equal(patched.body.nickname, 'countess');
    assert.equal(Object.hasOwn(patched.body, 'given_name'), false);
  });
  assert.equal(second.name, 'Ada Lovelace', 'the provider\'s new name is not copied');
  assert.equal(second.nickname, 'countess');
  assert.equal(Object.hasOwn(second, 'given_name'), false);
  assert.equal(second.logins_count, 2);
  assert.equal(idToken.nickname, 'countess');
});

test('wrong provider credentials, signup on the connection and bad options are refused', async () => {
  const tenant = await startTenant({ config: configWith('on_first_login', profile('Ada Lovelace')) });
  try {
    assert.equal((await upstreamLogin(tenant, 'ada@acme.example', 'wrong')).status, 403);
    assert.equal((await upstreamLogin(tenant, 'nobody@acme.example')).status, 403);
    const created = await signup(tenant, { connection: REALM });
    assert.equal(created.status, 400);
  } finally {
    await tenant.stop();
  }
  await assert.rejects(startTenant({ config: configWith('sometimes', profile('A B')) }), /set_user_root_attributes/);
});

test('null clears a root attribute of a database user too; other properties still refuse null', async () => {
  const tenant = await startTenant();
  try {
    const created = await signup(tenant, { given_name: 'Grace' });
    const admin = await adminToken(tenant);
    const userId = `auth0|${created.body._id}`;
    const cleared = await call(tenant.url, userPath(userId), { method: 'PATCH', token: admin, json: { given_name: null } });
    assert.equal(cleared.status, 200, cleared.text);
    assert.equal(Object.hasOwn(cleared.body, 'given_name'), false);
    const refused = await call(tenant.url, userPath(userId), { method: 'PATCH', token: admin, json: { email: null } });
    assert.equal(refused.status, 400);
  } finally {
    await tenant.stop();
  }
});
