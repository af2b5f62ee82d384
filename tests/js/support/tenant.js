// The one way every test starts the local tenant: the built one (dist/tenant-cli.js, or an
// installed `metalock-tenant` bin) as a real process on 127.0.0.1 with --port 0 and a fresh
// data folder; plus HTTP helpers that speak to it as Auth0's clients do, and small helpers the
// client suites share. Temp folders made here are removed when the test process exits (not on
// stop: tests restart tenants on the same data folder).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));
export const distEntry = join(root, 'dist/metalock.node.js');   // what Node imports as 'metalock'
export const CLI = join(root, 'dist/tenant-cli.js');

// The tenant's defaults (tenant/config.js).
export const CLIENT_ID = 'metalock-demo';
export const ADMIN = 'metalock-admin';
export const ADMIN_SECRET = 'metalock-admin-secret';
export const CONNECTION = 'Username-Password-Authentication';
export const PASSWORD_REALM = 'http://auth0.com/oauth/grant-type/password-realm';
export const USER_METADATA_CLAIM = 'https://metalock.dev/user_metadata';
export const APP_METADATA_CLAIM = 'https://metalock.dev/app_metadata';
// Passes the tenant's default "fair" password policy.
export const PASSWORD = 'Str0ng-Passw0rd';
export const USER_SCOPES = 'openid profile email read:current_user update:current_user_metadata';

const START_TIMEOUT_MS = 10_000;

let counter = 0;
export function uniqueEmail(label = 'user') {
  counter += 1;
  return `${label}-${process.pid}-${Date.now()}-${counter}@example.com`;
}

const madeDirs = [];
process.once('exit', () => {
  for (const dir of madeDirs) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(label = 'tenant') {
  const dir = mkdtempSync(join(tmpdir(), `metalock-${label}-`));
  madeDirs.push(dir);
  return dir;
}

// config: an override of the tenant's defaults, written to --config; faults: --faults;
// bin: an executable to run instead of `node dist/tenant-cli.js` (an installed package's).
// -> {url, managementAudience, child, dataDir, startupMs, stdout: string[], stderr(), exited,
//     stop(signal) -> {code, signal}}
export async function startTenant({ config, faults, dataDir = join(tempDir(), 'data'), extraArgs = [], bin } = {}) {
  const args = ['--port', '0', '--data', dataDir, ...extraArgs];
  if (config) {
    const file = join(tempDir('config'), 'config.json');
    writeFileSync(file, JSON.stringify(config));
    args.push('--config', file);
  }
  if (faults) args.push('--faults', JSON.stringify(faults));
  const started = performance.now();
  const child = bin
    ? spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const stdout = [];
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  let timer;
  const firstLine = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`tenant did not start in ${START_TIMEOUT_MS} ms: ${stderr}`)), START_TIMEOUT_MS);
    createInterface({ input: child.stdout }).on('line', (line) => {   // keeps draining stdout
      stdout.push(line);
      if (stdout.length === 1) resolve(line);
    });
    exited.then(({ code }) => reject(new Error(`tenant exited (${code}) before listening: ${stderr}`)));
  });
  let line;
  try {
    line = await firstLine;
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const startupMs = performance.now() - started;
  const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
  if (!match) {
    child.kill('SIGKILL');
    throw new Error(`unexpected first line from the tenant: ${line}`);
  }
  const url = match[1];
  return {
    url,
    managementAudience: `${url}/api/v2/`,
    child,
    dataDir,
    startupMs,
    stdout,
    stderr: () => stderr,
    exited,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

// Runs body(tenant) against a tenant of its own (startTenant's options), stopped afterwards.
export async function withTenant(options, body) {
  const tenant = await startTenant(options);
  try {
    await body(tenant);
  } finally {
    await tenant.stop();
  }
}

// One HTTP request. json: an object (or raw text) sent as JSON; form: sent form-encoded.
// -> {status, headers, body (parsed JSON when JSON, else text), text}
export async function call(base, path, { method = 'GET', json, form, token, headers = {} } = {}) {
  const init = { method, headers: { ...headers } };
  if (token) init.headers.Authorization = `Bearer ${token}`;
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = typeof json === 'string' ? json : JSON.stringify(json);
  } else if (form !== undefined) {
    init.headers['Content-Type'] = 'application/x-www-form-urlencoded';
    init.body = new URLSearchParams(form).toString();
  }
  const response = await fetch(`${base}${path}`, init);
  const text = await response.text();
  let body = text;
  if ((response.headers.get('content-type') ?? '').includes('application/json')) body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body, text };
}

export async function signup(tenant, fields = {}) {
  const body = {
    client_id: CLIENT_ID,
    connection: CONNECTION,
    email: uniqueEmail(),
    password: PASSWORD,
    ...fields,
  };
  const response = await call(tenant.url, '/dbconnections/signup', { method: 'POST', json: body });
  return { ...response, email: body.email, password: body.password };
}

export async function login(tenant, { username, password = PASSWORD, scope = USER_SCOPES, audience, ...rest }) {
  const body = { grant_type: PASSWORD_REALM, client_id: CLIENT_ID, username, password, realm: CONNECTION, scope, ...rest };
  if (audience !== undefined) body.audience = audience;
  return call(tenant.url, '/oauth/token', { method: 'POST', json: body });
}

// A fresh user logged in with a Management API token for its own user.
export async function userSession(tenant, fields = {}, scope = USER_SCOPES) {
  const created = await signup(tenant, fields);
  if (created.status !== 200) throw new Error(`signup failed: ${created.text}`);
  const tokens = await login(tenant, { username: created.email, scope, audience: tenant.managementAudience });
  if (tokens.status !== 200) throw new Error(`login failed: ${tokens.text}`);
  const userId = decodePayload(tokens.body.access_token).sub;
  return { email: created.email, userId, tokens: tokens.body, token: tokens.body.access_token };
}

export async function adminToken(tenant, scope) {
  const body = { grant_type: 'client_credentials', client_id: ADMIN, client_secret: ADMIN_SECRET, audience: tenant.managementAudience };
  if (scope) body.scope = scope;
  const response = await call(tenant.url, '/oauth/token', { method: 'POST', json: body });
  if (response.status !== 200) throw new Error(`client_credentials failed: ${response.text}`);
  return response.body.access_token;
}

export function decodePayload(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
}

export function decodeHeader(jwt) {
  return JSON.parse(Buffer.from(jwt.split('.')[0], 'base64url').toString('utf8'));
}

export function userPath(userId) {
  return `/api/v2/users/${encodeURIComponent(userId)}`;
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
