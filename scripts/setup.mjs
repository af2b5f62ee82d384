// Installs what is missing on a fresh Debian 12 machine: the Debian packages the build and
// the browser tests need, then the npm dependencies. Does nothing when all is there.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { run, step } from './run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const debianPackages = {
  emscripten: () => existsSync('/usr/bin/em++'),
  'nlohmann-json3-dev': () => existsSync('/usr/include/nlohmann/json.hpp'),
  catch2: () => existsSync('/usr/include/catch2/catch.hpp'),
  chromium: () => existsSync('/usr/bin/chromium'),
  'libbenchmark-dev': () => existsSync('/usr/include/benchmark/benchmark.h'),
  cmake: () => existsSync('/usr/bin/cmake'),
  'ninja-build': () => existsSync('/usr/bin/ninja'),
  'g++': () => existsSync('/usr/bin/g++'),
  // clang's libFuzzer and sanitizer runtimes (npm run fuzz, npm test's fuzzing step).
  clang: () => existsSync('/usr/bin/clang++'),
  'libclang-rt-14-dev': () => existsSync('/usr/lib/llvm-14/lib/clang'),
  // Locale definitions: a native test builds a ',' decimal-separator locale from them.
  locales: () => existsSync('/usr/share/i18n/locales/de_DE')
    && readdirSync('/usr/lib/llvm-14/lib/clang').some((version) => existsSync(`/usr/lib/llvm-14/lib/clang/${version}/lib/linux/libclang_rt.fuzzer-x86_64.a`)),
};

// What `npm start` needs of them: the wasm build (no Catch2, benchmarks or browser).
export const DEMO_PACKAGES = ['emscripten', 'nlohmann-json3-dev', 'cmake', 'ninja-build'];

export function setup(packages = Object.keys(debianPackages)) {
  const missing = packages.filter((name) => !debianPackages[name]());
  if (missing.length > 0) {
    step(`installing Debian packages: ${missing.join(' ')}`);
    // Runs as root on the machines this targets (README); elsewhere run it with sudo.
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    run('apt-get', ['update'], { env });
    run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { env });
  }
  if (!existsSync(`${root}/node_modules/.package-lock.json`)) {
    step('installing npm dependencies');
    const ci = existsSync(`${root}/package-lock.json`) ? 'ci' : 'install';
    run('npm', [ci, '--no-audit', '--no-fund'], { cwd: root });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    setup();
  } catch (error) {
    console.error(error.message);
    process.exit(error.exitCode ?? 1);
  }
}
