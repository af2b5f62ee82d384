// The widget under the strict CSP (default-src 'self'; script-src 'self' 'wasm-unsafe-eval';
// style-src 'self'; connect-src 'self' <tenant>; img-src 'self' data:) signs up and logs in
// with zero violations, styled (its CSS is a file) and themed (through the CSSOM); and the
// chunks: a createClient-only page fetches no widget byte, a Lock fetches its UI on show().
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import { uniqueEmail } from '../js/support/tenant.js';
import { PASSWORD, screenshot, startHarness, waitForEvent } from './support/widget-harness.mjs';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));
const LOGO = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

let harness;
before(async () => { harness = await startHarness(); });
after(async () => { await harness?.close(); });

// The widget's chunks (its UI, a language other than English) and its stylesheet.
const isWidgetFile = (url) => /\/metalock-[a-z]+-[A-Z0-9]+\.js$|\/metalock-widget\.css$/.test(new URL(url).pathname);

test('under the strict CSP the widget signs up and logs in with zero violations, styled and themed', async () => {
  const csp = `default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${harness.tenant.url}; img-src 'self' data:`;
  const page = await harness.open(`
window.violations = [];
document.addEventListener('securitypolicyviolation', (event) => window.violations.push(event.violatedDirective + ' ' + event.blockedURI));
window.lock = record(new Lock('metalock-demo', TENANT, {
  initialScreen: 'signUp', allowShowPassword: true, mustAcceptTerms: true,
  theme: { logo: ${JSON.stringify(LOGO)}, primaryColor: 'rgb(200, 40, 90)' },
  languageDictionary: { signUpTerms: 'I agree to the <a href="https://example.com/terms">terms</a>.' },
  additionalSignUpFields: [
    { name: 'plan', type: 'select', placeholder: 'Plan', options: [{ label: 'Free', value: 'free' }] },
    { name: 'news', type: 'checkbox', placeholderHTML: '<b>News</b> by mail' },
  ],
}));
window.lock.show();`, { csp });
  const consoleCsp = [];
  page.on('console', (message) => { if (/Content Security Policy/i.test(message.text())) consoleCsp.push(message.text()); });
  await page.waitForSelector('.mlk-form');
  const email = uniqueEmail('csp');
  await page.fill('input[type=email]', email);
  await page.fill('input[type=password]', PASSWORD);
  await page.selectOption('select[name=plan]', 'free');
  await page.check('input[id$=-terms]');
  await screenshot(page, 'signup-csp-themed');
  assert.equal(await page.$eval('.mlk-submit', (node) => getComputedStyle(node).backgroundColor), 'rgb(200, 40, 90)',
    'the stylesheet loaded and theme.primaryColor applies');
  assert.equal(await page.$eval('.mlk-overlay', (node) => getComputedStyle(node).position), 'fixed');
  assert.ok(await page.$eval('.mlk-logo', (img) => img.complete && img.naturalWidth === 1), 'a data: logo shows');
  await page.click('.mlk-submit');
  const [authResult] = await waitForEvent(page, 'authenticated');
  assert.ok(authResult.accessToken);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual(consoleCsp, []);
  assert.deepEqual(page.errors, []);
  await page.close();
});

test('a page using only createClient fetches no widget bytes; a Lock fetches its UI only on show()', async () => {
  const clientOnly = await harness.open(`
const client = await createClient({ domain: TENANT, clientId: 'metalock-demo' });
await client.signup({ connection: 'Username-Password-Authentication', email: ${JSON.stringify(uniqueEmail('client-only'))}, password: ${JSON.stringify(PASSWORD)} });
window.done = true;`);
  await clientOnly.waitForFunction(() => window.done === true);
  assert.deepEqual(clientOnly.requests.filter((r) => isWidgetFile(r.url)), []);
  assert.ok(clientOnly.requests.some((r) => r.url.endsWith('/metalock.wasm')));
  await clientOnly.close();

  const lockPage = await harness.open(`
window.lock = record(new Lock('metalock-demo', TENANT, {}));
document.getElementById('opener').addEventListener('click', () => window.lock.show());
window.constructed = true;`);
  await lockPage.waitForFunction(() => window.constructed === true);
  assert.deepEqual(lockPage.requests.filter((r) => isWidgetFile(r.url)), [], 'constructing a Lock fetches no UI');
  await lockPage.click('#opener');
  await lockPage.waitForSelector('.mlk-form');
  await lockPage.click('.mlk-close');
  await lockPage.click('#opener');
  await lockPage.waitForSelector('.mlk-form');
  const fetched = lockPage.requests.filter((r) => isWidgetFile(r.url)).map((r) => new URL(r.url).pathname.replace(/-[A-Z0-9]+\.js$/, '.js'));
  assert.deepEqual(fetched.sort(), ['/metalock-ui.js', '/metalock-widget.css'], 'the UI chunk and its CSS, once; an English page fetches no other language');
  await lockPage.close();
});

test('dist/: the SDK and the Emscripten glue (built for pages) exist once for both browser entries', () => {
  // *.node.js: Node's entries (package.json's `node` condition), never fetched by a page.
  const browserFiles = readdirSync(dist).filter((name) => name.endsWith('.js') && !name.startsWith('tenant') && !name.endsWith('.node.js'));
  const withGlue = browserFiles.filter((name) => readFileSync(`${dist}${name}`, 'utf8').includes('metalock.wasm'));
  assert.deepEqual(withGlue, ['metalock.js']);
  // The glue built for pages: Node's loading code (require made from import.meta.url, reading
  // the .wasm from disk) is in Node's entry only.
  assert.doesNotMatch(readFileSync(`${dist}metalock.js`, 'utf8'), /createRequire/, 'the page entry carries no Node loading code');
  assert.match(readFileSync(`${dist}metalock.node.js`, 'utf8'), /createRequire/, "Node's entry carries it");
  assert.match(readFileSync(`${dist}widget.js`, 'utf8').trim(), /^export\{Lock\}from"\.\/metalock\.js";$/,
    'widget.js re-exports the package entry');
  const ui = browserFiles.filter((name) => name.startsWith('metalock-ui-'));
  assert.equal(ui.length, 1);
  assert.doesNotMatch(readFileSync(`${dist}${ui[0]}`, 'utf8'), /from\s*["`]|import\s*["`]/, 'the UI chunk imports no SDK module');
});
