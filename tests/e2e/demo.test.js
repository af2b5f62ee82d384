// The demo web app as a visitor meets it: real Chromium, the real tenant seeded from
// demo/tenant.config.json, the real demo server (scripts/demo-server.mjs) sending the strict
// CSP. Sign-up through the demo's widget stores exactly the right user_metadata; the profile
// shows it; the editor's PATCH body is exactly what is sent and a reload keeps the change;
// logout forgets the session; no page ever logs a CSP violation or an error. Each screen is
// saved as build/screenshots/demo-*.png.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, afterEach, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startDemoServer } from '../../scripts/demo-server.mjs';
import { startTenant, uniqueEmail } from '../js/support/tenant.js';
import { launchChromium } from './support/chromium.mjs';
import { axeSource, SCREENSHOTS, userById } from './support/widget-harness.mjs';

const demoConfig = JSON.parse(readFileSync(fileURLToPath(new URL('../../demo/tenant.config.json', import.meta.url)), 'utf8'));
const seeded = demoConfig.users[0];
const PASSWORD = 'Str0ng-Passw0rd';
const modal = '.mlk-overlay';
const inline = '#inline-widget .mlk-inline';

let tenant;
let server;
let browser;
const pages = [];

before(async () => {
  tenant = await startTenant({ config: demoConfig });
  server = await startDemoServer({ tenantUrl: tenant.url, port: 0, seededLogin: seeded });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await tenant?.stop();
});

// Every page of every test: no CSP violation (the console would say "Refused to ..."), no
// error logged, no exception.
afterEach(async () => {
  for (const page of pages.splice(0)) {
    const violations = await page.evaluate(() => window.cspViolations ?? []);
    assert.deepEqual(violations, [], 'CSP violations');
    assert.deepEqual(page.errors.map((error) => error.message), [], 'console errors and page errors');
    await page.close();
  }
});

async function openDemo() {
  const page = await browser.newPage();
  pages.push(page);
  await page.setViewportSize({ width: 1280, height: 900 });
  // Collected in the page itself, per document (an init script is not subject to the CSP).
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.requests = [];
  page.on('request', (request) => page.requests.push(request));
  await page.goto(server.url);
  return page;
}

const signedIn = (page) => page.waitForSelector('#signed-in:not([hidden])');
const signedOut = (page) => page.waitForSelector(`#signed-out:not([hidden]) ${inline} input[type=email]`);

// The <dl> of a profile section as an object.
const definitions = (page, id) => page.evaluate((sectionId) => {
  const terms = [...document.querySelectorAll(`#${sectionId} dt`)];
  return Object.fromEntries(terms.map((term) => [term.textContent, term.nextElementSibling.textContent]));
}, id);

// The hint the widget shows for one control (its aria-describedby texts).
const hintOf = (page, selector) => page.evaluate((control) => {
  const element = document.querySelector(control);
  return (element.getAttribute('aria-describedby') ?? '').split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '').join('').trim();
}, selector);

// The whole page, or what the viewport shows (a modal: its overlay covers the viewport only).
async function screenshot(page, name, { fullPage = true } = {}) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage });
}

const jsonIn = async (page, selector) => JSON.parse(await page.textContent(selector));

// Retries `check` (which asserts) until it passes or `ms` run out; the last failure is thrown.
async function eventually(check, ms = 5000) {
  const end = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > end) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

async function logIn(page, email, password) {
  await page.fill(`${inline} input[type=email]`, email);
  await page.fill(`${inline} input[type=password]`, password);
  await page.click(`${inline} .mlk-submit`);
  await signedIn(page);
}

const editorRow = (page, key) => page.locator('#editor-rows .row').filter({
  has: page.locator(`input.key[value="${key}"]`),
});

async function axeSeriousViolations(page) {
  // Evaluated through the DevTools protocol, so the page's CSP does not apply to axe itself.
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(axeSource());
  const result = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) })));
  return result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

let signedUp;   // {email, userId} of the account the first test creates; the next tests use it

