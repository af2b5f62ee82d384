// `npm start` as a user runs it: the real npm, the real build check, the tenant and the demo
// server on free ports (TENANT_PORT=0, PORT=0). Both answer once the demo URL is printed, and
// SIGTERM to the npm process (a process manager) or SIGINT to the whole group (Ctrl-C in a
// terminal) stops every process it started and frees both ports.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { tempDir } from './support/tenant.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const READY_TIMEOUT_MS = 120_000;   // a stale dist/ or wasm is rebuilt first
const STOP_TIMEOUT_MS = 10_000;

// pid -> its parent, for every process now running (Linux /proc).
function parentsByPid() {
  const parents = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // The command may contain spaces and parentheses: the fields after the last ')' are fixed.
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
    } catch {
      // exited while we looked
    }
  }
  return parents;
}

function descendantsOf(pid) {
  const parents = parentsByPid();
  const found = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [child, ppid] of parents) {
      if (ppid === parent) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

const isRunning = (pid) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

function portIsOpen(port) {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

async function startNpm() {
  const child = spawn('npm', ['start'], {
    cwd: root,
    detached: true,             // its own process group, as a terminal's foreground job
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TENANT_PORT: '0', PORT: '0', TENANT_DATA: join(tempDir('start'), 'data') },
  });
  let output = '';
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm start printed no demo URL in ${READY_TIMEOUT_MS} ms:\n${output}`)), READY_TIMEOUT_MS);
    const read = (chunk) => {
      output += chunk;
      const demo = /metalock demo:\s+(http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(output);
      const tenant = /local tenant:\s+(http:\/\/127\.0\.0\.1:(\d+))/.exec(output);
      if (demo && tenant && /Press Ctrl\+C to stop/.test(output)) {
        clearTimeout(timer);
        resolve({ demoUrl: demo[1], demoPort: Number(demo[2]), tenantUrl: tenant[1], tenantPort: Number(tenant[2]) });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    exited.then(({ code }) => reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`)));
  });
  return { child, exited, ready: await ready, output: () => output };
}

async function withinTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen in ${STOP_TIMEOUT_MS} ms`)), STOP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function checkRunning({ demoUrl, tenantUrl }) {
  const page = await fetch(demoUrl);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy'),
    new RegExp(`^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self' ${tenantUrl}; img-src 'self' data:$`));
  const config = await (await fetch(new URL('/config.json', demoUrl))).json();
  assert.equal(config.domain, tenantUrl);
  const discovery = await fetch(`${tenantUrl}/.well-known/openid-configuration`);
  assert.equal((await discovery.json()).issuer, `${tenantUrl}/`);
}

async function checkStopped(npm, processes) {
  const { code } = await withinTimeout(npm.exited, 'npm exiting');
  assert.equal(code, 0, npm.output());
  for (const pid of processes) assert.equal(isRunning(pid), false, `process ${pid} survived`);
  assert.equal(await portIsOpen(npm.ready.demoPort), false, 'the demo port is still open');
  assert.equal(await portIsOpen(npm.ready.tenantPort), false, 'the tenant port is still open');
}

test('npm start serves the demo and the tenant; SIGTERM to npm stops every process it started', async () => {
  const npm = await startNpm();
  await checkRunning(npm.ready);
  const processes = descendantsOf(npm.child.pid);
  assert.ok(processes.length >= 2, `expected the start script and the tenant under npm, found ${processes}`);
  npm.child.kill('SIGTERM');
  await checkStopped(npm, processes);
});

test('Ctrl-C (SIGINT to the foreground process group) stops npm start and everything it started', async () => {
  const npm = await startNpm();
  const processes = descendantsOf(npm.child.pid);
  process.kill(-npm.child.pid, 'SIGINT');
  await checkStopped(npm, processes);
});
