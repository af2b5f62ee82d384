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

// The widget page: the client page plus the widget's own files, once dist/ has them
// (the widget issue splits dist/; until then the row says "not yet built").
function widgetFiles() {
  const candidates = ['widget.js', 'metalock-widget.js'].map((name) => `${dist}${name}`);
  const found = candidates.filter((file) => existsSync(file));
  return found.length ? found : null;
}

// -> [{ name, bytes | null, files, note }]
export async function measureSizes() {
  await bundleLock();
  const client = [`${dist}metalock.js`, `${dist}metalock.wasm`];
  const widget = widgetFiles();
  return {
    client: { bytes: weigh(client), parts: client.map((file) => ({ file: file.slice(root.length), bytes: gzipSize(file) })) },
    widget: widget ? { bytes: weigh([...client, ...widget]) } : { bytes: null, note: 'not yet built (the widget issue adds it)' },
    auth0js: { bytes: gzipSize(`${modules}auth0-js/dist/auth0.min.js`) },
    spa: { bytes: gzipSize(`${modules}@auth0/auth0-spa-js/dist/auth0-spa-js.production.js`) },
    lock: { bytes: gzipSize(lockBundle) },
  };
}