test('the page starts the SDK and its .wasm with itself: the preloaded .wasm is the one fetch of it', async () => {
  const page = await browser.newPage();
  pages.push(page);
  const warnings = [];
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  page.requests = [];
  page.on('request', (request) => page.requests.push(request));
  await page.goto(server.url);
  await signedOut(page);
  const wasmFetches = page.requests.filter((request) => new URL(request.url()).pathname === '/metalock/metalock.wasm');
  assert.equal(wasmFetches.length, 1, 'one request for the .wasm: the package took the preloaded response');
  // Asked for with the page: before app.js's own imports, which only its parse reveals.
  const order = (path) => page.requests.findIndex((request) => new URL(request.url()).pathname === path);
  assert.ok(order('/metalock/metalock.wasm') < order('/dom.js'), 'the .wasm is requested before app.js has been parsed');
  assert.deepEqual(warnings.filter((text) => /preload/i.test(text)), [], 'Chromium reports no unused or mismatched preload');
});

test('signed out: the inline widget, the seeded login and the field table; the modal opens on sign-up', async () => {
  const page = await openDemo();
  await signedOut(page);
  assert.equal(await page.textContent('#seeded-email'), seeded.email);
  assert.equal(await page.locator('#fields-table tr').count(), 5);
  assert.deepEqual(await axeSeriousViolations(page), []);
  await screenshot(page, 'demo-signed-out');

  await page.click('#open-signup');
  await page.waitForSelector(`${modal} select[name=role] option[value=data]`, { state: 'attached' });
  assert.equal(await page.isChecked(`${modal} input[name=newsletter]`), true, 'the checkbox prefill');
  assert.equal(await page.locator(`${modal} input[name=signup_source]`).count(), 0, 'the hidden field is not shown');
  await screenshot(page, 'demo-signup-modal', { fullPage: false });

  await page.keyboard.press('Escape');
  await page.waitForSelector(modal, { state: 'detached' });
  await page.click(`${inline} .mlk-tab[data-screen=signUp]`);
  await page.waitForSelector(`${inline} select[name=role] option[value=data]`, { state: 'attached' });
  await screenshot(page, 'demo-inline-signup');
});

test('sign-up in the modal with every field type: the tenant stores exactly the right user_metadata; the profile shows it', async () => {
  const page = await openDemo();
  await signedOut(page);
  await page.click('#open-signup');
  await page.waitForSelector(`${modal} select[name=role] option[value=data]`, { state: 'attached' });
  const email = uniqueEmail('demo');
  await page.fill(`${modal} input[type=email]`, email);
  await page.fill(`${modal} input[type=password]`, PASSWORD);
  await page.fill(`${modal} input[name=given_name]`, 'Ada');
  await page.fill(`${modal} input[name=company]`, 'A');
  await page.locator(`${modal} input[name=company]`).blur();
  assert.equal(await hintOf(page, `${modal} input[name=company]`), 'Between 2 and 60 characters', "the demo's validator");
  await screenshot(page, 'demo-signup-hint', { fullPage: false });
  await page.fill(`${modal} input[name=company]`, 'Analytical <b>Engines</b> & Co');
  await page.selectOption(`${modal} select[name=role]`, 'data');
  await page.uncheck(`${modal} input[name=newsletter]`);
  await page.click(`${modal} .mlk-submit`);

  await signedIn(page);
  assert.equal(await page.locator(modal).count(), 0, 'autoclose: the modal is gone');
  const userId = await page.evaluate(() => JSON.parse(document.getElementById('profile-raw').textContent).sub);
  const stored = await userById(tenant, userId);
  assert.deepEqual(stored.user_metadata,
    { company: 'Analytical Engines & Co', role: 'data', newsletter: 'false', signup_source: 'metalock-demo' },
    'tags removed, the rest as typed; the hidden value; the checkbox as "false"');
  assert.equal(stored.given_name, 'Ada');
  assert.equal(stored.email, email);
  assert.deepEqual(await definitions(page, 'profile-metadata'), stored.user_metadata,
    'profile.user_metadata, lifted from the namespaced claim');
  assert.equal(await page.textContent('#profile-name'), 'Ada');
  assert.equal(await page.textContent('#session-user'), email);
  assert.deepEqual(await axeSeriousViolations(page), []);
  await screenshot(page, 'demo-profile');
  signedUp = { email, userId };
});

