// npm run vectors -- [FILE...]: every conformance vector through the native core
// (build/native/tests/native/metalock_vectors) AND the wasm build (dist/), one line per
// failing case, then exactly one line "N passed, M failed" over both. Exit 1 when M > 0 or a
// file cannot be read (an unreadable file counts as a failure in each build).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const nativeRunner = `${root}build/native/tests/native/metalock_vectors`;

const oneLine = (text) => String(text).replace(/\s+/g, ' ').trim();

function printFailure(build, { file, name, expected, got }) {
  console.log(`FAIL [${build}] ${file} :: ${oneLine(name)} — expected ${oneLine(expected)}, got ${oneLine(got)}`);
}

// The native CLI prints "FAIL [native] FILE :: NAME", "  expected: X", "  got:      Y" per
// failure and "N passed, M failed" last; read that back into records.
function runNative(files) {
  if (!existsSync(nativeRunner)) {
    return { passed: 0, failures: files.map((file) => ({ file, name: '(runner)', expected: 'the native runner', got: `${nativeRunner} is not built (npm run build)` })) };
  }
  const result = spawnSync(nativeRunner, files, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const lines = (result.stdout ?? '').split('\n');
  const failures = [];
  let passed = 0;
  let counted = false;
  for (let i = 0; i < lines.length; i += 1) {
    const head = /^FAIL \[native\] (.*?) :: (.*)$/.exec(lines[i]);
    if (head) {
      const expected = (lines[i + 1] ?? '').replace(/^\s*expected:\s*/, '');
      const got = (lines[i + 2] ?? '').replace(/^\s*got:\s*/, '');
      failures.push({ file: head[1], name: head[2], expected, got });
      i += 2;
      continue;
    }
    const total = /^(\d+) passed, (\d+) failed$/.exec(lines[i]);
    if (total) {
      passed = Number(total[1]);
      counted = true;
    }
  }
  if (!counted) {
    failures.push({ file: '(all)', name: '(runner)', expected: 'a summary line', got: `exit ${result.status} ${result.error?.message ?? result.stderr ?? ''}` });
  }
  return { passed, failures };
}

async function runWasm(files) {
  if (!existsSync(`${root}dist/metalock.node.js`)) {
    return { passed: 0, failures: files.map((file) => ({ file, name: '(runner)', expected: 'the wasm build', got: 'dist/metalock.node.js is not built (npm run build)' })) };
  }
  const { runVectorFile } = await import('../tests/js/vectors-runner.mjs');
  const report = { passed: 0, failures: [] };
  for (const file of files) {
    const one = await runVectorFile(file);
    report.passed += one.passed;
    report.failures.push(...one.failures);
  }
  return report;
}

async function main() {
  const args = process.argv.slice(2).filter((arg) => arg !== '--');
  let files = args.map((file) => resolve(file));
  if (files.length === 0) {
    const { vectorFiles } = await import('../tests/js/vectors-runner.mjs');
    files = await vectorFiles();
  }
  const native = runNative(files);
  const wasm = await runWasm(files);
  native.failures.forEach((failure) => printFailure('native', failure));
  wasm.failures.forEach((failure) => printFailure('wasm', failure));
  const failed = native.failures.length + wasm.failures.length;
  console.log(`${native.passed + wasm.passed} passed, ${failed} failed`);
  process.exitCode = failed > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error.stack ?? error.message);
  process.exitCode = 1;
});
