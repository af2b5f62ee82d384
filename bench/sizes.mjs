// Size, gzip -9, of what a page fetches: metalock's client-only page (dist/metalock.js +
// dist/metalock.wasm), its widget page when the widget ships, and the peers as a page loads
// them: auth0-js 10 and auth0-spa-js 2 from their published browser builds, auth0-lock 14
// bundled and minified with esbuild (it ships no browser build), all from node_modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = `${root}dist/`;
const modules = `${root}node_modules/`;
export const lockBundle = `${root}build/bench/auth0-lock.min.js`;

// The issue's targets, in its KB (1,000 bytes: auth0-js 10's 51.5 KB is 51,509 B gz).
export const SIZE_TARGETS = { client: 50_000, widget: 62_000 };

export function gzipSize(file) {
  const cli = spawnSync('gzip', ['-9c', file], { maxBuffer: 64 * 1024 * 1024 });
  if (cli.status === 0) return cli.stdout.length;
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

const weigh = (files) => files.reduce((sum, file) => sum + gzipSize(file), 0);

async function bundleLock() {
  const { build } = await import('esbuild');
  mkdirSync(`${root}build/bench`, { recursive: true });
  await build({
    absWorkingDir: root,
    stdin: { contents: "import Auth0Lock from 'auth0-lock'; window.Auth0Lock = Auth0Lock;", resolveDir: root },
    outfile: lockBundle,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    minify: true,
    target: 'es2018',
    legalComments: 'none',
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
}

// The dist/ files a page loads starting from `entry`: its static imports, and with `dynamic`
// the entry's import() targets too (read from the built modules, which name them "./file.js"
// or `./file.js`).
// Only the entry's: the widget's UI chunk imports a language other than English on demand,
// which a page in English (the one measured) never fetches.
function moduleGraph(entry, { dynamic }) {
  const seen = new Set();
  const visit = (name) => {
    if (seen.has(name)) return;
    seen.add(name);
    const code = readFileSync(`${dist}${name}`, 'utf8');
    for (const [, call, file] of code.matchAll(/(?:from|import)\s*(\(?)\s*["`]\.\/([^"`]+\.js)["`]/g)) {
      if (!call || (dynamic && name === entry)) visit(file);
    }
  };
  visit(entry);
  return [...seen];
}

// -> [{ name, bytes | null, files, note }]
export async function measureSizes() {
  await bundleLock();
  // Client only (createClient, helpers): the static graph + the wasm. The widget page (in
  // English) adds the chunks Lock imports on first use and its CSS.
  const client = [...moduleGraph('metalock.js', { dynamic: false }), 'metalock.wasm'];
  const widgetCss = existsSync(`${dist}metalock-widget.css`) ? ['metalock-widget.css'] : [];
  const widget = [...moduleGraph('metalock.js', { dynamic: true }), ...widgetCss].filter((name) => !client.includes(name));
  const part = (name) => ({ file: `dist/${name}`, bytes: gzipSize(`${dist}${name}`) });
  const clientBytes = weigh(client.map((name) => `${dist}${name}`));
  return {
    client: { bytes: clientBytes, parts: client.map(part) },
    widget: widget.length
      ? { bytes: clientBytes + weigh(widget.map((name) => `${dist}${name}`)), parts: widget.map(part) }
      : { bytes: null, note: 'not yet built (the widget issue adds it)' },
    auth0js: { bytes: gzipSize(`${modules}auth0-js/dist/auth0.min.js`) },
    spa: { bytes: gzipSize(`${modules}@auth0/auth0-spa-js/dist/auth0-spa-js.production.js`) },
    lock: { bytes: gzipSize(lockBundle) },
  };
}
