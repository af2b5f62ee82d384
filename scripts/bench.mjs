// npm run bench [-- --benchmark_filter=REGEX ...]: the native Google Benchmark suite, the same
// operations through the built wasm module in Node (bench/wasm-bench.mjs) on byte-identical
// documents, a table of MB/s (10^6 bytes per CPU second) native | wasm | native/wasm per op
// and document size, then the package's gzip size and its load time in Chromium
// (bench/load.mjs). Extra arguments go to metalock_bench unchanged; --benchmark_filter and
// --benchmark_min_time apply to the wasm side too.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run, step } from './run.mjs';
import { buildNative } from './build.mjs';
import { describeModule, runWasmBench, waitForBuiltModule, wasmCalls } from '../bench/wasm-bench.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchBinary = `${root}build/native/bench/metalock_bench`;
const documentsBinary = `${root}build/native/bench/metalock_bench_documents`;
const resultsDir = `${root}build/bench`;
const documentsDir = `${resultsDir}/documents`;
const nativeResults = `${resultsDir}/native.json`;
const wasmResults = `${resultsDir}/wasm.json`;
const minTime = '0.2';   // seconds per benchmark; Google Benchmark 1.7.1 takes a plain number

const sizeLabels = { 1024: '1 KB', 16384: '16 KB', 262144: '256 KB' };
const columns = ['1 KB', '16 KB', '256 KB', 'form'];

// "BM_merge/16384" -> { op: "merge", size: "16 KB" }; "BM_signup_max_form" -> size "form".
function describe(name) {
  const [fn, arg] = name.replace(/^BM_/, '').split('/');
  if (arg === undefined) return { op: fn, size: 'form' };
  return { op: fn, size: sizeLabels[arg] ?? `${arg} B` };
}

// The last `--name=value` among the arguments (Google Benchmark keeps the last one too).
function flag(args, name) {
  const prefix = `--${name}=`;
  return args.filter((arg) => arg.startsWith(prefix)).map((arg) => arg.slice(prefix.length)).pop();
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
  return rows.map((row) => ({ ...describe(row.name), mbps: row.mbps, error: row.error }));
}

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
    if (w.error) return `${n.mbps.toFixed(1)} | error`;
    return `${pad(n.mbps.toFixed(1), 6, true)} | ${pad(w.mbps.toFixed(1), 6, true)} | ${pad(`${(n.mbps / w.mbps).toFixed(1)}x`, 6, true)}`;
  };
  const used = columns.filter((size) => native.some((r) => r.size === size));
  const opWidth = Math.max(4, ...ops.map((op) => op.length));
  const widths = used.map((size) => Math.max(size.length, ...ops.map((op) => cell(op, size).length)));
  step(wasm.length ? 'MB/s (10^6 bytes per CPU second); each cell: native | wasm | native/wasm' : 'MB/s (native)');
  console.log([pad('op', opWidth), ...used.map((s, i) => pad(s, widths[i], true))].join('  '));
  console.log(['-'.repeat(opWidth), ...widths.map((w) => '-'.repeat(w))].join('  '));
  for (const op of ops) {
    console.log([pad(op, opWidth), ...used.map((s, i) => pad(cell(op, s), widths[i], true))].join('  '));
  }
  if (wasm.length) printWasmLegend(ops.filter((op) => wasm.some((r) => r.op === op)));
  console.log(`\nfull results: ${nativeResults}${wasm.length ? `, ${wasmResults}` : ''}`);
}

function printWasmLegend(ops) {
  console.log(`
native: the C++ core's operation alone, on documents already in memory (parse_json and
  profile_from_text start from text), Google Benchmark, CPU time of the thread.
wasm: what a user pays for the same operation from Node: JSON.stringify of the arguments, their
  copy into wasm memory, the core parsing them, the operation, the core serializing the result,
  JSON.parse of it; CPU time of the Node process (GC and JIT threads included). Same documents,
  same bytes counted per call, so native/wasm is the ratio of times per call. The wasm side calls:`);
  const width = Math.max(...ops.map((op) => op.length));
  for (const op of ops) console.log(`  ${pad(op, width)}  ${wasmCalls[op] ?? '?'}`);
}

// The package's weight and start-up cost (bench/load.mjs), after the throughput table.
async function runSizeAndLoad() {
  step('package size and load (bench/load.mjs)');
  const { measureLoad, measureSizes, printLoad, printSizes } = await import('../bench/load.mjs');
  printSizes(measureSizes());
  printLoad(await measureLoad({ loads: 20 }));
}

async function main() {
  const extraArgs = process.argv.slice(2);
  buildNative();   // Ninja rebuilds only what changed, so figures never come from a stale binary.
  const native = runNative(extraArgs);
  const wasm = await runWasm(extraArgs);
  printTable(native, wasm);
  await runSizeAndLoad();
}

main().catch((error) => {
  console.error(error.message);
  process.exit(error.exitCode ?? 1);
});
