// The tenant's configuration: docs/tenant.md's defaults, overridden by a --config JSON file.
import { readFileSync } from 'node:fs';
import { UPSTREAM_STRATEGY, upstreamConfigProblem } from './upstream.js';

export const MANAGEMENT_USER_SCOPES = [
  'read:current_user',
  'update:current_user_metadata',
  'create:current_user_metadata',
];
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'];
export const MACHINE_SCOPES = [
  'read:users',
  'update:users',
  'create:users',
  'update:users_app_metadata',
  'delete:users',
  'read:clients',
  'update:clients',
];

export const PASSWORD_POLICIES = ['none', 'low', 'fair', 'good', 'excellent'];

// Generous by default so that suites and demos never trip them; tests lower them per group.
const DEFAULT_RATE_LIMIT = { limit: 10000, windowSeconds: 60 };

export function defaultConfig() {
  return {
    clients: [
      {
        clientId: 'metalock-demo',
        type: 'spa',
        name: 'metalock demo',
        allowedOrigins: [],
        // As an Auth0 Action would add them (api.idToken.setCustomClaim).
        userMetadataClaim: 'https://metalock.dev/user_metadata',
        appMetadataClaim: 'https://metalock.dev/app_metadata',
      },
      {
        clientId: 'metalock-admin',
        type: 'machine',
        name: 'metalock admin',
        secret: 'metalock-admin-secret',
        allowedOrigins: [],
      },
    ],
    connections: [{ name: 'Username-Password-Authentication', passwordPolicy: 'fair', requiresUsername: false }],
    // The "Default Directory" used by the plain `password` grant.
    defaultConnection: 'Username-Password-Authentication',
    users: [],
    rateLimits: { default: { ...DEFAULT_RATE_LIMIT } },
    faults: { error429: 0, error5xx: 0, drop: 0, latencyMs: 0, seed: null },
    tokens: { accessTokenLifetime: 86400, idTokenLifetime: 36000 },
    // Journal records between snapshots (see store.js); tests lower it to crash mid-compaction.
    storage: { compactEvery: 1000 },
    corsLoopback: true,
    // Auth0's defaults: 10 consecutive failures block that user from that IP for up to 30 days.
    bruteForceProtection: { enabled: true, maxAttempts: 10, blockSeconds: 30 * 24 * 3600 },
  };
}

export class ConfigError extends Error {}

function requireArray(value, what) {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) throw new ConfigError(`config: ${what} must be an array`);
  return value;
}

function normalizeClient(client, index) {
  if (!client || typeof client !== 'object') throw new ConfigError(`config: clients[${index}] must be an object`);
  if (typeof client.clientId !== 'string' || client.clientId === '') {
    throw new ConfigError(`config: clients[${index}].clientId must be a non-empty string`);
  }
  const type = client.type ?? 'spa';
  if (type !== 'spa' && type !== 'machine') {
    throw new ConfigError(`config: clients[${index}].type must be "spa" or "machine"`);
  }
  if (type === 'machine' && typeof client.secret !== 'string') {
    throw new ConfigError(`config: clients[${index}] is a machine client and needs a secret`);
  }
  return {
    name: client.clientId,
    ...client,
    type,
    allowedOrigins: requireArray(client.allowedOrigins, `clients[${index}].allowedOrigins`) ?? [],
  };
}

function normalizeConnection(connection, index) {
  if (!connection || typeof connection.name !== 'string' || connection.name === '') {
    throw new ConfigError(`config: connections[${index}].name must be a non-empty string`);
  }
  if (connection.strategy === UPSTREAM_STRATEGY) {
    const upstream = { set_user_root_attributes: 'on_each_login', profiles: [], ...connection };
    const problem = upstreamConfigProblem(upstream);
    if (problem) throw new ConfigError(`config: connections[${index}]: ${problem}`);
    return upstream;
  }
  const passwordPolicy = connection.passwordPolicy ?? 'fair';
  if (!PASSWORD_POLICIES.includes(passwordPolicy)) {
    throw new ConfigError(`config: connections[${index}].passwordPolicy must be one of ${PASSWORD_POLICIES.join(', ')}`);
  }
  return { requiresUsername: false, ...connection, passwordPolicy };
}

// Merges an override object into the defaults. Lists (clients, connections, users) replace
// the defaults wholesale when given; maps (rateLimits, faults, tokens) merge by key.
export function resolveConfig(override = {}) {
  if (override === null || typeof override !== 'object' || Array.isArray(override)) {
    throw new ConfigError('config: must be a JSON object');
  }
  const base = defaultConfig();
  const config = {
    ...base,
    ...override,
    clients: (requireArray(override.clients, 'clients') ?? base.clients).map(normalizeClient),
    connections: (requireArray(override.connections, 'connections') ?? base.connections).map(normalizeConnection),
    users: requireArray(override.users, 'users') ?? base.users,
    rateLimits: { ...base.rateLimits, ...(override.rateLimits ?? {}) },
    faults: { ...base.faults, ...(override.faults ?? {}) },
    tokens: { ...base.tokens, ...(override.tokens ?? {}) },
    storage: { ...base.storage, ...(override.storage ?? {}) },
    bruteForceProtection: { ...base.bruteForceProtection, ...(override.bruteForceProtection ?? {}) },
  };
  if (override.defaultConnection === undefined && !config.connections.some((c) => c.name === config.defaultConnection)) {
    config.defaultConnection = config.connections[0]?.name ?? null;
  }
  for (const [group, rule] of Object.entries(config.rateLimits)) {
    if (!rule || !(rule.limit >= 0) || !(rule.windowSeconds > 0)) {
      throw new ConfigError(`config: rateLimits.${group} needs limit >= 0 and windowSeconds > 0`);
    }
  }
  const { maxAttempts, blockSeconds } = config.bruteForceProtection;
  if (!(Number.isInteger(maxAttempts) && maxAttempts >= 1) || !(blockSeconds > 0)) {
    throw new ConfigError('config: bruteForceProtection needs an integer maxAttempts >= 1 and blockSeconds > 0');
  }
  return config;
}

export function loadConfigFile(file) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`config: cannot read ${file}: ${error.message}`);
  }
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`config: ${file} is not valid JSON: ${error.message}`);
  }
  return resolveConfig(parsed);
}

// Each client's client_metadata held to Auth0's rules by the core (which needs loading, so
// this runs after resolveConfig). Throws ConfigError naming the client.
export function checkClientMetadata(config, core) {
  config.clients.forEach((client, index) => {
    if (client.client_metadata === undefined) return;
    try {
      core.validateClientMetadata(client.client_metadata);
    } catch (error) {
      throw new ConfigError(`config: clients[${index}].${error.field || 'client_metadata'}: ${error.description}`);
    }
  });
}

export function findClient(config, clientId) {
  return config.clients.find((client) => client.clientId === clientId) ?? null;
}

export function findConnection(config, name) {
  return config.connections.find((connection) => connection.name === name) ?? null;
}
