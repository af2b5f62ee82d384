// npm's `prepare`: makes an install from a git URL or a folder work. npm runs it in the
// package's own folder after installing its devDependencies, both in a developer's clone
// (`npm ci`) and when it prepares the package as a git or folder dependency.
// - dist/ complete: nothing to do (a built clone installs as it is).
// - a developer's own `npm ci`: nothing either; `npm run build` (or npm start / npm test) builds.
// - `npm pack` of an unbuilt clone: npm prepares the folder as it does a folder dependency,
//   so the same build (or the same failure) happens, never a tarball without dist/.
// - a git or folder dependency: builds the wasm module and dist/ when the toolchain is there,
//   else fails at once, naming what is missing and what works instead.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { has } from './run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

// What an install needs in dist/ (package.json "exports" and "bin").
export const distFiles = ['metalock.js', 'metalock.wasm', 'metalock.d.ts', 'tenant.js', 'metalock-tenant.wasm', 'tenant.d.ts',
  'tenant-cli.js'];

// What the wasm build needs (Debian package names, as scripts/setup.mjs installs them).
const toolchain = [
  ['emscripten', () => has('emcmake') && has('em++')],
  ['cmake', () => has('cmake')],
  ['ninja-build', () => has('ninja')],
  ['nlohmann-json3-dev', () => existsSync('/usr/include/nlohmann/json.hpp')],
];

export function missingTools() {
  return toolchain.filter(([, present]) => !present()).map(([name]) => name);
}

// npm's pacote sets these while it prepares a git dependency (_PACOTE_NO_PREPARE_: the inner
// `npm install`) or packs a folder or git checkout (npm_package_resolved; `npm pack` too).
function asDependency(env) {
  return Boolean(env._PACOTE_NO_PREPARE_ || env.npm_package_resolved || env.METALOCK_PREPARE === 'build');
}

function explain(missing) {
  return [
    'metalock: installing from a git URL or a folder builds the package (dist/), which needs',
    `Debian packages that are missing here: ${missing.join(' ')}.`,
    `  Install them (apt-get install ${missing.join(' ')}) and install again, or`,
    '  install a built package instead: in a clone, `npm run setup && npm run build && npm pack`,',
    '  then `npm install ./metalock-<version>.tgz` (README, "Install").',
  ].join('\n');
}

async function main() {
  if (distFiles.every((file) => existsSync(join(root, 'dist', file)))) return;
  if (!asDependency(process.env)) {
    console.log('metalock: dist/ is not built yet; `npm run build` (or npm start / npm test) builds it.');
    return;
  }
  const missing = missingTools();
  if (missing.length > 0) {
    console.error(explain(missing));
    process.exit(1);
  }
  // A linked folder gets no devDependencies from npm: its own `npm ci` brings the bundler.
  try {
    await import('esbuild');
  } catch {
    console.error(`metalock: ${root} has no devDependencies installed, and building dist/ needs them:\n`
      + `  run \`npm ci\` there (or \`npm run build\`), then install again.`);
    process.exit(1);
  }
  const { buildWasm } = await import('./build.mjs');
  const { buildDist } = await import('./dist.mjs');
  buildWasm();
  await buildDist();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(`metalock: building dist/ failed: ${error.message}`);
    process.exit(error.exitCode ?? 1);
  });
}
