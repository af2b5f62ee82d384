// The widget's login and the server's errors in plain words (languageDictionary), with
// Lock's events: wrong credentials, blocked user, user_exists, a password the policy
// refuses (its rules listed), 429, network_error; autoclose returns focus to the page.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { adminToken, call, signup as tenantSignup, startTenant, uniqueEmail, userPath } from '../js/support/tenant.js';
import { eventNames, PASSWORD, screenshot, startHarness, waitForEvent } from './support/widget-harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

const lockPage = (options, domain = 'TENANT') => harness.open(`
window.lock = record(new Lock('metalock-demo', ${domain}, ${options}));
document.getElementById('opener').addEventListener('click', () => window.lock.show());`);

async function login(page, email, password) {
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', password);
  await page.click('.mlk-submit');
}

const errorText = (page) => page.waitForSelector('.mlk-error:not(:empty)').then((node) => node.textContent());

test('login: authenticated with autoclose hides the modal and gives focus back to the page', async () => {
  const user = await tenantSignup(harness.tenant);
  const page = await lockPage('{ autoclose: true, prefill: { email: ' + JSON.stringify(user.email) + ' } }');
  await page.click('#opener');
  await page.waitForSelector('.mlk-form');
  assert.equal(await page.inputValue('input[type=email]'), user.email, 'prefill.email');
  assert.equal(await page.evaluate(() => document.activeElement.type), 'password', 'focus on the first empty field');
  await screenshot(page, 'login');
  await page.fill('input[type=password]', PASSWORD);
  await page.keyboard.press('Enter');
  await waitForEvent(page, 'hide');
  assert.deepEqual(await eventNames(page), ['show', 'signin ready', 'signin submit', 'authenticated', 'hide']);
  assert.equal(await page.locator('.mlk-root').count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'opener');
  await page.close();
});

test('login: wrong credentials and a blocked user are worded from the dictionary', async () => {
  const user = await tenantSignup(harness.tenant);
  const page = await lockPage('{ languageDictionary: { error: { login: { blocked_user: "This account is blocked." } } } }');
  await page.click('#opener');
  await page.waitForSelector('.mlk-form');
  await login(page, user.email, 'Wrong-Passw0rd');
  assert.equal(await errorText(page), 'Wrong email or password.');
  const [error] = await waitForEvent(page, 'authorization_error');
  assert.equal(error.code, 'invalid_grant');
  await screenshot(page, 'login-error');

  const token = await adminToken(harness.tenant);
  const sub = `auth0|${user.body._id}`;
  const blocked = await call(harness.tenant.url, userPath(sub), { method: 'PATCH', token, json: { blocked: true } });
  assert.equal(blocked.status, 200, blocked.text);
  await login(page, user.email, PASSWORD);
  await page.waitForFunction(() => document.querySelector('.mlk-error')?.textContent === 'This account is blocked.');
  await page.close();
});

test('sign-up: user_exists and a weak password (with the policy rules) are worded; signup error fires', async () => {
  const existing = await tenantSignup(harness.tenant);
  const page = await lockPage("{ initialScreen: 'signUp' }");
  await page.click('#opener');
  await page.waitForSelector('.mlk-form');
  await login(page, existing.email, PASSWORD);
  assert.equal(await errorText(page), 'The user already exists.');
  const [exists] = await waitForEvent(page, 'signup error');
  assert.equal(exists.code, 'user_exists');

  await login(page, uniqueEmail('weak'), 'weakpass');
  await page.waitForSelector('.mlk-rules');
  const text = await errorText(page);
  assert.match(text, /^Password is too weak\./);
  assert.match(text, /Should contain:/);
  assert.match(text, /Upper case letters \(A-Z\)/);
  assert.doesNotMatch(text, /Lower case/, 'a "should contain" item the password has is not listed');
  assert.doesNotMatch(text, /At least 8 characters/, 'only the rules the password failed');
  await screenshot(page, 'signup-weak-password');
  assert.ok(!(await eventNames(page)).includes('authenticated'));
  await page.close();
});

test('network_error and 429 are worded, not shown raw', async () => {
  const page = await lockPage('{}', "'http://127.0.0.1:9'");
  await page.click('#opener');
  await page.waitForSelector('.mlk-form');
  await login(page, 'a@example.com', PASSWORD);
  assert.equal(await errorText(page), 'We could not reach the server. Please check your connection and try again.');
  const [networkError] = await waitForEvent(page, 'authorization_error');
  assert.equal(networkError.code, 'network_error');
  await page.close();

  const limited = await startTenant({ faults: { error429: 1 } });
  try {
    const busy = await lockPage('{}', JSON.stringify(limited.url));
    await busy.click('#opener');
    await busy.waitForSelector('.mlk-form');
    await login(busy, 'a@example.com', PASSWORD);
    assert.equal(await errorText(busy), "We're sorry. There are too many requests right now. Please wait a moment and try again.");
    const [rateLimited] = await waitForEvent(busy, 'authorization_error');
    assert.equal(rateLimited.code, 'too_many_requests');
    await busy.close();
  } finally {
    await limited.stop();
  }
});
