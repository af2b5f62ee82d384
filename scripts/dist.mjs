// The dist step of `npm run build`: what `npm pack` ships. One entry per artifact; add yours
// to `distEntries` (a bundle through `bundle()`, a plain file through `copy()`).
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { trimmedGlue } from './glue-trim.mjs';
import { step } from './run.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
export const distDir = join(root, 'dist');

// An ES module bundle. The wasm glue comes in through package.json "imports" (#core-glue)
// and keeps `new URL('metalock.wasm', import.meta.url)`, so the .wasm must sit next to it.
export async function bundle(entry, outfile, { platform = 'neutral', ...options } = {}) {
  // Imported late: on a fresh clone, `npm run build` installs esbuild before this runs.
  const { build } = await import('esbuild');
  await build({
    absWorkingDir: root,
    entryPoints: [join(root, entry)],
    outfile: join(distDir, outfile),
    bundle: true,
    format: 'esm',
    platform,
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    ...options,
  });
}

// A stylesheet minified by lightningcss (vite's CSS minifier): it merges and shortens
// declarations where esbuild only strips, 1,147 -> 1,126 B gz for the widget's. No targets:
// nothing is prefixed or lowered, the rules stay the source's.
export async function minifyCss(from, to) {
  const { transform } = await import('lightningcss');
  const { code } = transform({ filename: from, code: readFileSync(join(root, from)), minify: true });
  writeFileSync(join(distDir, to), code);
}

export function copy(from, to) {
  const target = join(distDir, to);
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(join(root, from), target);
}

// The tenant CLI loads dist/tenant.js rather than bundling a second copy of the server.
const tenantServerExternal = {
  name: 'tenant-server-external',
  setup(build) {
    build.onResolve({ filter: /^\.\/server\.js$/ }, () => ({ path: './tenant.js', external: true }));
  },
};

// widget.js re-exports the package entry's Lock (`entry`: metalock.js, or metalock.node.js for
// widget.node.js): kept external so that the SDK is not copied.
const widgetEntryExternal = (entry) => ({
  name: 'widget-entry-external',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/index\.js$/ }, (args) => (args.importer.endsWith(join('js', 'widget', 'index.js'))
      ? { path: `./${entry}`, external: true } : undefined));
  },
});

// The browser entries in one build with splitting: metalock.js holds the SDK and the wasm glue
// (once), widget.js only re-exports its Lock, and the widget's UI (which `new Lock().show()`
// imports on first use) is a chunk of its own that a page using only createClient never
// fetches. The UI chunk imports nothing of the SDK (ui.js says why), so no third, shared chunk
// exists. Everything sits side by side: the glue finds metalock.wasm through its own
// import.meta.url, the UI its stylesheet. The glue goes in without the runtime pieces no page
// reaches (glue-trim.mjs).
export async function bundleBrowser() {
  const { build } = await import('esbuild');
  const { metafile } = await build({
    absWorkingDir: root,
    entryPoints: { metalock: join(root, 'js/index.js'), widget: join(root, 'js/widget/index.js') },
    outdir: distDir,
    entryNames: '[name]',
    chunkNames: 'metalock-[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'neutral',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [widgetEntryExternal('metalock.js'), trimmedGlue(join(root, 'build/wasm/wasm/metalock.mjs'))],
    metafile: true,
  });
  await reminify(Object.keys(metafile.outputs).filter((file) => file.endsWith('.js')).map((file) => join(root, file)));
}

// What pages fetch goes through a second minifier, oxc's (rolldown/experimental; rolldown is
// vite's bundler): its mangler reuses the same few short names across scopes far more than
// esbuild's, so the text repeats and gzips better: metalock.js 14,908 -> 14,456 B gz, the UI
// chunk 7,338 -> 7,200 (nearly all of it the mangler; asciiOnly escapes as esbuild did).
async function reminify(files) {
  const { minify } = await import('rolldown/experimental');
  for (const file of files) {
    const { code, errors } = await minify(file, readFileSync(file, 'utf8'),
      { module: true, compress: { target: 'es2022' }, mangle: { toplevel: true }, codegen: { asciiOnly: true } });
    if (errors.length > 0) throw new Error(`minifying ${file}: ${errors.map((error) => error.message).join('; ')}`);
    writeFileSync(file, code);
  }
}

