// Starts the real local tenant (dist/tenant-cli.js) on a free port with a fresh data folder,
// for one test file, and stops it afterwards. Plus small helpers the client suites share.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const distEntry = join(root, 'dist/metalock.js');
const cli = join(root, 'dist/tenant-cli.js');

export const CLIENT_ID = 'metalock-demo';
export const CONNECTION = 'Username-Password-Authentication';
export const USER_METADATA_CLAIM = 'https://metalock.dev/user_metadata';
export const APP_METADATA_CLAIM = 'https://metalock.dev/app_metadata';
// Passes the tenant's default "fair" password policy.
export const PASSWORD = 'Correct-Horse-7';

// config: an override of the tenant's defaults (js/tenant/config.js), written to --config.
export async function startTenant({ config } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'metalock-client-test-'));
  const args = [cli, '--port', '0', '--data', join(dir, 'data')];
  if (config) {
    const file = join(dir, 'config.json');
    writeFileSync(file, JSON.stringify(config));
    args.push('--config', file);
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tenant did not start in 10 s: ${stderr}`)), 10_000);
    lines.once('line', (line) => {
      clearTimeout(timer);
      const found = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line.trim());
      if (found) resolve(found[1]);
      else reject(new Error(`unexpected first line from the tenant: ${line}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`tenant exited (${code}) before listening: ${stderr}`));
    });
  });
  lines.on('line', () => {});   // keep draining stdout

  return {
    url,
    managementAudience: `${url}/api/v2/`,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await once(child, 'exit');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
export function uniqueEmail(label = 'user') {
  counter += 1;
  return `${label}-${process.pid}-${Date.now()}-${counter}@example.com`;
}

// A fetch that passes everything to the real fetch and records what went out, so that a
// test can prove what was (not) sent. Never a stand-in for the server.
export function recordingFetch() {
  const requests = [];
  const fetchImpl = async (url, init = {}) => {
    const request = { method: init.method ?? 'GET', url: String(url), path: new URL(String(url)).pathname, body: init.body };
    requests.push(request);
    const response = await fetch(url, init);
    request.status = response.status;
    return response;
  };
  return {
    fetch: fetchImpl,
    requests,
    count: (method, pathPrefix) =>
      requests.filter((r) => (!method || r.method === method) && (!pathPrefix || r.path.startsWith(pathPrefix))).length,
    reset: () => {
      requests.length = 0;
    },
  };
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
