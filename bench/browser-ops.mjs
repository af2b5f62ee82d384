// Per operation in real Chromium: the same calls as the Node column (op-cases.mjs) on the
// native suite's documents (served as files), through dist/metalock.js's public helpers and the
// core facade over the page glue of the same build, each beside JSON.parse of the same bytes in
// the same page, so a row reads "how many JSON.parses of its input does this call cost". Time
// is wall time in the page (performance.now), one call after another for `seconds` after a
// warm-up.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../tests/e2e/support/chromium.mjs';
import { startStaticServer } from '../tests/e2e/support/static-server.mjs';
import { benchCases } from './op-cases.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// The repository is served from its root: the page imports dist/metalock.js, the web glue in
// build/wasm (metalock.wasm next to it, the same bytes as dist's) with js/core/facade.js over
// it, and bench/op-cases.mjs.
const PAGE = `<!doctype html><meta charset="utf-8"><title>metalock per-op</title>
<script type="module">
  import * as pkg from '/dist/metalock.js';
  import createMetalockCore from '/build/wasm/wasm/metalock.mjs';
  import { createFacade } from '/js/core/facade.js';
  import { benchCases } from '/bench/op-cases.mjs';
  const core = createFacade(await createMetalockCore());
  const api = { pkg, core, base: core.baseUrl('metalock-bench.auth0.com') };
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
  const read = (file) => fetch('/documents/' + file).then((r) => r.text());
  window.measure = async ({ name, context, seconds }) => {
    const bench = benchCases(context, context.sizes).find((entry) => entry.name === name);
    const texts = await Promise.all((bench.texts ?? []).map(read));
    const valueTexts = await Promise.all((bench.values ?? []).map(read));
    const all = [...texts, ...valueTexts];
    const bytes = all.reduce((sum, t) => sum + new TextEncoder().encode(t).length, 0);
    const args = texts.length ? texts : valueTexts.map((t) => JSON.parse(t));
    const call = () => bench.call(api, args);
    await timeFor(call, seconds / 2);
    const perCall = await timeFor(call, seconds);
    const parse = () => { for (const t of all) JSON.parse(t); };
    await timeFor(parse, seconds / 4);
    const perParse = await timeFor(parse, seconds / 2);
    return { bytes, perCall, perParse };
  };
  window.ready = true;
</script>`;

// -> [{ name, mbps, perCall, jsonParseRatio }]
export async function runBrowserOps({ documentsDir, context, seconds = 0.3, log = () => {} }) {
  const cases = benchCases(context, context.sizes);
  const pages = { '/ops.html': PAGE };
  for (const file of new Set(cases.flatMap((bench) => [...(bench.texts ?? []), ...(bench.values ?? [])]))) {
    pages[`/documents/${file}`] = readFileSync(`${documentsDir}/${file}`);
  }
  const server = await startStaticServer({ root, pages });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/ops.html`);
    await page.waitForFunction(() => window.ready === true);
    const rows = [];
    for (const bench of cases) {
      const result = await page.evaluate((input) => window.measure(input), { name: bench.name, context, seconds });
      const row = { name: bench.name, mbps: result.bytes / result.perCall / 1e6, perCall: result.perCall,
        jsonParseRatio: result.perCall / result.perParse };
      log(`chromium ${bench.name.padEnd(30)} ${row.mbps.toFixed(1).padStart(8)} MB/s  ${row.jsonParseRatio.toFixed(1)}x JSON.parse`);
      rows.push(row);
    }
    if (page.errors.length) throw page.errors[0];
    return rows;
  } finally {
    await browser.close();
    await server.close();
  }
}
