// Auth0's "copy user_metadata to the ID token, read it through Get User Info" example, through
// the widget: the tenant's post-login section (as an Action would) copies user_metadata into a
// namespaced ID-token claim; a Lock user signs up with an additionalSignUpField, gets the claim
// in authResult.idTokenPayload, and lock.getUserInfo lifts it into profile.user_metadata with no
// claim option (the one claim ending in /user_metadata).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN, ADMIN_SECRET, CLIENT_ID, uniqueEmail } from '../js/support/tenant.js';
import { PASSWORD, startHarness, waitForEvent } from './support/widget-harness.mjs';

const CLAIM = 'https://myapp.example.com/user_metadata';
let harness;
before(async () => {
  harness = await startHarness({ tenantOptions: { config: {
    clients: [{ clientId: CLIENT_ID, type: 'spa' }, { clientId: ADMIN, type: 'machine', secret: ADMIN_SECRET }],
    postLogin: { claims: [{ claim: CLAIM, from: 'user_metadata', idToken: true }] },
  } } });
});
after(async () => { await harness?.close(); });

test('sign up through the widget: user_metadata arrives in the ID token and through lock.getUserInfo', async () => {
  const page = await harness.open(`
window.lock = record(new Lock('metalock-demo', TENANT, {
  initialScreen: 'signUp', additionalSignUpFields: [{ name: 'hobby', placeholder: 'Your hobby' }],
}));
window.lock.show();`);
  await page.waitForSelector('input[name=hobby]');
  await page.fill('input[type=email]', uniqueEmail('post-login'));
  await page.fill('input[type=password]', PASSWORD);
  await page.fill('input[name=hobby]', 'chess');
  await page.click('.mlk-submit');
  const [authResult] = await waitForEvent(page, 'authenticated');
  assert.deepEqual(authResult.idTokenPayload[CLAIM], { hobby: 'chess' });

  const profile = await page.evaluate((token) => new Promise((resolve) => {
    window.lock.getUserInfo(token, (error, value) => resolve(error ? { error: error.code } : value));
  }), authResult.accessToken);
  assert.deepEqual(profile.user_metadata, { hobby: 'chess' });
  assert.deepEqual(page.errors, []);
  await page.close();
});
