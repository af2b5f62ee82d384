// A static file server on 127.0.0.1 (a free port) for browser tests: files under `root`, plus
// in-memory `pages` by path. Correct MIME types matter: WebAssembly.instantiateStreaming
// needs application/wasm.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.css': 'text/css',
  '.map': 'application/json',
};

export async function startStaticServer({ root, pages = {} } = {}) {
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const headers = { 'content-type': type, 'cache-control': 'no-store' };
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (Object.hasOwn(pages, path)) {
      response.writeHead(200, headers).end(pages[path]);
      return;
    }
    const file = root && normalize(join(root, path));
    if (!file || !file.startsWith(normalize(root))) {
      response.writeHead(404).end();
      return;
    }
    let body;
    try {
      body = await readFile(file);
    } catch {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(resolve);
    }),
  };
}
