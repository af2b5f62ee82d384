// create:current_user_metadata vs update:current_user_metadata (Auth0's Create / Update rows
// for PATCH /api/v2/users/{id}): create only adds properties the user does not have; update
// also changes and deletes them. The core decides, in the tenant (which knows the stored
// user) and in the SDK (which refuses before the network what is never an addition).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MetalockError } from '../../dist/metalock.node.js';
import { loggedInUser } from './support/session.js';
import { adminToken, call, recordingFetch, startTenant, userPath, userSession } from './support/tenant.js';

let tenant;
let admin;
before(async () => {
  tenant = await startTenant();
  admin = await adminToken(tenant);
});
after(() => tenant?.stop());

const CREATE_ONLY = 'openid profile read:current_user create:current_user_metadata';
const patch = (userId, token, json) => call(tenant.url, userPath(userId), { method: 'PATCH', token, json });

test('tenant: create:current_user_metadata adds new properties but may not change, delete or clear', async () => {
  const session = await userSession(tenant, { user_metadata: { lang: 'en' } }, CREATE_ONLY);
  const added = await patch(session.userId, session.token, { user_metadata: { hobby: 'chess' } });
  assert.equal(added.status, 200);
  assert.deepEqual(added.body.user_metadata, { lang: 'en', hobby: 'chess' });
  for (const user_metadata of [{ lang: 'fr' }, { hobby: null }, {}, { hobby: 'chess' }]) {
    const refused = await patch(session.userId, session.token, { user_metadata });
    assert.equal(refused.status, 403, JSON.stringify(user_metadata));
    assert.equal(refused.body.errorCode, 'insufficient_scope');
  }
  const stored = await call(tenant.url, userPath(session.userId), { token: admin });
  assert.deepEqual(stored.body.user_metadata, { lang: 'en', hobby: 'chess' });
});

test('tenant: update:current_user_metadata adds, changes, deletes and clears', async () => {
  const session = await userSession(tenant, { user_metadata: { lang: 'en' } }, 'openid update:current_user_metadata');
  const changed = await patch(session.userId, session.token, { user_metadata: { lang: 'fr', hobby: 'chess' } });
  assert.deepEqual(changed.body.user_metadata, { lang: 'fr', hobby: 'chess' });
  const deleted = await patch(session.userId, session.token, { user_metadata: { lang: null } });
  assert.deepEqual(deleted.body.user_metadata, { hobby: 'chess' });
  const cleared = await patch(session.userId, session.token, { user_metadata: {} });
  assert.deepEqual(cleared.body.user_metadata, {});
});

test('SDK: with create:current_user_metadata a deletion is refused before the network; the server refuses a change', async () => {
  const recorder = recordingFetch();
  const { client } = await loggedInUser(tenant, { clientOptions: { fetch: recorder.fetch }, userMetadata: { lang: 'en' }, scope: CREATE_ONLY });
  recorder.reset();
  await assert.rejects(client.updateUserMetadata({ lang: null }), (error) => {
    assert.ok(error instanceof MetalockError);
    assert.equal(error.code, 'insufficient_scope');
    assert.equal(error.field, 'user_metadata.lang');
    return true;
  });
  assert.equal(recorder.count('PATCH'), 0);
  const added = await client.updateUserMetadata({ hobby: 'chess' });
  assert.deepEqual(added.user_metadata, { lang: 'en', hobby: 'chess' });
  await assert.rejects(client.updateUserMetadata({ lang: 'fr' }), (error) => error.code === 'insufficient_scope');
  assert.equal(recorder.count('PATCH'), 2);
});
