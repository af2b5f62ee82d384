// The demo's web server (npm start, tests/e2e/demo.test.js): demo/ at the root and the built
// package's browser files (dist/) under /metalock/, as a site that ships metalock without a
// bundler would serve them; /config.json tells the page where the tenant is. Every response
// carries the strict CSP the widget promises to work under (issue 7), so the demo proves it.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { basename, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
};

export function contentSecurityPolicy(tenantOrigin) {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self'",
    `connect-src 'self' ${tenantOrigin}`,
    "img-src 'self' data:",
  ].join('; ');
}

// URL path -> file, or null. Only the types above are served, JSON only from demo/data/, so
// neither the tenant's config (demo/tenant.config.json) nor its Node bundles (dist/tenant*)
// are on the web.
function resolveFile(path, { demoDir, distDir }) {
  const [dir, rest] = path.startsWith('/metalock/') ? [distDir, path.slice('/metalock/'.length)] : [demoDir, path];
  const file = normalize(join(dir, rest.replace(/^\/+/, '') || 'index.html'));
  if (!file.startsWith(dir + sep) || !TYPES[extname(file)] || basename(file).startsWith('tenant')) return null;
  if (extname(file) === '.json' && !file.startsWith(join(demoDir, 'data') + sep)) return null;
  return file;
}

// -> {url, port, close()}. tenantUrl: the running tenant (its origin goes into connect-src);
// seededLogin: {email, password} of a seeded user, shown on the page.
export async function startDemoServer({ tenantUrl, port = 8080, host = '127.0.0.1', seededLogin,
  demoDir = join(root, 'demo'), distDir = join(root, 'dist') }) {
  const tenant = new URL(tenantUrl);
  const pageConfig = JSON.stringify({
    domain: tenant.origin,
    clientId: 'metalock-demo',
    connection: 'Username-Password-Authentication',
    seededLogin: seededLogin ? { email: seededLogin.email, password: seededLogin.password } : null,
  });
  const security = {
    'content-security-policy': contentSecurityPolicy(tenant.origin),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-cache',
  };
  const server = createServer(async (request, response) => {
    let path;
    try {
      path = decodeURIComponent(new URL(request.url, 'http://demo').pathname);
    } catch {
      path = null;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { ...security, allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/config.json') {
      response.writeHead(200, { ...security, 'content-type': 'application/json' }).end(pageConfig);
      return;
    }
    const file = path && resolveFile(path, { demoDir, distDir });
    const body = file && await readFile(file).catch(() => null);
    if (!body) {
      response.writeHead(404, { ...security, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    response.writeHead(200, { ...security, 'content-type': TYPES[extname(file)] });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const actualPort = server.address().port;
  return {
    url: `http://${host}:${actualPort}/`,
    port: actualPort,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}
