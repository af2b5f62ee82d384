// node bench/load.mjs [--loads N]: the package's weight and its start-up cost in a browser.
// - size: gzip -9 of what each kind of page fetches from dist/: a client-only page
//   (metalock.js, the chunks it imports statically, metalock.wasm) against the 45 KB target,
//   and a page that shows the widget (+ the UI chunk Lock imports on first use and its CSS),
//   whose additions have a 12 KB budget;
// - load: in real Chromium, fetch + compile + instantiate + first call, each load on a fresh
//   page with caching off (median of 20 by default). Needs `npm run build` first.
// `npm run bench` prints the same section after its MB/s table.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../tests/e2e/support/chromium.mjs';
import { startStaticServer } from '../tests/e2e/support/static-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const TARGET_BYTES = 45 * 1024;
const WIDGET_BUDGET_BYTES = 12 * 1024;

export function gzipSize(file) {
  const cli = spawnSync('gzip', ['-9c', file], { maxBuffer: 64 * 1024 * 1024 });
  if (cli.status === 0) return cli.stdout.length;
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

// The dist/ files a page loads starting from `entry`: its static imports, and with `dynamic`
// its import() targets too (read from the built modules, which name them "./file.js").
function moduleGraph(entry, { dynamic }) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const code = readFileSync(`${dist}${name}`, 'utf8');
    for (const [, call, file] of code.matchAll(/(?:from|import)\s*(\(?)\s*"\.\/([^"]+\.js)"/g)) {
      if (!call || dynamic) visit(file);
    }
  };
  visit(entry);
  return [...seen];
}

export function measureSizes() {
  const row = (name) => ({ name: `dist/${name}`, raw: readFileSync(`${dist}${name}`).length, gzip: gzipSize(`${dist}${name}`) });
  const client = [...moduleGraph('metalock.js', { dynamic: false }), 'metalock.wasm'];
  const widget = [...moduleGraph('metalock.js', { dynamic: true }), 'metalock-widget.css'].filter((name) => !client.includes(name));
  const rows = client.map(row);
  const widgetRows = widget.map(row);
  const glue = `${root}build/wasm/wasm/metalock.mjs`;
  const glueGzip = existsSync(glue) ? gzipSize(glue) : undefined;
  const total = rows.reduce((sum, r) => sum + r.gzip, 0);
  const widgetAdds = widgetRows.reduce((sum, r) => sum + r.gzip, 0);
  return { rows, total, glueGzip, target: TARGET_BYTES, widgetRows, widgetAdds, widgetBudget: WIDGET_BUDGET_BYTES };
}

// The page times everything from before the import of the package to the first result.
const PAGE = `<!doctype html><meta charset="utf-8"><title>metalock load timing</title>
<script type="module">
  const started = performance.now();
  const { buildMetadataPatch } = await import('./metalock.js');
  const imported = performance.now();
  await buildMetadataPatch({ a: 1 }, { a: 2 });
  const done = performance.now();
  window.timing = { total: done - started, importJs: imported - started, wasmAndFirstCall: done - imported };
</script>`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

export async function measureLoad({ loads = 20 } = {}) {
  const server = await startStaticServer({ root: dist, pages: { '/load.html': PAGE } });
  const browser = await launchChromium();
  try {
    const timings = [];
    for (let i = 0; i < loads; i += 1) {
      const page = await browser.newPage();
      const cdp = await browser.context.newCDPSession(page);
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      await page.goto(`${server.url}/load.html`);
      await page.waitForFunction(() => window.timing !== undefined);
      timings.push(await page.evaluate(() => window.timing));
      if (page.errors.length) throw page.errors[0];
      await page.close();
    }
    const pick = (key) => timings.map((t) => t[key]);
    return {
      loads,
      median: median(pick('total')),
      min: Math.min(...pick('total')),
      max: Math.max(...pick('total')),
      medianImportJs: median(pick('importJs')),
      medianWasmAndFirstCall: median(pick('wasmAndFirstCall')),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

// Other SDKs' gzip weights, for scale: figures given to the team, not measured by this script.
export const REFERENCE_SIZES = [
  { name: 'auth0-js 10', gzipKb: 51.5 },
  { name: 'auth0-spa-js 2', gzipKb: 63.4 },
];

const verdict = (bytes, limit) => (bytes <= limit ? 'met' : `over by ${kb(bytes - limit)}`);

export function printSizes(sizes, log = console.log) {
  const line = (row) => log(`  ${row.name.padEnd(34)} ${kb(row.raw).padStart(9)} raw  ${kb(row.gzip).padStart(8)} gz`);
  log('size (gzip -9), what a page fetches');
  log(' client only (createClient, helpers):');
  sizes.rows.forEach(line);
  if (sizes.glueGzip !== undefined) log(`  (of which the Emscripten glue: ${kb(sizes.glueGzip)} gz)`);
  log(`  client-only total                  ${kb(sizes.total)} gz (${sizes.total} bytes); target ${kb(sizes.target)}: ${verdict(sizes.total, sizes.target)}`);
  log(' + the widget (new Lock(...).show()):');
  sizes.widgetRows.forEach(line);
  const both = sizes.total + sizes.widgetAdds;
  log(`  client + widget total              ${kb(both)} gz (${both} bytes); the widget adds ${kb(sizes.widgetAdds)}, budget ${kb(sizes.widgetBudget)}: ${verdict(sizes.widgetAdds, sizes.widgetBudget)}`);
  for (const ref of REFERENCE_SIZES) {
    log(`  reference: ${ref.name.padEnd(15)} ${ref.gzipKb.toFixed(1).padStart(5)} KB gz (given figure, not measured here)`);
  }
}

export function printLoad(load, log = console.log) {
  log(`load in Chromium (fetch + compile + instantiate + first call), ${load.loads} fresh pages, cache off`);
  log(`  median ${load.median.toFixed(1)} ms (min ${load.min.toFixed(1)}, max ${load.max.toFixed(1)}); `
    + `of which importing the JS ${load.medianImportJs.toFixed(1)} ms, wasm + first call ${load.medianWasmAndFirstCall.toFixed(1)} ms`);
}

async function main() {
  const loadsArg = process.argv.indexOf('--loads');
  const loads = loadsArg > 0 ? Number(process.argv[loadsArg + 1]) : 20;
  if (!existsSync(`${dist}metalock.js`)) throw new Error('dist/ is not built: run npm run build');
  printSizes(measureSizes());
  printLoad(await measureLoad({ loads }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  });
}
