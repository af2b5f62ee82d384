// The set-up most browser tests share: the built package (dist/) and a test's own in-memory
// pages served from 127.0.0.1, and one Chromium, both started before the file's tests and
// stopped after them. Returns the object whose `server` ({url}) and `browser` the tests use
// once the hooks have run.
import { fileURLToPath } from 'node:url';
import { after, before } from 'node:test';
import { launchChromium } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const dist = fileURLToPath(new URL('../../../dist/', import.meta.url));

export function distInChromium(pages) {
  const fixture = { server: null, browser: null };
  before(async () => {
    fixture.server = await startStaticServer({ root: dist, pages });
    fixture.browser = await launchChromium();
  });
  after(async () => {
    await fixture.browser?.close();
    await fixture.server?.close();
  });
  return fixture;
}
