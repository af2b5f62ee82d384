// Declarative post-login claims (--config postLogin), as a post-login Action adds them:
// user_metadata, app_metadata and the client's client_metadata copied into the ID token, the
// access token and /userinfo, under Auth0's rules for custom claim names. And Auth0's page's
// example end to end: user_metadata copied to the ID token, read back through getUserInfo.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createClient } from '../../dist/metalock.node.js';
import { newUser } from './support/session.js';
import { ADMIN, ADMIN_SECRET, adminToken, call, CLI, CLIENT_ID, CONNECTION, decodePayload, login, startTenant, tempDir, userSession } from './support/tenant.js';

const NS = 'https://myapp.example.com/';
const config = {
  clients: [
    { clientId: CLIENT_ID, type: 'spa', client_metadata: { homepage: 'https://myapp.example.com' } },
    { clientId: ADMIN, type: 'machine', secret: ADMIN_SECRET },
  ],
  postLogin: {
    claims: [
      { claim: `${NS}user_metadata`, from: 'user_metadata', idToken: true },
      { claim: `${NS}plan`, from: 'app_metadata.plan', idToken: true, accessToken: true },
      { claim: `${NS}homepage`, from: 'client_metadata.homepage', idToken: true, accessToken: true },
      { claim: 'hobby', from: 'user_metadata.hobby', idToken: true, accessToken: true },
      { claim: `${NS}missing`, from: 'user_metadata.nothing', idToken: true },
    ],
  },
};
let tenant;
before(async () => {
  tenant = await startTenant({ config });
});
after(() => tenant?.stop());

test('ID token, access token and /userinfo carry the configured claims', async () => {
  const session = await userSession(tenant, { user_metadata: { hobby: 'chess', lang: 'fr' } }, 'openid profile');
  await call(tenant.url, `/api/v2/users/${encodeURIComponent(session.userId)}`, {
    method: 'PATCH', token: await adminToken(tenant), json: { app_metadata: { plan: 'gold' } },
  });
  const tokens = (await login(tenant, { username: session.email, scope: 'openid profile', audience: tenant.managementAudience })).body;
  const id = decodePayload(tokens.id_token);
  assert.deepEqual(id[`${NS}user_metadata`], { hobby: 'chess', lang: 'fr' });
  assert.equal(id[`${NS}plan`], 'gold');
  assert.equal(id[`${NS}homepage`], 'https://myapp.example.com');
  assert.equal(id.hobby, 'chess');   // private claims are fine in ID tokens
  assert.equal(Object.hasOwn(id, `${NS}missing`), false);
  const access = decodePayload(tokens.access_token);
  assert.equal(access[`${NS}plan`], 'gold');
  assert.equal(access[`${NS}homepage`], 'https://myapp.example.com');
  assert.equal(Object.hasOwn(access, 'hobby'), false, 'Auth0 keeps private claims out of tokens for its own APIs');
  assert.equal(Object.hasOwn(access, `${NS}user_metadata`), false, 'not configured for the access token');
  const info = await call(tenant.url, '/userinfo', { token: tokens.access_token });
  assert.deepEqual(info.body[`${NS}user_metadata`], { hobby: 'chess', lang: 'fr' });
  assert.equal(info.body.hobby, 'chess');
});

test("Auth0's example with the SDK: user_metadata copied to the ID token, read through getUserInfo", async () => {
  const client = await createClient({ domain: tenant.url, clientId: CLIENT_ID, userMetadataClaim: `${NS}user_metadata` });
  const user = await newUser(client, { userMetadata: { hobby: 'surfing' } });
  const auth = await client.login({ username: user.email, password: user.password, realm: CONNECTION, scope: 'openid profile email' });
  assert.deepEqual(auth.idTokenPayload[`${NS}user_metadata`], { hobby: 'surfing' });
  const profile = await client.getUserInfo();
  assert.deepEqual(profile.user_metadata, { hobby: 'surfing' });
  assert.equal(profile.email, user.email);
});

test('claim names Auth0 refuses stop the tenant at start', () => {
  for (const [claim, message] of [['sub', /postLogin\.claims\[0\]\.claim/], ['https://x.auth0.com/a', /auth0\.com/]]) {
    const file = join(tempDir('config'), 'config.json');
    writeFileSync(file, JSON.stringify({ postLogin: { claims: [{ claim, from: 'user_metadata', idToken: true }] } }));
    const started = spawnSync(process.execPath, [CLI, '--port', '0', '--data', tempDir(), '--config', file], { encoding: 'utf8', timeout: 20000 });
    assert.notEqual(started.status, 0);
    assert.match(started.stderr, message);
  }
  const file = join(tempDir('config'), 'config.json');
  writeFileSync(file, JSON.stringify({ postLogin: { claims: [{ claim: 'x', from: 'profile.name' }] } }));
  const started = spawnSync(process.execPath, [CLI, '--port', '0', '--data', tempDir(), '--config', file], { encoding: 'utf8', timeout: 20000 });
  assert.match(started.stderr, /from must be/);
});
