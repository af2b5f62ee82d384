// createClient(options) -> Client: checks the options, loads the core (once per page or
// process: loadCore shares one promise), and wires storage, transport and tokens.
import * as ErrorCode from '../error-codes.js';
import { MetalockError } from '../errors.js';
import { loadCore, useWasm } from '../core/load.js';
import { resolveStorage } from '../storage/resolve-storage.js';
import { createTransport } from '../transport/transport.js';
import {
  invalidArgument, isPlainObject, optionalFunction, optionalNumber, optionalString, requireObject, requireString,
} from './arguments.js';
import { Client } from './client.js';
import { verifyIdToken } from './id-token.js';
import { TokenManager } from './token-manager.js';

const DEFAULT_SCOPE = 'openid profile email';
const DEFAULT_TIMEOUT_MS = 10_000;

function retryOptions(retry) {
  if (retry === undefined || retry === null) return {};
  if (!isPlainObject(retry)) throw invalidArgument('retry must be an object', 'retry');
  const out = {};
  for (const key of ['maxRetries', 'maxWaitMs', 'backoffMs']) {
    const value = optionalNumber(retry[key], `retry.${key}`, {});
    if (value === undefined) continue;
    if (key === 'maxRetries' && !Number.isInteger(value)) throw invalidArgument('retry.maxRetries must be an integer', 'retry.maxRetries');
    out[key] = value;
  }
  return out;
}

function readOptions(options) {
  requireObject(options, 'options');
  return {
    domain: requireString(options.domain, 'domain'),
    clientId: requireString(options.clientId, 'clientId'),
    audience: optionalString(options.audience, 'audience') || undefined,
    scope: optionalString(options.scope, 'scope') ?? DEFAULT_SCOPE,
    // undefined leaves the core's default leeway (60 s) in force.
    leeway: optionalNumber(options.leeway, 'leeway', {}),
    userMetadataClaim: optionalString(options.userMetadataClaim, 'userMetadataClaim'),
    appMetadataClaim: optionalString(options.appMetadataClaim, 'appMetadataClaim'),
    timeoutMs: optionalNumber(options.timeoutMs, 'timeoutMs', { min: 1, fallback: DEFAULT_TIMEOUT_MS }),
    fetch: optionalFunction(options.fetch, 'fetch'),
    // The clock, in epoch milliseconds like Date.now (auth0-spa-js's nowProvider): what token
    // expiry and the ID token's time claims are judged by. Tests and apps with a server clock
    // pass their own.
    now: optionalFunction(options.now, 'now') ?? Date.now,
    retry: retryOptions(options.retry),
  };
}

// Every failure is a MetalockError, even one thrown by the caller's own options object (a
// getter or a Proxy that throws while it is read): that one is the caller's invalid_argument.
export function createClient(options) {
  return buildClient(options).catch((error) => {
    throw MetalockError.from(error, ErrorCode.invalid_argument);
  });
}

async function buildClient(options) {
  const settings = readOptions(options);
  const storage = resolveStorage(options.cacheLocation);
  if (options.wasm !== undefined && options.wasm !== null) useWasm(options.wasm);
  const core = await loadCore();
  const base = core.baseUrl(settings.domain);
  const transport = createTransport({
    core, fetch: settings.fetch, timeoutMs: settings.timeoutMs, retry: settings.retry,
  });
  const nowSeconds = () => Math.floor(Number(settings.now()) / 1000);
  const checkIdToken = (idToken) => verifyIdToken({ core, transport, base }, idToken, {
    clientId: settings.clientId, leeway: settings.leeway, nowSeconds: nowSeconds(),
  });
  const tokens = new TokenManager({
    core, storage, transport, base, clientId: settings.clientId, leeway: settings.leeway, verifyIdToken: checkIdToken, nowSeconds,
  });
  return new Client({ core, base, settings, tokens, transport, verifyIdToken: checkIdToken });
}
