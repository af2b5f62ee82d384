// client.getUserInfo: promise and Lock callback forms, cached or given token, the profile
// normalized with the configured metadata claims.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MetalockError } from '../../dist/metalock.node.js';
import { clientFor, newUser } from './support/session.js';
import { CONNECTION, PASSWORD, recordingFetch, startTenant } from './support/tenant.js';

let tenant;
let client;
let auth;
let email;
before(async () => {
  tenant = await startTenant();
  client = await clientFor(tenant);
  ({ email } = await newUser(client, { userMetadata: { color: 'green', team: 'blue' } }));
  auth = await client.login({ username: email, password: PASSWORD, realm: CONNECTION });
});
after(() => tenant?.stop());

function callbackForm(target, ...args) {
  return new Promise((resolve) => {
    const returned = target.getUserInfo(...args, (error, profile) => resolve({ error, profile, returned }));
    assert.equal(returned, undefined, 'the callback form returns nothing');
  });
}

test('promise form with the cached token: claims kept, metadata lifted', async () => {
  const profile = await client.getUserInfo();
  assert.equal(profile.sub, auth.idTokenPayload.sub);
  assert.equal(profile.email, email);
  assert.deepEqual(profile.user_metadata, { color: 'green', team: 'blue' });
  assert.deepEqual(profile.app_metadata, {});
});

test('promise form with a given token', async () => {
  const other = await clientFor(tenant);   // has no token of its own
  const profile = await other.getUserInfo(auth.accessToken);
  assert.equal(profile.sub, auth.idTokenPayload.sub);
});

test('without the claim options the tenant\'s one namespaced metadata claim is detected and lifted', async () => {
  const plain = await clientFor(tenant, { userMetadataClaim: undefined, appMetadataClaim: undefined });
  const profile = await plain.getUserInfo(auth.accessToken);
  assert.deepEqual(profile.user_metadata, { color: 'green', team: 'blue' });
  assert.deepEqual(profile['https://metalock.dev/user_metadata'], { color: 'green', team: 'blue' });
});

test('an explicit claim option wins over detection, even naming a claim that is absent', async () => {
  const explicit = await clientFor(tenant, { userMetadataClaim: 'https://metalock.dev/other', appMetadataClaim: undefined });
  const profile = await explicit.getUserInfo(auth.accessToken);
  assert.deepEqual(profile.user_metadata, {});
  assert.deepEqual(profile['https://metalock.dev/user_metadata'], { color: 'green', team: 'blue' });
});

test('Lock callback form: (accessToken, callback)', async () => {
  const { error, profile } = await callbackForm(client, auth.accessToken);
  assert.equal(error, null);
  assert.equal(profile.email, email);
  assert.deepEqual(profile.user_metadata, { color: 'green', team: 'blue' });
});

test('callback form without a token uses the cached one', async () => {
  const { error, profile } = await callbackForm(client, undefined);
  assert.equal(error, null);
  assert.equal(profile.sub, auth.idTokenPayload.sub);
  const bare = await callbackForm(client);
  assert.equal(bare.error, null);
  assert.equal(bare.profile.sub, auth.idTokenPayload.sub);
});

test('callback form hands errors to the callback', async () => {
  const { error, profile } = await callbackForm(client, 'not-a-token');
  assert.ok(error instanceof MetalockError);
  assert.equal(error.statusCode, 401);
  assert.equal(profile, undefined);
});

test('a bad token is a 401 MetalockError from the server', async () => {
  await assert.rejects(client.getUserInfo('not-a-token'), (error) => {
    assert.ok(error instanceof MetalockError);
    assert.equal(error.statusCode, 401);
    assert.equal(typeof error.code, 'string');
    return true;
  });
});

test('no token at all is login_required, with no request sent', async () => {
  const recorder = recordingFetch();
  const fresh = await clientFor(tenant, { fetch: recorder.fetch });
  await assert.rejects(fresh.getUserInfo(), (error) => error instanceof MetalockError && error.code === 'login_required');
  const { error } = await callbackForm(fresh);
  assert.equal(error.code, 'login_required');
  assert.equal(recorder.requests.length, 0);
});

test('the token travels in the Authorization header, never in the URL', async () => {
  const seen = [];
  const spying = await clientFor(tenant, {
    fetch: (url, init) => {
      seen.push({ url: String(url), headers: init.headers });
      return fetch(url, init);
    },
  });
  await spying.getUserInfo(auth.accessToken);
  assert.equal(seen.length, 1);
  assert.ok(!seen[0].url.includes(auth.accessToken));
  const authorization = Object.entries(seen[0].headers).find(([name]) => name.toLowerCase() === 'authorization');
  assert.equal(authorization?.[1], `Bearer ${auth.accessToken}`);
});