// Node's entries (package.json "exports", the `node` condition): the same SDK with the wasm
// glue built for Node (#core-glue's `node` target), which reads metalock.wasm from disk; the
// browser entries carry none of that. One file: Node loads no chunks on demand.
export async function bundleNode() {
  await bundle('js/index.js', 'metalock.node.js', { platform: 'node' });
  await bundle('js/widget/index.js', 'widget.node.js', { platform: 'node', plugins: [widgetEntryExternal('metalock.node.js')] });
}

export const distEntries = [
  { name: 'metalock.js + widget.js (one split build)', build: bundleBrowser },
  { name: 'metalock.node.js + widget.node.js (Node)', build: bundleNode },
  // Minified: the source's comments and layout are for readers, not for pages.
  { name: 'metalock-widget.css', build: () => minifyCss('js/widget/widget.css', 'metalock-widget.css') },
  { name: 'metalock.wasm', build: () => copy('build/wasm/wasm/metalock.wasm', 'metalock.wasm') },
  // The tenant's module (the browser's bindings and its own; wasm/CMakeLists.txt): tenant.js
  // bundles its glue, which reads it from next to itself. Pages never fetch it.
  { name: 'metalock-tenant.wasm', build: () => copy('build/wasm/wasm/metalock-tenant.wasm', 'metalock-tenant.wasm') },
  // Hand-written declarations of the whole public API (3.1.6 has no --emit-tsd), one file per
  // concept: all of them, side by side, so metalock.d.ts (the "types" entry) resolves its
  // re-exports.
  {
    name: 'metalock.d.ts (+ the .d.ts it re-exports)',
    build: () => readdirSync(join(root, 'js/types')).filter((file) => file.endsWith('.d.ts'))
      .forEach((file) => copy(`js/types/${file}`, file)),
  },
  // The local tenant (bin metalock-tenant): the CLI imports the server bundle, not a copy of it.
  { name: 'tenant.js', build: () => bundle('tenant/server.js', 'tenant.js', { platform: 'node' }) },
  { name: 'tenant.d.ts', build: () => copy('tenant/tenant.d.ts', 'tenant.d.ts') },
  { name: 'tenant-cli.js', build: () => bundle('tenant/cli.js', 'tenant-cli.js', { platform: 'node', plugins: [tenantServerExternal] }) },
];

// What dist/ is built from; `npm start` skips the dist step when nothing here is newer.
const distInputs = ['js', 'tenant', 'build/wasm/wasm/metalock.mjs', 'build/wasm/wasm/metalock-node.mjs', 'build/wasm/wasm/metalock.wasm',
  'build/wasm/wasm/metalock-tenant.mjs', 'build/wasm/wasm/metalock-tenant.wasm', 'scripts/dist.mjs', 'scripts/glue-trim.mjs',
  'package.json'];

function modifiedTimes(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [statSync(path).mtimeMs];
  return readdirSync(path, { recursive: true }).map((name) => join(path, name))
    .filter((file) => statSync(file).isFile()).map((file) => statSync(file).mtimeMs);
}

export function distIsCurrent() {
  const built = modifiedTimes(distDir);
  const sources = distInputs.flatMap((input) => modifiedTimes(join(root, input)));
  return built.length > 0 && sources.length > 0 && Math.max(...sources) < Math.min(...built);
}

export async function buildDist() {
  step('dist/ (esbuild bundles, wasm, types)');
  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(distDir, { recursive: true });
  for (const entry of distEntries) await entry.build();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildDist().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });
}
