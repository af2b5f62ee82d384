// Startup in real Chromium, each load on a fresh page with the cache off, median of `loads`:
// metalock from before `import('./metalock.js')` to the first helper call done (JS fetched,
// wasm fetched + compiled + instantiated, one call), beside auth0-js 10 from inserting its
// <script> (dist/auth0.min.js) to its first call done (an Authentication client built and
// an authorize URL built: auth0-js needs no more to be ready). Both from the same server, every
// file served from memory (a file read per request would weigh on one side only).
//
// A second pair of pages does what README's "Bundlers" advises (as demo/index.html does): the
// metalock page preloads metalock.js and its .wasm from <head>, the auth0-js page names its
// script in <head> (fetched as early as a preload is). Their fetches start while the HTML is
// parsed, before any script of the page runs, so both are timed from the start of the page's
// first request for its SDK (Resource Timing) to the first call done.
//
// Each page reports its time on the console. The harness must not run anything in the page
// while it is timed: Playwright's waitForFunction injects its own script (about 10 ms of
// main-thread parsing in Chromium), and it landed inside metalock's window only, since the
// metalock page's load event comes before its import() is done while auth0-js's script holds
// the load event back until it has run.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/support/chromium.mjs';
import { startStaticServer } from '../tests/e2e/support/static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const TIMING = 'metalock-bench-startup';
const report = (from) => `console.debug('${TIMING}', String(performance.now() - ${from}));`;
const fromFirstRequest = 'Math.min(...performance.getEntriesByType(\'resource\').map((entry) => entry.startTime))';

const METALOCK_CALL = `const { buildMetadataPatch } = await import('./metalock.js');
  await buildMetadataPatch({ a: 1 }, { a: 2 });`;
const AUTH0JS_CALL = `const auth = new auth0.Authentication({ domain: 'tenant.example.com', clientID: 'bench' });
    auth.buildAuthorizeUrl({ responseType: 'token', redirectUri: 'https://app.example.com/', state: 's', nonce: 'n' });`;

const METALOCK_PAGE = `<!doctype html><meta charset="utf-8"><title>metalock startup</title>
<script type="module">
  const started = performance.now();
  ${METALOCK_CALL}
  ${report('started')}
</script>`;

const AUTH0JS_PAGE = `<!doctype html><meta charset="utf-8"><title>auth0-js startup</title>
<script>
  const started = performance.now();
  const script = document.createElement('script');
  script.src = '/auth0.min.js';
  script.onload = () => {
    ${AUTH0JS_CALL}
    ${report('started')}
  };
  document.head.appendChild(script);
</script>`;

const METALOCK_PRELOADED = `<!doctype html><meta charset="utf-8"><title>metalock startup, preloaded</title>
<link rel="modulepreload" href="/metalock.js">
<link rel="preload" href="/metalock.wasm" as="fetch" type="application/wasm" crossorigin>
<script type="module">
  ${METALOCK_CALL}
  ${report(fromFirstRequest)}
</script>`;

const AUTH0JS_IN_HEAD = `<!doctype html><meta charset="utf-8"><title>auth0-js startup, in head</title>
<script src="/auth0.min.js"></script>
<script>
  ${AUTH0JS_CALL}
  ${report(fromFirstRequest)}
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
    const reported = page.waitForEvent('console', (message) => message.text().startsWith(TIMING));
    await page.goto(url);
    const [, value] = (await reported).text().split(' ');
    timings.push(Number(value));
    if (page.errors.length) throw page.errors[0];
    await page.close();
  }
  return timings;
}

// -> { loads, metalock, auth0js, preloaded: { metalock, auth0js } }: medians in ms, loads each;
// the four pages alternate in rounds of five so that a busy machine weighs on all alike.
export async function measureStartup({ loads = 20 } = {}) {
  const server = await startStaticServer({
    pages: {
      '/metalock.html': METALOCK_PAGE,
      '/metalock-preloaded.html': METALOCK_PRELOADED,
      '/metalock.js': readFileSync(`${root}dist/metalock.js`),
      '/metalock.wasm': readFileSync(`${root}dist/metalock.wasm`),
      '/auth0js.html': AUTH0JS_PAGE,
      '/auth0js-in-head.html': AUTH0JS_IN_HEAD,
      '/auth0.min.js': readFileSync(`${root}node_modules/auth0-js/dist/auth0.min.js`),
    },
  });
  const pages = {
    metalock: '/metalock.html', auth0js: '/auth0js.html',
    preloadedMetalock: '/metalock-preloaded.html', preloadedAuth0js: '/auth0js-in-head.html',
  };
  const timings = Object.fromEntries(Object.keys(pages).map((name) => [name, []]));
  const browser = await launchChromium();
  try {
    for (let done = 0; done < loads; done += 5) {
      const round = Math.min(5, loads - done);
      for (const [name, path] of Object.entries(pages)) {
        timings[name].push(...await timeLoads(browser, `${server.url}${path}`, round));
      }
    }
    return {
      loads,
      metalock: median(timings.metalock),
      auth0js: median(timings.auth0js),
      preloaded: { metalock: median(timings.preloadedMetalock), auth0js: median(timings.preloadedAuth0js) },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
