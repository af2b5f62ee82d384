// npm run bench [-- --benchmark_filter=REGEX ...]: one run, one table (bench/table.mjs) of every
// figure issue 10 asks for, each beside what it is compared with:
// - size gz of what a page fetches, beside auth0-js 10, auth0-spa-js 2, auth0-lock 14 (bench/sizes.mjs);
// - startup in Chromium beside auth0-js (bench/startup.mjs);
// - per op at 1/16/256 KB: native (Google Benchmark), Node and Chromium through the package
//   (bench/wasm-bench.mjs, bench/browser-ops.mjs), native/wasm and x JSON.parse of the same bytes;
// - native early refusals in us; end to end in Chromium against the local tenant beside
//   auth0-js (bench/end-to-end.mjs); memory after 1,000 and 100,000 calls (bench/memory.mjs).
// Extra arguments go to metalock_bench unchanged; --benchmark_filter and --benchmark_min_time
// apply to the Node side too. Raw results: build/bench/*.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run, step } from './run.mjs';
import { buildNative } from './build.mjs';
import { describeModule, runWasmBench, waitForBuiltModule } from '../bench/wasm-bench.mjs';
import { runBrowserOps } from '../bench/browser-ops.mjs';
import { measureEndToEnd } from '../bench/end-to-end.mjs';
import { measureMemory } from '../bench/memory.mjs';
import { measureSizes } from '../bench/sizes.mjs';
import { measureStartup } from '../bench/startup.mjs';
import { printTable } from '../bench/table.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchBinary = `${root}build/native/bench/metalock_bench`;
const documentsBinary = `${root}build/native/bench/metalock_bench_documents`;
const resultsDir = `${root}build/bench`;
const documentsDir = `${resultsDir}/documents`;
const nativeResults = `${resultsDir}/native.json`;
const wasmResults = `${resultsDir}/wasm.json`;
const minTime = '0.2';   // seconds per benchmark; Google Benchmark 1.7.1 takes a plain number

// The last `--name=value` among the arguments (Google Benchmark keeps the last one too).
function flag(args, name) {
  const prefix = `--${name}=`;
  return args.filter((arg) => arg.startsWith(prefix)).map((arg) => arg.slice(prefix.length)).pop();
}

const toMicros = (time, unit) => time * ({ ns: 1e-3, us: 1, ms: 1e3, s: 1e6 }[unit] ?? 1);

function runNative(extraArgs) {
  step('native benchmarks (Google Benchmark)');
  mkdirSync(resultsDir, { recursive: true });
  run(benchBinary, [`--benchmark_min_time=${minTime}`, `--benchmark_out=${nativeResults}`,
    '--benchmark_out_format=json', ...extraArgs]);
  const report = JSON.parse(readFileSync(nativeResults, 'utf8'));
  return report.benchmarks
    .filter((b) => b.run_type !== 'aggregate' && !b.error_occurred && b.bytes_per_second)
    .map((b) => ({ name: b.name, mbps: b.bytes_per_second / 1e6, micros: toMicros(b.cpu_time, b.time_unit) }));
}

// The native suite's inputs as files, written by the native code that builds them, so that
// the wasm side reads the same bytes rather than a JS copy of the generator.
function writeDocuments() {
  mkdirSync(documentsDir, { recursive: true });
  run(documentsBinary, [documentsDir]);
}

async function runWasm(extraArgs) {
  step(`wasm benchmarks (Node ${process.version}, the built module; JSON crossing included)`);
  writeDocuments();
  await waitForBuiltModule({ timeoutSeconds: 90 });
  const notes = describeModule();
  notes.forEach((note) => console.log(note));
  const rows = await runWasmBench({
    documentsDir,
    minSeconds: Number(flag(extraArgs, 'benchmark_min_time') ?? minTime),
    filter: flag(extraArgs, 'benchmark_filter'),
    log: console.log,
  });
  writeFileSync(wasmResults, `${JSON.stringify({ node: process.version, notes, benchmarks: rows }, null, 2)}\n`);
  return rows;
}

const E2E_CALLS = 50;

async function main() {
  const extraArgs = process.argv.slice(2);
  buildNative();   // Ninja rebuilds only what changed, so figures never come from a stale binary.
  const native = runNative(extraArgs);
  const node = await runWasm(extraArgs);
  const context = JSON.parse(readFileSync(`${documentsDir}/context.json`, 'utf8'));
  step('per op in Chromium (bench/browser-ops.mjs)');
  const chromium = await runBrowserOps({ documentsDir, context, log: console.log });
  step('sizes (bench/sizes.mjs)');
  const sizes = await measureSizes();
  step('startup in Chromium (bench/startup.mjs)');
  const startup = await measureStartup({ loads: 20 });
  step(`end to end in Chromium against the local tenant, ${E2E_CALLS} calls each (bench/end-to-end.mjs)`);
  const endToEnd = await measureEndToEnd({ calls: E2E_CALLS });
  step('memory (bench/memory.mjs)');
  const memory = await measureMemory({ documentsDir });
  const results = { native, node, chromium, sizes, startup, endToEnd, e2eCalls: E2E_CALLS, memory };
  writeFileSync(`${resultsDir}/all.json`, `${JSON.stringify(results, null, 2)}\n`);
  step('metalock side by side (one run; raw: build/bench/all.json)');
  printTable(results);
}

main().catch((error) => {
  console.error(error.stack ?? error.message);
  process.exit(error.exitCode ?? 1);
});
