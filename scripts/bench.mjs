// npm run bench [-- --benchmark_filter=REGEX ...]: the native Google Benchmark suite, then a
// summary table of MB/s (10^6 bytes per CPU second) per op and document size.
// Extra arguments go to metalock_bench unchanged.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run, step } from './run.mjs';
import { buildNative } from './build.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchBinary = `${root}build/native/bench/metalock_bench`;
const resultsDir = `${root}build/bench`;
const nativeResults = `${resultsDir}/native.json`;
const minTime = '0.2';   // seconds per benchmark; Google Benchmark 1.7.1 takes a plain number

const sizeLabels = { 1024: '1 KB', 16384: '16 KB', 262144: '256 KB' };
const columns = ['1 KB', '16 KB', '256 KB', 'form'];

// "BM_merge/16384" -> { op: "merge", size: "16 KB" }; "BM_signup_max_form" -> size "form".
function describe(name) {
  const [fn, arg] = name.replace(/^BM_/, '').split('/');
  if (arg === undefined) return { op: fn, size: 'form' };
  return { op: fn, size: sizeLabels[arg] ?? `${arg} B` };
}

function runNative(extraArgs) {
  step('native benchmarks (Google Benchmark)');
  mkdirSync(resultsDir, { recursive: true });
  run(benchBinary, [`--benchmark_min_time=${minTime}`, `--benchmark_out=${nativeResults}`,
    '--benchmark_out_format=json', ...extraArgs]);
  const report = JSON.parse(readFileSync(nativeResults, 'utf8'));
  return report.benchmarks
    .filter((b) => b.run_type !== 'aggregate' && !b.error_occurred && b.bytes_per_second)
    .map((b) => ({ ...describe(b.name), mbps: b.bytes_per_second / 1e6 }));
}

// ---------------------------------------------------------------------------------------
// JS / WASM BENCHMARK GOES HERE (later). Return rows of the same shape as runNative():
// [{ op: 'merge', size: '16 KB', mbps: 123.4 }, ...], measured through the built wasm with
// the same deterministic documents (bench/documents.cpp), and the table below shows
// native | wasm | native/wasm side by side. Until then it returns [] and only native shows.
async function runWasm(/* extraArgs */) {
  return [];
}
// ---------------------------------------------------------------------------------------

function pad(text, width, right = false) {
  return right ? String(text).padStart(width) : String(text).padEnd(width);
}

function printTable(native, wasm) {
  const key = (r) => `${r.op}|${r.size}`;
  const wasmByKey = new Map(wasm.map((r) => [key(r), r]));
  const ops = [...new Set(native.map((r) => r.op))];
  const cell = (op, size) => {
    const n = native.find((r) => r.op === op && r.size === size);
    if (!n) return '';
    const w = wasmByKey.get(key(n));
    if (!w) return n.mbps.toFixed(1);
    return `${n.mbps.toFixed(1)} | ${w.mbps.toFixed(1)} | ${(n.mbps / w.mbps).toFixed(2)}x`;
  };
  const used = columns.filter((size) => native.some((r) => r.size === size));
  const opWidth = Math.max(4, ...ops.map((op) => op.length));
  const widths = used.map((size) => Math.max(size.length, ...ops.map((op) => cell(op, size).length)));
  step(wasm.length ? 'MB/s: native | wasm | native/wasm' : 'MB/s (native)');
  console.log([pad('op', opWidth), ...used.map((s, i) => pad(s, widths[i], true))].join('  '));
  console.log([ '-'.repeat(opWidth), ...widths.map((w) => '-'.repeat(w))].join('  '));
  for (const op of ops) {
    console.log([pad(op, opWidth), ...used.map((s, i) => pad(cell(op, s), widths[i], true))].join('  '));
  }
  console.log(`\nfull results: ${nativeResults}`);
}

async function main() {
  const extraArgs = process.argv.slice(2);
  buildNative();   // Ninja rebuilds only what changed, so figures never come from a stale binary.
  const native = runNative(extraArgs);
  const wasm = await runWasm(extraArgs);
  printTable(native, wasm);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(error.exitCode ?? 1);
});
