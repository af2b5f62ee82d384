// What the widget's browser tests share: the real tenant, dist/ served from another
// 127.0.0.1 port (so every call is a real CORS request), Chromium, pages made of one module
// that builds a Lock, and small helpers to read the widget's state and save screenshots.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { adminToken, call, startTenant, userPath, USER_METADATA_CLAIM } from '../../js/support/tenant.js';
import { launchChromium } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const SCREENSHOTS = `${root}build/screenshots`;
export const PASSWORD = 'Str0ng-Passw0rd';
export const EVENTS = ['show', 'hide', 'authenticated', 'authorization_error', 'unrecoverable_error', 'signin ready',
  'signup ready', 'signin submit', 'signup submit', 'signup success', 'signup error'];

// The page module's prologue: records every Lock event as [name, summary] in window.events.
export const RECORD_EVENTS = `
window.events = [];
window.record = (lock) => {
  for (const name of ${JSON.stringify(EVENTS)}) {
    lock.on(name, (payload) => window.events.push([name, payload === undefined ? null : JSON.parse(JSON.stringify(payload, (k, v) => v instanceof Error ? { code: v.code, description: v.description } : v))]));
  }
  return lock;
};`;

export async function startHarness({ tenantOptions } = {}) {
  const tenant = await startTenant(tenantOptions);
  const pages = {};
  const server = await startStaticServer({ root: `${root}dist`, pages });
  const browser = await launchChromium();
  let count = 0;
  return {
    tenant,
    server,
    browser,
    // body: the page module's code (it may use `Lock`, `createClient`, TENANT, CLAIM).
    // -> the page, navigated, with page.requests (every URL it fetched).
    async open(body, { csp, html = '', lang = 'en' } = {}) {
      count += 1;
      const name = `/page-${count}`;
      const meta = csp ? `<meta http-equiv="Content-Security-Policy" content="${csp}">` : '';
      pages[`${name}.html`] = `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${meta}<title>widget test</title></head>
<body><main><h1>Widget test page</h1><button id="opener" type="button">Open</button>${html}</main>
<script type="module" src="${name}.js"></script></body></html>`;
      pages[`${name}.js`] = `import { Lock, createClient } from './metalock.js';
const TENANT = ${JSON.stringify(tenant.url)};
const CLAIM = ${JSON.stringify(USER_METADATA_CLAIM)};
${RECORD_EVENTS}
${body}`;
      const page = await browser.newPage();
      page.requests = [];
      page.on('request', (request) => page.requests.push({ url: request.url(), method: request.method() }));
      await page.setViewportSize({ width: 760, height: 1100 });
      await page.goto(`${server.url}${name}.html`);
      return page;
    },
    async close() {
      await browser.close();
      await server.close();
      await tenant.stop();
    },
  };
}

export async function waitForEvent(page, name, timeout = 10_000) {
  await page.waitForFunction((wanted) => window.events.some(([event]) => event === wanted), name, { timeout });
  return page.evaluate((wanted) => window.events.filter(([event]) => event === wanted).map(([, payload]) => payload), name);
}

export const eventNames = (page) => page.evaluate(() => window.events.map(([name]) => name));

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

// The user as the tenant stores it (Management API, client_credentials token).
export async function userById(tenant, userId) {
  const token = await adminToken(tenant);
  const response = await call(tenant.url, userPath(userId), { token });
  if (response.status !== 200) throw new Error(`GET user failed: ${response.text}`);
  return response.body;
}

// The visible hints of the widget's fields: {controlId: text}.
export const hints = (page) => page.evaluate(() => Object.fromEntries(
  [...document.querySelectorAll('.mlk-root [aria-describedby]')]
    .filter((control) => control.matches('input, select'))
    .map((control) => [control.name || control.id, control.getAttribute('aria-describedby').split(' ')
      .map((id) => document.getElementById(id)?.textContent ?? '').join('')])));

export const axeSource = () => readFileSync(`${root}node_modules/axe-core/axe.min.js`, 'utf8');

// axe-core's serious and critical violations on the page (or under `selector`).
export async function axeViolations(page, selector = 'body') {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ content: axeSource() });
  const violations = await page.evaluate(async (context) => {
    const result = await window.axe.run(document.querySelector(context), { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  }, selector);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
