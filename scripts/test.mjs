// npm test: installs what is missing, builds native and wasm, and runs every suite:
// native (Catch2 via CTest, plainly and under ASan + UBSan), conformance vectors (native +
// wasm), JS (node:test), browser e2e, and each libFuzzer target for 30 s.
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run, step } from './run.mjs';
import { build } from './build.mjs';
import { buildFuzzers, runFuzzers, seedCorpora } from './fuzz.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

function testFiles(dir) {
  return readdirSync(`${root}/${dir}`)
    .filter((name) => name.endsWith('.test.js') || name.endsWith('.test.mjs'))
    .sort()
    .map((name) => `${dir}/${name}`);
}

async function main() {
  await build();

  step('native tests (Catch2)');
  run('ctest', ['--test-dir', 'build/native', '--output-on-failure', '-j', '2'], { cwd: root });

  step('native tests under ASan + UBSan');
  const asan = `${root}/build/asan`;
  run('cmake', ['-S', root, '-B', asan, '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=RelWithDebInfo', '-DMETALOCK_SANITIZE=ON', '-DMETALOCK_BENCH=OFF']);
  run('cmake', ['--build', asan, '--parallel', '2']);
  run('ctest', ['--test-dir', asan, '--output-on-failure', '-j', '2'], { cwd: root });

  step('conformance vectors (native + wasm)');
  run('node', ['scripts/vectors.mjs'], { cwd: root });

  step('JS tests (node:test over the built wasm, the real local tenant)');
  run('node', ['--test', '--test-concurrency=2', ...testFiles('tests/js')], { cwd: root });

  step('browser end-to-end tests (Chromium)');
  run('node', ['--test', '--test-concurrency=1', ...testFiles('tests/e2e')], { cwd: root });

  buildFuzzers();
  step(`fuzzing (${seedCorpora()} seeds from tests/vectors), 30 s per target`);
  const findings = runFuzzers(30).filter((result) => result.found);
  if (findings.length > 0) throw new Error(`fuzz findings in: ${findings.map((r) => r.target).join(', ')} (inputs in build/fuzz/findings/)`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(error.exitCode ?? 1);
});
