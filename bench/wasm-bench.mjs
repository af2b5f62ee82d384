// The wasm half of `npm run bench`: the native suite's operations run through the built
// package in Node, on the very documents the native suite measures (written as files by
// build/native/bench/metalock_bench_documents; the bytes counted per call are those files'
// sizes, so MB/s on both sides divide the same bytes).
//
// Each call is what a user pays: the public helper of dist/metalock.node.js (what Node imports) where there is one,
// js/core/load.js (the same facade, loaded from build/wasm) for the rest, so every figure
// includes JSON.stringify of the arguments, the copy into wasm memory, the core, and
// JSON.parse of the envelope. Time is CPU time of the Node process (process.cpuUsage: it
// includes V8's GC and compiler threads), as Google Benchmark reports CPU time natively.
//
//   node bench/wasm-bench.mjs DOCUMENTS_DIR [--benchmark_filter=REGEX]   (standalone)
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchCases } from './op-cases.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// What the wasm figures are measured over: the package bundle and the module the facade loads.
export const wasmArtifacts = ['dist/metalock.node.js', 'dist/metalock.wasm', 'build/wasm/wasm/metalock-node.mjs',
  'build/wasm/wasm/metalock.wasm'];

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

// Other work may be rebuilding dist/ or build/wasm right now (dist.mjs empties dist/ first):
// wait until every artifact exists and none changed in the last few seconds.
export async function waitForBuiltModule({ timeoutSeconds = 180, quietSeconds = 5, log = console.log } = {}) {
  const deadline = Date.now() + timeoutSeconds * 1000;
  for (let announced = false; ; announced = true) {
    const paths = wasmArtifacts.map((name) => `${root}${name}`);
    const missing = wasmArtifacts.filter((name, i) => !existsSync(paths[i]));
    const newest = missing.length ? Infinity : Math.max(...paths.map((path) => statSync(path).mtimeMs));
    if (!missing.length && Date.now() - newest > quietSeconds * 1000) return;
    if (Date.now() > deadline) {
      throw new Error(missing.length ? `wasm benchmark: ${missing.join(', ')} missing: run npm run build`
        : 'wasm benchmark: dist/ or build/wasm kept changing; retry when the build is done');
    }
    if (!announced) log(`waiting for the wasm build to settle (${missing.length ? `missing ${missing.join(', ')}` : 'being written'})...`);
    await sleep(2000);
  }
}

// Facts about the measured module a reader needs next to the figures.
export function describeModule() {
  const bytes = (name) => readFileSync(`${root}${name}`);
  const notes = [`module: dist/ built ${statSync(`${root}dist/metalock.wasm`).mtime.toISOString()}, `
    + `metalock.wasm ${bytes('dist/metalock.wasm').length} bytes`];
  if (!bytes('dist/metalock.wasm').equals(bytes('build/wasm/wasm/metalock.wasm'))) {
    notes.push('WARNING: dist/metalock.wasm differs from build/wasm/wasm/metalock.wasm (dist/ is from another build): '
      + 'the public-helper rows and the facade rows measured different modules; run npm run build');
  }
  return notes;
}

let assertJsonSafe;   // js/core/json-safe.js, imported with the module under test

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

// Calls `call` in growing batches until `seconds` of CPU time have gone (and at least
// `minCalls` calls, for the 256 KB documents); the batch size is aimed at the time left so
// that the run ends close to it. Async helpers are awaited.
async function runFor(call, seconds, isAsync, minCalls = 1) {
  const start = cpuSeconds();
  let iterations = 0;
  let batch = 1;
  let elapsed = 0;
  while (elapsed < seconds || iterations < minCalls) {
    if (isAsync) for (let i = 0; i < batch; i += 1) await call();
    else for (let i = 0; i < batch; i += 1) call();
    iterations += batch;
    elapsed = cpuSeconds() - start;
    const perCall = Math.max(elapsed / iterations, 1e-7);
    batch = Math.max(1, minCalls - iterations, Math.min(batch * 10, Math.ceil((seconds - elapsed) / perCall)));
  }
  return { iterations, seconds: elapsed };
}

