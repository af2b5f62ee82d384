// Lock options beyond the fields: language + languageDictionary, inline container,
// show({initialScreen, flashMessage}), allowLogin/allowSignUp, a loading state while an options
// function resolves, and a bad spec or a failing function as unrecoverable_error (the core's
// code), never a broken form.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eventNames, screenshot, startHarness, waitForEvent } from './support/widget-harness.mjs';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

test('Spanish inline, with a languageDictionary, a flash message and only the sign-up screen', async () => {
  const page = await harness.open(`
window.lock = record(new Lock('metalock-demo', TENANT, {
  container: 'host', language: 'es', allowLogin: false,
  languageDictionary: { title: 'Acme', signUpTerms: 'Acepto las <a href="https://example.com/terminos">condiciones</a>.' },
  additionalSignUpFields: [{ name: 'ciudad', placeholder: 'Ciudad' }],
}));
window.lock.show({ flashMessage: { type: 'info', text: 'Bienvenido de nuevo' } });`, { html: '<div id="host"></div>', lang: 'es' });
  await page.waitForSelector('#host .mlk-inline .mlk-form');
  assert.equal(await page.textContent('.mlk-title'), 'Acme');
  assert.equal(await page.textContent('.mlk-submit'), 'Registrarse');
  assert.equal(await page.textContent('label[for$=-email]'), 'Correo electrónico');
  assert.equal(await page.textContent('.mlk-flash'), 'Bienvenido de nuevo');
  assert.equal(await page.locator('.mlk-tab').count(), 0, 'one screen: no switch');
  assert.equal(await page.locator('[role=dialog]').count(), 0, 'inline: not a dialog');
  assert.equal(await page.getAttribute('.mlk-terms a', 'href'), 'https://example.com/terminos');
  await page.click('.mlk-submit');
  assert.equal(await page.textContent('[id$=-email-hint]'), 'El correo electrónico no puede estar vacío');
  await screenshot(page, 'inline-es-signup');
  assert.deepEqual(await eventNames(page), ['show', 'signup ready']);
  await page.close();
});

test('placeholderHTML keeps a few inline tags and http(s) links, rebuilt; everything else becomes text or goes', async () => {
  const page = await harness.open(`
window.lock = record(new Lock('metalock-demo', TENANT, { initialScreen: 'signUp', additionalSignUpFields: [{ name: 'consent', type: 'checkbox',
  placeholderHTML: '<b class="x" title="t">Bold</b> <em>em</em> <a href="https://example.com/a" onclick="x()">ok</a> <a href="javascript:alert(1)">bad</a> <a href="mailto:a@b.c">mail</a> <div>block</div><img src="/nope.png" alt="img"><script>alert(2)</script><u>u</u><br>end' }] }));
window.lock.show();`);
  await page.waitForSelector('label[for$=field-consent]');
  const label = await page.$eval('label[for$=field-consent]', (node) => ({ html: node.innerHTML, text: node.textContent }));
  assert.equal(label.html, '<b>Bold</b> <em>em</em> <a href="https://example.com/a" target="_blank" rel="noopener noreferrer">ok</a> bad mail block<u>u</u><br>end');
  assert.ok(!page.requests.some((r) => r.url.endsWith('/nope.png')), 'nothing in the markup loads');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('an options function shows a loading state, then the form', async () => {
  const page = await harness.open(`
let release;
window.release = () => release();
window.lock = record(new Lock('metalock-demo', TENANT, { initialScreen: 'signUp', additionalSignUpFields: [
  { name: 'plan', type: 'select', placeholder: 'Plan', options: (callback) => { release = () => callback(null, [{ label: 'Free', value: 'free' }]); } },
] }));
window.lock.show();`);
  await page.waitForSelector('.mlk-loading');
  assert.equal(await page.textContent('.mlk-loading'), 'Loading…');
  assert.equal(await page.getAttribute('.mlk-loading', 'role'), 'status');
  await screenshot(page, 'signup-loading');
  await page.evaluate(() => window.release());
  await page.waitForSelector('select[name=plan]');
  assert.deepEqual(await eventNames(page), ['show', 'signup ready']);
  await page.close();
});

test('a bad spec and a failing options function are unrecoverable_error with the code; the widget says so', async () => {
  const bad = await harness.open(`
window.lock = record(new Lock('metalock-demo', TENANT, { initialScreen: 'signUp', additionalSignUpFields: [{ name: 'email', placeholder: 'Email again' }] }));
window.lock.show();`);
  const [error] = await waitForEvent(bad, 'unrecoverable_error');
  assert.equal(error.code, 'invalid_field_spec');
  assert.equal(await bad.textContent('.mlk-unrecoverable'), 'Something went wrong. Please contact technical support.');
  assert.equal(await bad.locator('.mlk-form').count(), 0);
  await screenshot(bad, 'signup-unrecoverable');
  await bad.click('.mlk-close');
  await waitForEvent(bad, 'hide');
  await bad.close();

  const failing = await harness.open(`
window.lock = record(new Lock('metalock-demo', TENANT, { initialScreen: 'signUp', additionalSignUpFields: [
  { name: 'plan', type: 'select', placeholder: 'Plan', options: (callback) => callback(new Error('offline')) }] }));
window.lock.show();`);
  const [failure] = await waitForEvent(failing, 'unrecoverable_error');
  assert.equal(failure.code, 'options_failed');
  await failing.close();
});

test('destroy() removes the widget and forgets listeners; show() after it does nothing', async () => {
  const page = await harness.open(`
window.lock = record(new Lock('metalock-demo', TENANT, {}));
window.lock.show();`);
  await page.waitForSelector('.mlk-form');
  await page.evaluate(() => { window.lock.destroy(); window.lock.show(); });
  await page.waitForTimeout(200);
  assert.equal(await page.locator('.mlk-root').count(), 0);
  assert.deepEqual(await eventNames(page), ['show', 'signin ready']);
  await page.close();
});
