// npm run build: the native core (+ tests, benchmarks) and the wasm module, then dist/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run, step } from './run.mjs';
import { setup } from './setup.mjs';
import { buildDist } from './dist.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const jobs = ['--parallel', '2'];

export function buildNative() {
  step('native build (sdk, Catch2 tests, benchmarks)');
  run('cmake', ['-S', root, '-B', `${root}/build/native`, '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=Release']);
  run('cmake', ['--build', `${root}/build/native`, ...jobs]);
}

// configure: 'if-needed' skips CMake's configure step when build/wasm was configured before
// (Ninja re-runs it by itself when a CMakeLists.txt changed): 1-2 s of every `npm start`.
export function buildWasm({ configure = 'always' } = {}) {
  step('wasm build (emcmake)');
  if (configure === 'always' || !existsSync(`${root}/build/wasm/build.ninja`)) {
    run('emcmake', ['cmake', '-S', root, '-B', `${root}/build/wasm`, '-G', 'Ninja', '-DCMAKE_BUILD_TYPE=Release',
      '-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node']);
  }
  run('cmake', ['--build', `${root}/build/wasm`, ...jobs], { env: { ...process.env, NODE_PATH: '/usr/share/nodejs' } });
}

export async function build() {
  setup();
  buildNative();
  buildWasm();
  await buildDist();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  build().catch((error) => {
    console.error(error.message);
    process.exit(error.exitCode ?? 1);
  });
}
