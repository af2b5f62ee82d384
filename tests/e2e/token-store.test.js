// The token store in real Chromium: two pages of one origin share localStorage, as two tabs
// do. Each entry lives under its own key with a manifest of them (auth0-spa-js's layout), so
// the two tabs never overwrite each other's tokens; a logout in one tab removes them all.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import { after, before, test } from 'node:test';
import { distInChromium } from './support/dist-in-chromium.mjs';
import { CLIENT_ID, CONNECTION, PASSWORD, startTenant, USER_SCOPES, uniqueEmail } from '../js/support/tenant.js';


const PAGE = `<!doctype html><meta charset="utf-8"><title>metalock tab</title>
<script type="module">
  import { createClient } from './metalock.js';
  window.tab = {
    client: null,
    async open(domain) {
      this.client = await createClient({ domain, clientId: '${CLIENT_ID}', cacheLocation: 'localstorage',
        userMetadataClaim: 'https://metalock.dev/user_metadata' });
    },
    async run(method, ...args) {
      try {
        const value = await this.client[method](...args);
        return { ok: true, value: value === undefined ? null : JSON.parse(JSON.stringify(value)) };
      } catch (error) {
        return { ok: false, code: error.code, message: String(error.message) };
      }
    },
    stored() {
      return Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('@@metalock@@')).map((k) => [k, localStorage.getItem(k)]));
    },
  };
  window.ready = true;
</script>`;

const chromium = distInChromium({ '/tab.html': PAGE });
let tenant;
before(async () => { tenant = await startTenant(); });
after(() => tenant?.stop());

async function openTab(on = tenant) {
  const page = await chromium.browser.newPage();
  await page.goto(`${chromium.server.url}/tab.html`);
  await page.waitForFunction(() => window.ready === true);
  await page.evaluate((domain) => window.tab.open(domain), on.url);
  return {
    page,
    run: (method, ...args) => page.evaluate(([m, a]) => window.tab.run(m, ...a), [method, args]),
    stored: () => page.evaluate(() => window.tab.stored()),
  };
}

// What `tab` stores once `settled(stored)` holds, or after 5 s what it stores then. Chromium
// keeps a copy of localStorage per renderer and hands another tab's writes to it
// asynchronously, so a tab sees the other's write or removal a moment later (on a busy
// machine, many milliseconds): the assertions that follow say what it must end up seeing.
async function storedOnce(tab, settled) {
  const deadline = Date.now() + 5000;
  for (;;) {
    const stored = await tab.stored();
    if (settled(stored) || Date.now() > deadline) return stored;
    await sleep(20);
  }
}

test('two tabs sharing localStorage keep each other\'s tokens, and a logout in one removes them all', async () => {
  const first = await openTab();
  const second = await openTab();
  const email = uniqueEmail('tabs');
  const signedUp = await first.run('signup', { connection: CONNECTION, email, password: PASSWORD });
  assert.ok(signedUp.ok, signedUp.message);

  // At the same time: tab one logs in for /userinfo, tab two for the Management API.
  const [userinfoLogin, managementLogin] = await Promise.all([
    first.run('login', { username: email, password: PASSWORD, realm: CONNECTION }),
    second.run('login', { username: email, password: PASSWORD, realm: CONNECTION, audience: tenant.managementAudience, scope: USER_SCOPES }),
  ]);
  assert.ok(userinfoLogin.ok && managementLogin.ok, JSON.stringify([userinfoLogin, managementLogin]));

  // Both entries are stored, each under its own key, whichever tab looks.
  const manifest = `@@metalock@@::${CLIENT_ID}`;
  const stored = await storedOnce(first, (seen) => Object.keys(seen).filter((key) => key !== manifest).length >= 2);
  const entries = Object.keys(stored).filter((key) => key !== manifest).sort();
  assert.equal(entries.length, 2, JSON.stringify(Object.keys(stored)));
  assert.ok(stored[entries.find((k) => k.includes('::default::'))].includes(userinfoLogin.value.accessToken));
  assert.ok(stored[entries.find((k) => k.includes('/api/v2/'))].includes(managementLogin.value.accessToken));
  assert.deepEqual(await storedOnce(second, (seen) => isDeepStrictEqual(seen, stored)), stored);

  // Each tab uses the other's token too, and a third tab (a reload) finds both.
  const secondInfo = await second.run('getUserInfo');
  assert.equal(secondInfo.value?.email, email, JSON.stringify(secondInfo).slice(0, 300));
  const firstUser = await first.run('getUser');
  assert.equal(firstUser.value?.email, email, JSON.stringify(firstUser).slice(0, 300));
  const third = await openTab();
  assert.equal((await third.run('getUserInfo')).value?.email, email);
  assert.equal((await third.run('getUser')).value?.email, email);

  // A logout in one tab: nothing stays stored, and no tab finds a token any more.
  await second.page.evaluate(() => { window.tab.client.logout(); });
  assert.deepEqual(await second.stored(), {});
  for (const tab of [first, second, third]) {
    assert.deepEqual(await storedOnce(tab, (seen) => Object.keys(seen).length === 0), {});
    assert.equal((await tab.run('getUser')).code, 'login_required');
    assert.equal((await tab.run('getUserInfo')).code, 'login_required');
  }
  for (const tab of [first, second, third]) assert.deepEqual(tab.page.errors, []);
});

test('three tabs that need a refresh at once take turns (Web Locks): no rotating refresh token is presented twice', async () => {
  // 30 s tokens against the default 60 s leeway: no entry is ever live, so every call refreshes.
  const shortLived = await startTenant({ config: { tokens: { accessTokenLifetime: 30 } } });
  try {
    const tabs = [await openTab(shortLived), await openTab(shortLived), await openTab(shortLived)];
    assert.equal(await tabs[0].page.evaluate(() => typeof navigator.locks?.request), 'function');
    const email = uniqueEmail('refresh-tabs');
    assert.ok((await tabs[0].run('signup', { connection: CONNECTION, email, password: PASSWORD })).ok);
    const login = await tabs[0].run('login', { username: email, password: PASSWORD, realm: CONNECTION, scope: 'openid profile email offline_access' });
    assert.ok(login.ok, login.message);

    // A refresh token presented twice would be refused and revoke the family: every later
    // call would then fail. All of them succeed, now and after.
    const infos = await Promise.all(tabs.map((tab) => tab.run('getUserInfo')));
    assert.deepEqual(infos.map((info) => info.value?.email), [email, email, email], JSON.stringify(infos).slice(0, 400));
    const again = await Promise.all(tabs.map((tab) => tab.run('getUserInfo')));
    assert.deepEqual(again.map((info) => info.value?.email), [email, email, email], JSON.stringify(again).slice(0, 400));
    for (const tab of tabs) {
      assert.deepEqual(tab.page.errors, []);
      await tab.run('logout');
    }
  } finally {
    await shortLived.stop();
  }
});
