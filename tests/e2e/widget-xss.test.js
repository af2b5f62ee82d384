// No user-, app- or server-supplied text reaches the DOM as HTML: a corpus of XSS payloads in
// every place the widget shows text (labels, placeholders, placeholderHTML, option labels and
// values, prefills, aria labels, validator hints, dictionary strings, flash messages, typed
// values) and in every text field of a hostile server's error bodies never runs, and leaves
// no element or attribute the app did not ask for.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, test } from 'node:test';
import { screenshot, startHarness, waitForEvent } from './support/widget-harness.mjs';

const PAYLOADS = [
  '<img src=x onerror=__xss(1)>',
  '<script>__xss(2)</script>',
  '<svg onload=__xss(3)>',
  '"><img src=x onerror=__xss(4)>',
  "'><details open ontoggle=__xss(5)>",
  '<a href="javascript:__xss(6)">click</a>',
  '<iframe srcdoc="<script>parent.__xss(7)</script>"></iframe>',
  '<math><mtext><table><mglyph><style><img src=x onerror=__xss(8)>',
  '&lt;img src=x onerror=__xss(9)&gt;',
  '<a href="  JaVaScRiPt:__xss(10)">x</a><form action="javascript:__xss(11)"><button>go</button></form>',
  '<style>@import "javascript:__xss(12)"</style><body onload=__xss(13)>',
  '<<b>img src=x onerror=__xss(14)>',
];
const ALL = PAYLOADS.join(' ');

// A hostile server: every request is answered with an Auth0-shaped error whose every text
// field carries the corpus (CORS allowed, so the widget reads it).
function hostileServer() {
  const server = createServer((request, response) => {
    const headers = {
      'access-control-allow-origin': request.headers.origin ?? '*',
      'access-control-allow-headers': 'content-type, authorization, auth0-client',
      'access-control-allow-methods': 'GET, POST, PATCH, OPTIONS',
    };
    if (request.method === 'OPTIONS') {
      response.writeHead(204, headers).end();
      return;
    }
    const body = request.url.startsWith('/dbconnections/signup')
      ? { name: 'PasswordStrengthError', code: 'invalid_password', message: ALL, policy: ALL, statusCode: 400,
        description: { verified: false, rules: PAYLOADS.map((p) => ({ message: p, code: p, verified: false, items: [{ message: p, code: 'lowerCase' }] })) } }
      : { error: ALL, error_description: ALL };
    response.writeHead(400, { ...headers, 'content-type': 'application/json' }).end(JSON.stringify(body));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((done) => { server.closeAllConnections(); server.close(done); }),
  })));
}

let harness;
let hostile;
before(async () => {
  harness = await startHarness();
  hostile = await hostileServer();
});
after(async () => {
  await hostile?.close();
  await harness?.close();
});

const PAYLOADS_JS = JSON.stringify(PAYLOADS);

// Page code: a Lock whose every app-supplied string is a payload.
const hostileLock = (domain) => `
window.__ran = [];
window.__xss = (n) => window.__ran.push(n);
const P = ${PAYLOADS_JS};
const fields = P.map((p, i) => ({ name: 'f' + i, placeholder: p, ariaLabel: i % 2 ? p : undefined,
  validator: () => ({ valid: false, hint: p }) }));
fields.push({ name: 'html_label', type: 'checkbox', placeholderHTML: P.join(' ') });
fields.push({ name: 'html_text', placeholderHTML: P.join(' ') });
fields.push({ name: 'choice', type: 'select', placeholder: P[0], options: P.map((p, i) => ({ label: p, value: p + i })), prefill: P[1] + 1 });
fields.push({ name: 'prefilled', placeholder: 'Prefilled', prefill: P.join(' ') });
fields.push({ name: 'hidden_one', type: 'hidden', value: P.join(' ') });
const dictionary = { title: P[0], signUpLabel: P[1], loginLabel: P[2], signUpTerms: P.join(' '), emailLabel: P[3],
  passwordLabel: P[4], signUpSubmitLabel: P[5], loginSubmitLabel: P[6], blankEmailErrorHint: P[7],
  blankPasswordErrorHint: P[8], error: { signUp: { password_strength_error: P[9], invalid_password: P[10] }, login: { 'lock.fallback': P[11] } },
  passwordStrength: { lowerCase: P[0] } };
window.lock = record(new Lock('metalock-demo', ${domain}, {
  additionalSignUpFields: fields.slice(0, 9).concat(fields.slice(-5)), languageDictionary: dictionary, initialScreen: 'signUp',
  theme: { logo: 'javascript:__xss(99)', primaryColor: 'red; background: url(javascript:__xss(98))' },
}));
window.lock.show({ flashMessage: { type: 'error', text: P.join(' ') } });`;

