// Shared by the tenant suites: starts the built tenant (dist/tenant-cli.js) as a real
// process on 127.0.0.1 with --port 0 and a fresh data folder, and speaks HTTP to it.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = join(root, 'dist/tenant-cli.js');

export const SPA = 'metalock-demo';
export const ADMIN = 'metalock-admin';
export const ADMIN_SECRET = 'metalock-admin-secret';
export const CONNECTION = 'Username-Password-Authentication';
export const PASSWORD_REALM = 'http://auth0.com/oauth/grant-type/password-realm';
export const STRONG_PASSWORD = 'Str0ng-Passw0rd';
export const USER_SCOPES = 'openid profile email read:current_user update:current_user_metadata';

let counter = 0;
export function uniqueEmail(label = 'user') {
  counter += 1;
  return `${label}-${process.pid}-${Date.now()}-${counter}@example.com`;
}

export function tempDir(label = 'tenant') {
  return mkdtempSync(join(tmpdir(), `metalock-${label}-`));
}

// -> {url, child, dataDir, stdout: string[], stderr(), exited, stop(signal), kill()}
export async function startTenant({ config, faults, dataDir = join(tempDir(), 'data'), extraArgs = [] } = {}) {
  const args = [CLI, '--port', '0', '--data', dataDir, ...extraArgs];
  if (config) {
    const file = join(tempDir('config'), 'config.json');
    writeFileSync(file, JSON.stringify(config));
    args.push('--config', file);
  }
  if (faults) args.push('--faults', JSON.stringify(faults));
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const stdout = [];
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const firstLine = new Promise((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      stdout.push(line);
      if (stdout.length === 1) resolve(line);
    });
    exited.then(({ code }) => reject(new Error(`tenant exited (${code}) before listening: ${stderr}`)));
  });
  const line = await firstLine;
  const startupMs = performance.now() - started;
  const match = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(line);
  if (!match) throw new Error(`unexpected first line: ${line}`);
  const url = match[1];
  return {
    url,
    child,
    dataDir,
    startupMs,
    stdout,
    stderr: () => stderr,
    exited,
    managementAudience: `${url}/api/v2/`,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

// One HTTP request. body: an object sent as JSON, or {form: {...}} sent form-encoded.
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
    client_id: SPA,
    connection: CONNECTION,
    email: uniqueEmail(),
    password: STRONG_PASSWORD,
    ...fields,
  };
  const response = await call(tenant.url, '/dbconnections/signup', { method: 'POST', json: body });
  return { ...response, email: body.email, password: body.password };
}

export async function login(tenant, { username, password = STRONG_PASSWORD, scope = USER_SCOPES, audience, ...rest }) {
  const body = { grant_type: PASSWORD_REALM, client_id: SPA, username, password, realm: CONNECTION, scope, ...rest };
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
