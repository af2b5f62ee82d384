// npm start: installs what is missing, builds what the demo needs (the wasm module and dist/;
// a step that is up to date is skipped), then runs the local tenant (TENANT_PORT, default
// 3000) and the demo web app (PORT, default 8080) on 127.0.0.1 until Ctrl-C or SIGTERM, which
// stop both. package.json runs it with `exec`, so npm's SIGTERM reaches this process.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { step } from './run.mjs';
import { DEMO_PACKAGES, setup } from './setup.mjs';
import { buildWasm } from './build.mjs';
import { buildDist, distIsCurrent } from './dist.mjs';
import { startDemoServer } from './demo-server.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const configFile = join(root, 'demo/tenant.config.json');
const STOP_GRACE_MS = 5000;

function portFromEnv(name, fallback) {
  const value = process.env[name] ?? fallback;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535) throw new Error(`${name} must be a port number (0-65535), got "${value}"`);
  return port;
}

async function buildForDemo() {
  setup(DEMO_PACKAGES);
  buildWasm({ configure: 'if-needed' });
  if (distIsCurrent()) step('dist/ is up to date');
  else await buildDist();
}

// -> {url, child, exited}: the tenant CLI as a child process, once it prints its URL.
function startTenant(port, dataDir) {
  const child = spawn(process.execPath,
    [join(root, 'dist/tenant-cli.js'), '--port', String(port), '--data', dataDir, '--config', configFile],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    process.stderr.write(chunk);
  });
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve, reject) => {
    lines.once('line', (line) => resolve({ url: line.replace(/^listening on /, ''), child, exited }));
    exited.then(({ code }) => {
      const inUse = /EADDRINUSE/.test(stderr) ? ` (port ${port} is taken: try TENANT_PORT=${port + 1} npm start)` : '';
      reject(new Error(`the local tenant exited with ${code} before listening${inUse}`));
    });
  });
}

async function main() {
  const tenantPort = portFromEnv('TENANT_PORT', '3000');
  const demoPort = portFromEnv('PORT', '8080');
  const dataDir = process.env.TENANT_DATA ?? join(root, '.tenant-data');
  const [demoUser] = JSON.parse(readFileSync(configFile, 'utf8')).users;

  await buildForDemo();
  step('starting the local tenant and the demo');
  const tenant = await startTenant(tenantPort, dataDir);

  let server = null;
  let stopping = null;
  const stop = (exitCode) => {
    stopping ??= (async () => {
      await server?.close();
      if (tenant.child.exitCode === null && tenant.child.signalCode === null) {
        tenant.child.kill('SIGTERM');
        const timer = setTimeout(() => tenant.child.kill('SIGKILL'), STOP_GRACE_MS);
        await tenant.exited;
        clearTimeout(timer);
      }
      process.exit(exitCode);
    })();
    return stopping;
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
  // Whoever started us is gone (npm killed with SIGKILL, a closed terminal): stop too.
  const parent = process.ppid;
  setInterval(() => { if (process.ppid !== parent) stop(0); }, 1000).unref();
  tenant.exited.then(({ code, signal }) => {
    if (stopping) return;
    console.error(`\nthe local tenant stopped (${signal ?? code}); stopping the demo`);
    stop(1);
  });

  try {
    server = await startDemoServer({ tenantUrl: tenant.url, port: demoPort, seededLogin: demoUser });
  } catch (error) {
    const hint = error.code === 'EADDRINUSE' ? ` (port ${demoPort} is taken: try PORT=${demoPort + 1} npm start)` : '';
    console.error(`the demo server could not start: ${error.message}${hint}`);
    await stop(1);
  }

  console.log(`
metalock demo:   ${server.url}
  demo login:    ${demoUser.email} / ${demoUser.password}  (or sign up in the widget)
  local tenant:  ${tenant.url}  (client metalock-demo, connection Username-Password-Authentication)
  tenant data:   ${dataDir}
Press Ctrl+C to stop.`);
}

main().catch((error) => {
  console.error(error.message);
  process.exit(error.exitCode ?? 1);
});
