// Accessibility of the widget in Chromium: keyboard-only sign-up and login, focus kept in the
// modal and given back on close, accessible names, and axe-core (from npm, injected into the
// page) finding no serious or critical violation on the login and sign-up screens, modal and
// inline, with and without error messages.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { signup as tenantSignup, uniqueEmail } from '../js/support/tenant.js';
import { ALL_FIELDS, STORED_METADATA } from './widget-fields.js';
import { axeViolations, PASSWORD, screenshot, startHarness, userById, waitForEvent } from './support/widget-harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

const lockPage = (options, html = '') => harness.open(`
window.lock = record(new Lock('metalock-demo', TENANT, ${options}));
document.getElementById('opener').addEventListener('click', () => window.lock.show());`, { html });

const active = (page) => page.evaluate(() => {
  const node = document.activeElement;
  return { tag: node.tagName.toLowerCase(), type: node.type ?? null, name: node.name || node.id, inWidget: Boolean(node.closest('.mlk-root')) };
});

test('keyboard only: open the modal, sign up with every field type, and the tenant stores it', async () => {
  const page = await lockPage(`{ userMetadataClaim: CLAIM, initialScreen: 'signUp', additionalSignUpFields: ${ALL_FIELDS} }`);
  await page.focus('#opener');
  await page.keyboard.press('Enter');
  await page.waitForSelector('select[name=plan] option[value=pro]', { state: 'attached' });
  assert.deepEqual(await active(page), { tag: 'input', type: 'email', name: (await active(page)).name, inWidget: true });
  const email = uniqueEmail('keyboard');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Tab');
  await page.keyboard.type('Acme <3');            // company
  await page.keyboard.press('Tab');
  await page.keyboard.type(' I <3 cats, a < b & c <b>!</b>');   // bio
  await page.keyboard.press('Tab');
  assert.equal((await active(page)).name, 'plan', 'a native select in the tab order');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');          // '' -> Free -> Pro
  await page.keyboard.press('Tab');
  assert.equal((await active(page)).name, 'newsletter');
  await page.keyboard.press('Tab');
  assert.equal((await active(page)).name, 'terms_ok');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');                // the terms link inside the checkbox label, then given_name
  await page.keyboard.type('Ann');
  await page.keyboard.press('Enter');
  const [authResult] = await waitForEvent(page, 'authenticated');
  const stored = await userById(harness.tenant, authResult.idTokenPayload.sub);
  assert.deepEqual(stored.user_metadata, STORED_METADATA);
  assert.equal(stored.given_name, 'Ann');
  await page.close();
});

test('keyboard only: log in; focus stays in the modal; Escape closes it and focus returns', async () => {
  const email = uniqueEmail('keyboard-login');
  await tenantSignup(harness.tenant, { email });
  const page = await lockPage('{}');
  await page.focus('#opener');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.mlk-form');
  // Tab and Shift+Tab cycle through the modal and never reach the page behind it.
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    assert.ok((await active(page)).inWidget, `Tab ${i + 1} stays in the modal`);
  }
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Shift+Tab');
    assert.ok((await active(page)).inWidget, `Shift+Tab ${i + 1} stays in the modal`);
  }
  await page.keyboard.press('Escape');
  await waitForEvent(page, 'hide');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'opener', 'focus returns to what opened it');

  await page.keyboard.press('Enter');
  await page.waitForSelector('.mlk-form');
  assert.equal((await active(page)).type, 'email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await waitForEvent(page, 'authenticated');
  await page.close();
});

test('accessible names: ariaLabel, else the visible label; a checkbox is named by its placeholder', async () => {
  const page = await lockPage(`{ initialScreen: 'signUp', additionalSignUpFields: [
    { name: 'company', placeholder: 'Company', ariaLabel: 'Company name' },
    { name: 'plan', type: 'select', placeholder: 'Plan', options: [{ label: 'Free', value: 'free' }] },
    { name: 'news', type: 'checkbox', placeholder: 'Send me news' },
    { name: 'terms_ok', type: 'checkbox', placeholderHTML: 'I accept the <a href="https://example.com">terms</a>' },
  ] }`);
  await page.click('#opener');
  await page.waitForSelector('.mlk-form');
  const names = {};
  for (const role of ['textbox', 'combobox', 'checkbox']) {
    for (const node of await page.getByRole(role).all()) {
      const name = await node.evaluate((el) => el.name);
      names[name] = await node.evaluate((el) => {
        const labelledBy = el.getAttribute('aria-labelledby');
        if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
        if (labelledBy) return document.getElementById(labelledBy).textContent;
        return el.labels?.[0]?.textContent ?? el.textContent;
      });
    }
  }
  assert.equal(names.company, 'Company name');
  assert.equal(names.plan, 'Plan');
  assert.equal(names.news, 'Send me news');
  assert.equal(names.terms_ok, 'I accept the terms');
  assert.equal(await page.getByRole('dialog', { name: 'Welcome' }).count(), 1, 'the modal is a dialog named by its title');
  assert.equal(await page.getByRole('button', { name: 'Close' }).count(), 1);
  assert.equal(await page.getByRole('textbox', { name: 'Email' }).count(), 1);
  assert.equal(await page.getByRole('combobox', { name: 'Plan' }).count(), 1);
  await page.close();
});

for (const mode of ['modal', 'inline']) {
  for (const screen of ['login', 'signUp']) {
    test(`axe: no serious or critical violation, ${mode} ${screen}, before and after errors`, async () => {
      const container = mode === 'inline' ? "container: 'widget-host'," : '';
      const page = await lockPage(`{ ${container} initialScreen: '${screen}', mustAcceptTerms: true, allowShowPassword: true,
        theme: { primaryColor: '#0b6e4f' },
        additionalSignUpFields: ${ALL_FIELDS} }`, '<div id="widget-host"></div>');
      await page.click('#opener');
      await page.waitForSelector(screen === 'signUp' ? 'select[name=plan] option[value=pro]' : '.mlk-form', { state: 'attached' });
      assert.deepEqual(await axeViolations(page), [], 'clean form');
      await page.click('.mlk-submit');       // every hint
      assert.deepEqual(await axeViolations(page), [], 'with field hints');
      await screenshot(page, `${mode}-${screen}-hints`);
      // A server error: a wrong password (login) or an existing user (sign-up).
      const existing = await tenantSignup(harness.tenant);
      await page.fill('input[type=email]', existing.email);
      await page.fill('input[type=password]', screen === 'login' ? 'Wrong-Passw0rd' : PASSWORD);
      if (screen === 'signUp') {
        await page.fill('input[name=company]', 'Acme');
        await page.fill('input[name=bio]', 'Hello');
        await page.selectOption('select[name=plan]', 'free');
        await page.fill('input[name=given_name]', 'Ann');
        await page.check('input[name=terms]');
      }
      await page.click('.mlk-submit');
      await page.waitForSelector('.mlk-error:not(:empty)');
      assert.deepEqual(await axeViolations(page), [], 'with a server error');
      await screenshot(page, `${mode}-${screen}-server-error`);
      await page.close();
    });
  }
}