// CPU seconds per call of the JS JSON work a call of the case includes, the part of the
// crossing that stays with JS objects in and out whatever the core does: the facade's
// assertJsonSafe + JSON.stringify of each value argument, and JSON.parse of the result's
// envelope text. Text arguments (already JSON) cost no stringify.
async function jsJsonSeconds(values, result, seconds) {
  const envelope = JSON.stringify({ value: result });
  const work = () => {
    for (const value of values) JSON.stringify(assertJsonSafe(value));
    JSON.parse(envelope);
  };
  await runFor(work, seconds / 4, false);
  const { iterations, seconds: spent } = await runFor(work, seconds / 2, false, 5);
  return spent / iterations;
}

// CPU seconds per JSON.parse of all of a case's input files: the yardstick a JS user knows.
async function jsonParseSeconds(texts, seconds) {
  const parse = () => { for (const text of texts) JSON.parse(text); };
  await runFor(parse, seconds / 4, false);
  const { iterations, seconds: spent } = await runFor(parse, seconds / 2, false, 5);
  return spent / iterations;
}

// Runs every case whose native name passes `filter` (Google Benchmark's --benchmark_filter:
// a regex, '-' in front negates). Returns [{ name, mbps, iterations, seconds, bytes,
// jsonParseRatio, jsJsonShare (jsJsonSeconds over a call's time) }] and,
// for a case the core refused, { name, error }.
export async function runWasmBench({ documentsDir, minSeconds = 0.2, warmSeconds = 0.1, filter, log = () => {} }) {
  const read = (file) => readFileSync(`${documentsDir}/${file}`);
  const context = JSON.parse(read('context.json'));
  const pkg = await import(pathToFileURL(`${root}dist/metalock.node.js`).href);
  const { loadCore } = await import(pathToFileURL(`${root}js/core/load.js`).href);
  const core = await loadCore();
  const { assertJsonSafe: safe } = await import(pathToFileURL(`${root}js/core/json-safe.js`).href);
  assertJsonSafe = safe;
  const api = { pkg, core, base: core.baseUrl('metalock-bench.auth0.com') };

  const selected = benchCases(context, context.sizes).filter(({ name }) => passes(filter, name));
  const rows = [];
  for (const bench of selected) {
    const texts = (bench.texts ?? []).map((file) => read(file).toString('utf8'));
    const values = (bench.values ?? []).map((file) => JSON.parse(read(file)));
    const files = [...(bench.texts ?? []), ...(bench.values ?? [])];
    const bytes = files.reduce((sum, file) => sum + statSync(`${documentsDir}/${file}`).size, 0);
    const args = texts.length ? texts : values;
    const call = () => bench.call(api, args);
    try {
      const first = call();
      const isAsync = first instanceof Promise;
      if (isAsync) await first;
      await runFor(call, warmSeconds, isAsync);   // JIT tiers (JS and wasm) settle first
      const { iterations, seconds } = await runFor(call, minSeconds, isAsync, 5);
      const row = { name: bench.name, bytes, iterations, seconds, mbps: (iterations * bytes) / seconds / 1e6 };
      row.jsonParseRatio = (seconds / iterations) / await jsonParseSeconds(files.map((file) => read(file).toString('utf8')), minSeconds);
      const result = isAsync ? await first : first;
      row.jsJsonShare = await jsJsonSeconds(values, result, minSeconds) / (seconds / iterations);
      log(`${bench.name.padEnd(30)} ${row.mbps.toFixed(1).padStart(9)} MB/s  ${iterations} calls  ${row.jsonParseRatio.toFixed(1)}x JSON.parse  JS JSON ${(100 * row.jsJsonShare).toFixed(0)}% of a call`);
      rows.push(row);
    } catch (error) {
      log(`${bench.name.padEnd(30)} ERROR ${error.code ?? ''} ${error.message}`);
      rows.push({ name: bench.name, error: `${error.code ?? ''} ${error.message}`.trim() });
    }
  }
  return rows;
}

function passes(filter, name) {
  if (!filter || filter === 'all' || filter === '.') return true;
  return filter.startsWith('-') ? !new RegExp(filter.slice(1)).test(name) : new RegExp(filter).test(name);
}

async function main() {
  const documentsDir = process.argv[2];
  const filter = process.argv.find((arg) => arg.startsWith('--benchmark_filter='))?.split('=').slice(1).join('=');
  if (!documentsDir || !existsSync(`${documentsDir}/context.json`)) {
    throw new Error('usage: node bench/wasm-bench.mjs DOCUMENTS_DIR (write it with build/native/bench/metalock_bench_documents DIR)');
  }
  await waitForBuiltModule();
  describeModule().forEach((note) => console.log(note));
  await runWasmBench({ documentsDir, filter, log: console.log });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  });
}
