#!/usr/bin/env node
// metalock-tenant [--port 3000] [--data DIR] [--config FILE] [--faults JSON] [--verbose]
// Prints `listening on http://127.0.0.1:PORT` as its first stdout line. Never logs tokens
// or passwords: --verbose logs method, path and status only.
import { parseArgs } from 'node:util';
import { loadConfigFile, resolveConfig } from './config.js';
import { parseFaults } from './faults.js';
import { createTenant, DEFAULT_DATA_DIR } from './server.js';

const USAGE = `usage: metalock-tenant [--port 3000] [--data ${DEFAULT_DATA_DIR}] [--config FILE] [--faults JSON] [--verbose]

A local Auth0-compatible tenant on 127.0.0.1 (docs/tenant.md in the package). It stops on
SIGINT or SIGTERM, and when the process that started it goes away.
  --port N       port to listen on (0 picks a free one; default 3000)
  --data DIR     where users, refresh tokens and the signing key persist
  --config FILE  JSON: clients, connections, users, rateLimits, faults, tokens
  --faults JSON  fault injection, e.g. '{"error429":0.1,"error5xx":0.1,"drop":0.05,"latencyMs":[0,200],"seed":1}'
  --verbose      log each request's method, path and status to stderr`;

function fail(message) {
  process.stderr.write(`metalock-tenant: ${message}\n`);
  process.exit(2);
}

// The tenant stops with whoever started it. `npx metalock-tenant` runs it under `sh -c`,
// which dies of a SIGTERM without passing it on, and a test runner may die of SIGKILL: either
// way this process is re-parented, which is what this watches for.
function followParent(stop) {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 250).unref();
}

async function main() {
  let args;
  try {
    ({ values: args } = parseArgs({
      options: {
        port: { type: 'string', default: '3000' },
        data: { type: 'string', default: DEFAULT_DATA_DIR },
        config: { type: 'string' },
        faults: { type: 'string' },
        verbose: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }));
  } catch (error) {
    fail(`${error.message}\n${USAGE}`);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got ${args.port}`);

  let config;
  let faults;
  try {
    config = args.config ? loadConfigFile(args.config) : resolveConfig();
    faults = args.faults ? parseFaults(args.faults) : undefined;
  } catch (error) {
    fail(error.message);
  }
  const log = args.verbose ? (line) => process.stderr.write(`${line}\n`) : () => {};
  // Handlers go in before the first line is printed: whoever reads it may signal at once.
  let tenant = null;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    if (!tenant) process.exit(0);
    tenant.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  followParent(stop);
  tenant = await createTenant({ port, dataDir: args.data, config, faults, log });
  if (stopping) {
    await tenant.close();
    process.exit(0);
  }
  process.stdout.write(`listening on ${tenant.url}\n`);
}

main().catch((error) => {
  process.stderr.write(`metalock-tenant: ${error?.message ?? error}\n`);
  process.exit(1);
});
