// Per operation in real Chromium: the public helpers of dist/metalock.js on the native suite's
// documents (served as files), each beside JSON.parse of the same bytes in the same page, so
// a row reads "how many JSON.parses of its input does this call cost". Time is wall time in
// the page (performance.now), one call after another for `seconds` after a warm-up.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/support/chromium.mjs';
import { startStaticServer } from '../tests/e2e/support/static-server.mjs';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));

// The cases Chromium runs: name (the native benchmark's), files, and the helper called.
export function browserCases(sizes) {
  return [
    ...sizes.flatMap((n) => [
      { name: `BM_diff/${n}`, files: [`metadata-${n}.json`, `edited-${n}.json`], helper: 'buildMetadataPatch' },
      { name: `BM_merge_in_place/${n}`, files: [`user-${n}.json`, `edit-patch-${n}.json`], helper: 'applyMetadataPatch' },
    ]),
    ...['typical', 'max'].map((form) => ({
      name: `BM_signup_${form}_form`, files: [`signup-${form}-fields.json`, `signup-${form}-values.json`],
      helper: 'mapSignupFields', base: true,
    })),
  ];
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>metalock per-op</title>
<script type="module">
  import * as metalock from './metalock.js';
  async function timeFor(call, seconds) {
    let calls = 0;
    const start = performance.now();
    let now = start;
    while (now - start < seconds * 1000 || calls < 5) {
      const r = call();
      if (r && typeof r.then === 'function') await r;
      calls += 1;
      now = performance.now();
    }
    return (now - start) / 1000 / calls;
  }
  window.measure = async ({ helper, files, base, seconds }) => {
    const texts = await Promise.all(files.map((f) => fetch('/documents/' + f).then((r) => r.text())));
    const bytes = texts.reduce((sum, t) => sum + new TextEncoder().encode(t).length, 0);
    const args = texts.map((t) => JSON.parse(t));
    if (base) args.push(base);
    const call = () => metalock[helper](...args);
    await timeFor(call, seconds / 2);
    const perCall = await timeFor(call, seconds);
    const parse = () => { for (const t of texts) JSON.parse(t); };
    await timeFor(parse, seconds / 4);
    const perParse = await timeFor(parse, seconds / 2);
    return { bytes, perCall, perParse };
  };
  window.ready = true;
</script>`;

// -> [{ name, mbps, perCall, jsonParseRatio }]
export async function runBrowserOps({ documentsDir, context, seconds = 0.3, log = () => {} }) {
  const cases = browserCases(context.sizes);
  const pages = { '/ops.html': PAGE };
  for (const file of new Set(cases.flatMap((bench) => bench.files))) {
    pages[`/documents/${file}`] = readFileSync(`${documentsDir}/${file}`);
  }
  const server = await startStaticServer({ root: dist, pages });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/ops.html`);
    await page.waitForFunction(() => window.ready === true);
    const rows = [];
    for (const bench of cases) {
      const result = await page.evaluate((input) => window.measure(input),
        { helper: bench.helper, files: bench.files, base: bench.base ? context.signupBase : undefined, seconds });
      const row = { name: bench.name, mbps: result.bytes / result.perCall / 1e6, perCall: result.perCall,
        jsonParseRatio: result.perCall / result.perParse };
      log(`chromium ${bench.name.padEnd(24)} ${row.mbps.toFixed(1).padStart(8)} MB/s  ${row.jsonParseRatio.toFixed(1)}x JSON.parse`);
      rows.push(row);
    }
    if (page.errors.length) throw page.errors[0];
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}
