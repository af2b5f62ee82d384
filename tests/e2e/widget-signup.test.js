// The widget against the real tenant in real Chromium: sign-up with every Lock field type
// stores exactly the right user_metadata, `authenticated` carries Lock's authResult and
// getUserInfo shows the metadata; invalid input shows hints and sends nothing.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { uniqueEmail } from '../js/support/tenant.js';
import { ALL_FIELDS, FILLED, STORED_METADATA } from './widget-fields.js';
import { eventNames, hints, PASSWORD, screenshot, startHarness, userById, waitForEvent } from './support/widget-harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

const signupPage = (options = '') => harness.open(`
window.lock = record(new Lock('metalock-demo', TENANT, {
  userMetadataClaim: CLAIM, additionalSignUpFields: ${ALL_FIELDS}, initialScreen: 'signUp', ${options}
}));
window.lock.show();`);

async function fillSignup(page, email) {
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', PASSWORD);
  await page.fill('input[name=company]', FILLED.company);
  await page.fill('input[name=bio]', FILLED.bio);
  await page.selectOption('select[name=plan]', FILLED.plan);
  await page.fill('input[name=given_name]', FILLED.given_name);
}

test('sign-up with every field type: the tenant stores exactly the right user_metadata; authenticated and getUserInfo follow', async () => {
  const page = await signupPage();
  await page.waitForSelector('select[name=plan] option[value=pro]', { state: 'attached' });
  assert.equal(await page.inputValue('input[name=color]'), 'teal', 'a prefill function fills its field');
  assert.equal(await page.isChecked('input[name=terms_ok]'), true, "prefill 'true' checks a checkbox");
  assert.equal(await page.locator('input[name=source]').count(), 0, 'a hidden field is not rendered');
  await screenshot(page, 'signup');
  const email = uniqueEmail('widget');
  await fillSignup(page, email);
  await page.click('.mlk-submit');
  const [authResult] = await waitForEvent(page, 'authenticated');
  for (const key of ['accessToken', 'idToken', 'idTokenPayload', 'expiresIn', 'tokenType', 'scope']) {
    assert.ok(authResult[key] !== undefined, `authResult.${key}`);
  }
  assert.equal(authResult.idTokenPayload.email, email);
  assert.deepEqual(await eventNames(page), ['show', 'signup ready', 'signup submit', 'signup success', 'signin submit', 'authenticated']);
  await page.waitForSelector('.mlk-success');
  await screenshot(page, 'signup-authenticated');

  const stored = await userById(harness.tenant, authResult.idTokenPayload.sub);
  assert.deepEqual(stored.user_metadata, STORED_METADATA);
  assert.equal(stored.given_name, 'Ann');
  assert.equal(stored.email, email);

  const profiles = await page.evaluate((token) => Promise.all(['getUserInfo', 'getProfile'].map((method) =>
    new Promise((resolve) => window.lock[method](token, (error, profile) => resolve(error ? { error: error.code } : profile))))),
  authResult.accessToken);
  for (const profile of profiles) {
    assert.deepEqual(profile.user_metadata, STORED_METADATA);
    assert.equal(profile.email, email);
  }
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('invalid input shows a hint beside each field and sends nothing', async () => {
  const page = await signupPage();
  await page.waitForSelector('select[name=plan]');
  await page.click('.mlk-submit');
  const shown = await hints(page);
  const id = (name) => Object.keys(shown).find((key) => key === name || key.endsWith(`-${name}`));
  assert.equal(shown[id('email')], "Email can't be blank");
  assert.equal(shown[id('password')], "Password can't be blank");
  assert.equal(shown.company, 'At least 2 characters', "the validator's own hint");
  assert.equal(shown.bio, "Can't be blank", 'the core: required');
  assert.equal(shown.plan, "Can't be blank");
  assert.equal(shown.given_name, "Can't be blank");
  assert.equal(shown.newsletter, '', 'an unchecked checkbox is a value ("false")');
  assert.equal(await page.getAttribute('input[type=email]', 'aria-invalid'), 'true');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'email', 'focus goes to the first invalid field');
  await screenshot(page, 'signup-hints');

  // Hints follow the value on input once a field was left; the core judges length.
  await page.fill('input[name=company]', 'Acme');
  await page.fill('input[name=bio]', 'x'.repeat(501));
  await page.locator('input[name=bio]').blur();
  await page.fill('input[type=email]', 'not-an-email');
  await page.locator('input[type=email]').blur();
  const after = await hints(page);
  assert.equal(after.company, '');
  assert.equal(after.bio, 'Too long');
  assert.equal(after[id('email')], 'Email is invalid');
  await page.click('.mlk-submit');

  assert.equal(page.requests.filter((r) => r.url.includes('/dbconnections/signup') || r.url.includes('/oauth/token')).length, 0,
    'no request left the page');
  assert.ok(!(await eventNames(page)).includes('signup submit'));
  await page.close();
});

test('loginAfterSignUp: false signs up only, then shows the login screen with a success message', async () => {
  const page = await signupPage('loginAfterSignUp: false,');
  await page.waitForSelector('select[name=plan] option[value=pro]', { state: 'attached' });
  await fillSignup(page, uniqueEmail('widget-nologin'));
  await page.click('.mlk-submit');
  const [result] = await waitForEvent(page, 'signup success');
  assert.ok(result._id);
  await page.waitForSelector('.mlk-flash-success');
  assert.equal((await page.textContent('.mlk-flash')).trim(), 'Thanks for signing up.');
  assert.equal(await page.getAttribute('.mlk-tab[aria-current]', 'data-screen'), 'login');
  assert.ok(!(await eventNames(page)).includes('authenticated'));
  assert.ok(!page.requests.some((r) => r.url.includes('/oauth/token')), 'no login request');
  await screenshot(page, 'signup-success-login-screen');
  await page.close();
});