// Elements and attributes no payload may have produced inside the widget.
const injected = (page) => page.evaluate(() => {
  const root = document.querySelector('.mlk-root');
  const found = [];
  for (const node of root.querySelectorAll('*')) {
    if (['SCRIPT', 'IMG', 'SVG', 'IFRAME', 'STYLE', 'MATH', 'DETAILS', 'FORM', 'BODY', 'TABLE'].includes(node.tagName.toUpperCase())
      && !(node.tagName === 'FORM' && node.classList.contains('mlk-form'))) found.push(node.tagName);
    for (const attribute of node.attributes) {
      // (Playwright's fill leaves an empty style="" on the inputs it typed into.)
      const styled = attribute.name === 'style' && attribute.value !== '';
      if (/^on/i.test(attribute.name) || styled || attribute.name === 'srcdoc') found.push(`${node.tagName}[${attribute.name}]`);
      if (/javascript:/i.test(attribute.value) && ['href', 'src', 'action', 'formaction'].includes(attribute.name)) found.push(`${node.tagName}[${attribute.name}=${attribute.value}]`);
    }
  }
  return found;
});

test('payloads in every app-supplied string and in typed values never run or inject markup', async () => {
  const page = await harness.open(hostileLock('TENANT'));
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await page.waitForSelector('.mlk-form');
  // Every hint (the validators' own words) is shown, then typed payloads.
  await page.click('.mlk-submit');
  for (const [i, payload] of Object.entries(await page.$$('input[type=text]'))) await payload.fill(PAYLOADS[i % PAYLOADS.length]);
  await page.locator('input[type=email]').fill('x@example.com');
  await page.click('.mlk-submit');
  await page.waitForTimeout(300);
  await screenshot(page, 'xss-app-strings');
  assert.deepEqual(await page.evaluate(() => window.__ran), []);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(await injected(page), []);
  // The texts are there, as text.
  assert.equal(await page.textContent('.mlk-title'), PAYLOADS[0]);
  assert.ok((await page.textContent('.mlk-flash')).includes(PAYLOADS[3]));
  assert.equal(await page.locator('select[name=choice] option').nth(2).textContent(), PAYLOADS[1]);
  assert.equal(await page.inputValue('select[name=choice]'), `${PAYLOADS[1]}1`, 'a payload as option value and prefill');
  // placeholderHTML / signUpTerms keep only text and a few inline tags.
  const links = await page.$$eval('.mlk-root a', (anchors) => anchors.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, [], 'no javascript: link survives');
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('payloads in every text field of a hostile server\'s error bodies never run and are not shown', async () => {
  const plain = await harness.open(`
window.__ran = [];
window.__xss = (n) => window.__ran.push(n);
window.lock = record(new Lock('metalock-demo', ${JSON.stringify(hostile.url)}, { initialScreen: 'signUp' }));
window.lock.show();`);
  await plain.waitForSelector('.mlk-form');
  await plain.fill('input[type=email]', 'x@example.com');
  await plain.fill('input[type=password]', 'whatever');
  await plain.click('.mlk-submit');
  const [error] = await waitForEvent(plain, 'signup error');
  assert.equal(error.code, 'invalid_password');
  await plain.click('.mlk-tab[data-screen=login]');
  await plain.fill('input[type=email]', 'x@example.com');
  await plain.fill('input[type=password]', 'whatever');
  await plain.click('.mlk-submit');
  await waitForEvent(plain, 'authorization_error');
  await plain.waitForTimeout(300);
  assert.deepEqual(await plain.evaluate(() => window.__ran), []);
  assert.deepEqual(await injected(plain), []);
  const shown = await plain.textContent('.mlk-root');
  assert.ok(!shown.includes('__xss'), 'no server text is shown');
  assert.equal(await plain.textContent('.mlk-error'), "We're sorry, something went wrong when attempting to log in.");
  await screenshot(plain, 'xss-hostile-server');
  // The browser logs each 400 response; nothing else may reach the console.
  assert.deepEqual(plain.errors.filter((error) => !/status of 400/.test(error.message)), []);
  await plain.close();
});
