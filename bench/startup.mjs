// Startup in real Chromium, each load on a fresh page with the cache off, median of `loads`:
// metalock from before `import('./metalock.js')` to the first helper call done (JS fetched,
// wasm fetched + compiled + instantiated, one call), beside auth0-js 10 from inserting its
// <script> (dist/auth0.min.js) to its first call done (an Authentication client built and
// an authorize URL built: auth0-js needs no more to be ready). Both from the same server, every
// file served from memory (a file read per request would weigh on one side only).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/support/chromium.mjs';
import { startStaticServer } from '../tests/e2e/support/static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const METALOCK_PAGE = `<!doctype html><meta charset="utf-8"><title>metalock startup</title>
<script type="module">
  const started = performance.now();
  const { buildMetadataPatch } = await import('./metalock.js');
  await buildMetadataPatch({ a: 1 }, { a: 2 });
  window.timing = performance.now() - started;
</script>`;

const AUTH0JS_PAGE = `<!doctype html><meta charset="utf-8"><title>auth0-js startup</title>
<script>
  const started = performance.now();
  const script = document.createElement('script');
  script.src = '/auth0.min.js';
  script.onload = () => {
    const auth = new auth0.Authentication({ domain: 'tenant.example.com', clientID: 'bench' });
    auth.buildAuthorizeUrl({ responseType: 'token', redirectUri: 'https://app.example.com/', state: 's', nonce: 'n' });
    window.timing = performance.now() - started;
  };
  document.head.appendChild(script);
</script>`;

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function timeLoads(browser, url, loads) {
  const timings = [];
  for (let i = 0; i < loads; i += 1) {
    const page = await browser.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(url);
    await page.waitForFunction(() => window.timing !== undefined);
    timings.push(await page.evaluate(() => window.timing));
    if (page.errors.length) throw page.errors[0];
    await page.close();
  }
  return timings;
}

// -> { metalock, auth0js } medians in ms, loads each; the two alternate in rounds of five so
// that a busy machine weighs on both alike.
export async function measureStartup({ loads = 20 } = {}) {
  const server = await startStaticServer({
    pages: {
      '/metalock.html': METALOCK_PAGE,
      '/metalock.js': readFileSync(`${root}dist/metalock.js`),
      '/metalock.wasm': readFileSync(`${root}dist/metalock.wasm`),
      '/auth0js.html': AUTH0JS_PAGE,
      '/auth0.min.js': readFileSync(`${root}node_modules/auth0-js/dist/auth0.min.js`),
    },
  });
  const browser = await launchChromium();
  try {
    const metalock = [];
    const auth0js = [];
    for (let done = 0; done < loads; done += 5) {
      const round = Math.min(5, loads - done);
      metalock.push(...await timeLoads(browser, `${server.url}/metalock.html`, round));
      auth0js.push(...await timeLoads(browser, `${server.url}/auth0js.html`, round));
    }
    return { loads, metalock: median(metalock), auth0js: median(auth0js) };
  } finally {
    await browser.close();
    await server.close();
  }
}