test('the editor shows the exact PATCH body it sends, then the server answer; a reload keeps the change', async () => {
  assert.ok(signedUp, 'needs the account signed up above');
  const page = await openDemo();
  await signedOut(page);
  await logIn(page, signedUp.email, PASSWORD);

  await editorRow(page, 'company').locator('input.value').fill('Difference Engines Ltd');
  await editorRow(page, 'newsletter').locator('button').click();
  await page.click('#add-row');
  await page.locator('#editor-rows .row').last().locator('input.key').fill('prefs');
  await page.locator('#editor-rows .row').last().locator('select').selectOption('json');
  await page.locator('#editor-rows .row').last().locator('input.value').fill('{"lang": "en", "digest": [1, 2]}');
  const shown = { user_metadata: { company: 'Difference Engines Ltd', newsletter: null, prefs: { lang: 'en', digest: [1, 2] } } };
  await eventually(async () => assert.deepEqual(await jsonIn(page, '#patch-body'), shown));
  await screenshot(page, 'demo-editor-changes');

  const patched = page.waitForRequest((request) => request.method() === 'PATCH');
  await page.click('#save');
  const request = await patched;
  assert.deepEqual(request.postDataJSON(), await jsonIn(page, '#answer pre'), 'the body sent is the body shown');
  assert.deepEqual(request.postDataJSON(), shown);
  assert.equal(new URL(request.url()).pathname, `/api/v2/users/${encodeURIComponent(signedUp.userId)}`);
  await page.waitForSelector('#answer-metadata');
  // Keys in the core's (sorted) order, as the profile lists them.
  const now = { company: 'Difference Engines Ltd', prefs: { digest: [1, 2], lang: 'en' }, role: 'data', signup_source: 'metalock-demo' };
  assert.deepEqual(await jsonIn(page, '#answer-metadata'), now, "the server's answer");
  assert.deepEqual((await userById(tenant, signedUp.userId)).user_metadata, now, 'what the tenant stores');
  await eventually(async () => assert.deepEqual(await definitions(page, 'profile-metadata'),
    { ...now, prefs: JSON.stringify(now.prefs) }, 'the profile, read again from /userinfo'));
  assert.equal(await page.textContent('#patch-body'), 'No changes: nothing will be sent.');
  await screenshot(page, 'demo-editor-saved');

  await page.reload();
  await signedIn(page);
  assert.deepEqual(await definitions(page, 'profile-metadata'), { ...now, prefs: JSON.stringify(now.prefs) });
  assert.equal(await editorRow(page, 'company').locator('input.value').inputValue(), 'Difference Engines Ltd');
  assert.equal(await editorRow(page, 'newsletter').count(), 0);
});

test('the seeded account logs in inline; a key with a dot is refused before any request; logout forgets the session', async () => {
  const page = await openDemo();
  await signedOut(page);
  await page.fill(`${inline} input[type=email]`, seeded.email);
  await page.fill(`${inline} input[type=password]`, seeded.password);
  await screenshot(page, 'demo-inline-login');
  await page.click(`${inline} .mlk-submit`);
  await signedIn(page);
  assert.deepEqual(await definitions(page, 'profile-metadata'), seeded.user_metadata);
  assert.deepEqual(await definitions(page, 'profile-app-metadata'), seeded.app_metadata);

  await page.click('#add-row');
  await page.locator('#editor-rows .row').last().locator('input.key').fill('ui.theme');
  await page.locator('#editor-rows .row').last().locator('input.value').fill('dark');
  // buildMetadataPatch refuses the name, so there is no body to send and Save stays off.
  await eventually(async () => assert.match(await page.textContent('#patch-body'), /^invalid_field_name: .*ui\.theme/));
  assert.equal(await page.isDisabled('#save'), true);
  assert.equal(await page.getAttribute('#editor-rows .row:last-child input.key', 'aria-invalid'), 'true', 'the row at fault says so');
  const before = page.requests.length;
  await page.locator('#save').click({ force: true });
  assert.deepEqual(page.requests.slice(before).map((request) => request.method()), [], 'nothing was sent');
  await screenshot(page, 'demo-editor-refused');

  await page.click('#logout');
  await signedOut(page);
  assert.equal(await page.evaluate(() => sessionStorage.length), 0, 'no token left in the tab');
  await page.reload();
  await signedOut(page);
  await screenshot(page, 'demo-logged-out');
});
