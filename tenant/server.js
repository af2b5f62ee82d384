// The local Auth0-compatible tenant: createTenant({port, dataDir, config}) -> {url, close()}.
// Pipeline per request: Host check -> CORS (and preflight) -> Origin check -> route -> injected faults -> rate limit ->
// handler. Handlers return response objects; the semantics live in the core.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { loadTenantCore } from './core.js';
import { checkClientMetadata, resolveConfig } from './config.js';
import { createBruteForceProtection } from './brute-force.js';
import { createCors } from './cors.js';
import { createFaults } from './faults.js';
import { BodyTooLarge, json, managementError, parseBody, readBody, send, serviceUnavailable } from './http.js';
import { loadOrCreateSigningKey } from './keys.js';
import { createRateLimiter, tooManyRequests } from './rate-limit.js';
import { createRequestGuard } from './request-guard.js';
import { createRouter } from './router.js';
import { jwks, openidConfiguration } from './routes/discovery.js';
import { signup } from './routes/signup.js';
import { token } from './routes/token.js';
import { userinfo } from './routes/userinfo.js';
import { getClient, patchClient } from './routes/clients.js';
import { verificationEmailJob } from './routes/jobs.js';
import { deleteMultifactor } from './routes/multifactor.js';
import { getUser, patchUser } from './routes/users.js';
import { createOutbox } from './emails/outbox.js';
import { compilePostLogin } from './post-login.js';
import { seedUsers } from './seed.js';
import { StorageFull, Store } from './store.js';

export const DEFAULT_DATA_DIR = '.tenant-data';

const ROUTES = [
  { method: 'GET', path: '/.well-known/openid-configuration', group: 'discovery', api: 'authentication', handler: openidConfiguration },
  { method: 'GET', path: '/.well-known/jwks.json', group: 'discovery', api: 'authentication', handler: jwks },
  { method: 'POST', path: '/oauth/token', group: 'token', api: 'authentication', handler: token },
  { method: 'GET', path: '/userinfo', group: 'userinfo', api: 'authentication', handler: userinfo },
  { method: 'POST', path: '/dbconnections/signup', group: 'signup', api: 'authentication', handler: signup },
  { method: 'GET', path: '/api/v2/users/:id', group: 'users', api: 'management', handler: getUser },
  { method: 'PATCH', path: '/api/v2/users/:id', group: 'users', api: 'management', handler: patchUser },
  { method: 'GET', path: '/api/v2/clients/:id', group: 'clients', api: 'management', handler: getClient },
  { method: 'PATCH', path: '/api/v2/clients/:id', group: 'clients', api: 'management', handler: patchClient },
  { method: 'POST', path: '/api/v2/jobs/verification-email', group: 'jobs', api: 'management', handler: verificationEmailJob },
  { method: 'DELETE', path: '/api/v2/users/:id/multifactor/:provider', group: 'users', api: 'management', handler: deleteMultifactor },
];

function serverError(api) {
  return api === 'management'
    ? managementError(500, 'Internal Server Error')
    : json(500, { error: 'server_error', error_description: 'Internal Server Error' });
}

function payloadTooLarge(api, message) {
  return api === 'management'
    ? managementError(413, message)
    : json(413, { error: 'invalid_request', error_description: message });
}

// log: one line per request (method, path, status), off by default. logError: failures
// (never a request body or a header, so never a password or a token).
export async function createTenant({
  port = 0, host = '127.0.0.1', dataDir = DEFAULT_DATA_DIR, config = {}, faults,
  log = () => {}, logError = (line) => process.stderr.write(`${line}\n`),
} = {}) {
  const resolved = resolveConfig(config);
  if (faults) resolved.faults = { ...resolved.faults, ...faults };
  const store = Store.open(resolve(dataDir), { compactEvery: resolved.storage.compactEvery });
  let server;
  try {
    // A first start generates the RSA key (0.2-0.8 s on a busy machine). It is not waited
    // for before listening: only requests reach it, and they wait for it (keyReady).
    const tenant = { store, config: resolved, signingKey: null, now: () => Math.floor(Date.now() / 1000) };
    const keyReady = loadOrCreateSigningKey(resolve(dataDir)).then((key) => {
      tenant.signingKey = key;
    });
    keyReady.catch((error) => logError(`metalock-tenant: signing key: ${error.message}`));
    tenant.core = await loadTenantCore();
    checkClientMetadata(resolved, tenant.core);
    tenant.postLogin = compilePostLogin(resolved.postLogin, tenant.core);
    tenant.outbox = createOutbox(resolve(dataDir), { logError });
    await seedUsers(resolved, store);

    const router = createRouter(ROUTES);
    const cors = createCors(resolved);
    const guard = createRequestGuard({ cors });
    tenant.bruteForce = createBruteForceProtection(resolved.bruteForceProtection, tenant.now);
    const limiter = createRateLimiter(resolved.rateLimits);
    const injected = createFaults(resolved.faults);

    server = createServer((req, res) => {
      handle(req, res).catch((error) => {
        logError(`metalock-tenant: ${error?.message ?? error}`);
        if (!res.headersSent) send(res, serverError('authentication'));
      });
    });

    async function handle(req, res) {
      const url = new URL(req.url, tenant.baseUrl);
      const refusedHost = guard.checkHost(req, url.pathname, server.address().port);
      if (refusedHost) {
        send(res, refusedHost);
        return;
      }
      if (cors.handle(req, res)) return;
      const refusedOrigin = guard.checkOrigin(req, url.pathname);
      if (refusedOrigin) {
        send(res, refusedOrigin);
        return;
      }
      const matched = router.match(req.method, url.pathname);
      if (!matched?.route) {
        send(res, managementError(404, 'Not Found'));
        return;
      }
      const { route, params } = matched;
      if (injected.enabled) {
        const { delayMs, action } = injected.decide(route.api);
        if (delayMs > 0) await new Promise((done) => setTimeout(done, delayMs));
        if (action === 'drop') {
          req.socket.destroy();
          return;
        }
        if (action) {
          send(res, action);
          return;
        }
      }
      const limit = limiter.take(route.group);
      for (const [name, value] of Object.entries(limit.headers)) res.setHeader(name, value);
      if (!limit.allowed) {
        send(res, json(429, tooManyRequests(route.api)));
        return;
      }
      if (!tenant.signingKey) await keyReady;
      const ctx = {
        req,
        params,
        query: url.searchParams,
        tenant,
        readBody: async () => parseBody(req, await readBody(req)),
      };
      let response;
      try {
        response = await route.handler(ctx);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          response = payloadTooLarge(route.api, error.message);
        } else if (error instanceof StorageFull) {
          // Nothing was changed (the store writes its journal first): the client may try again later.
          logError(`metalock-tenant: ${req.method} ${url.pathname}: ${error.message}`);
          response = serviceUnavailable(route.api, 'The tenant cannot store changes right now: its data disk is full');
        } else {
          logError(`metalock-tenant: ${req.method} ${url.pathname}: ${error?.message ?? error}`);
          response = serverError(route.api);
        }
      }
      log(`${req.method} ${url.pathname} ${response.status}`);
      send(res, response);
    }

    // Idle connections outlive the clients' own idle timeout (fetch/undici: 4 s): with Node's
    // 5 s default, a client whose event loop is busy (parsing a large body) may reuse a socket
    // the tenant is closing at that moment, and its request fails with "other side closed".
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;

    await new Promise((listening, failed) => {
      server.once('error', failed);
      server.listen(port, host, () => {
        server.off('error', failed);
        listening();
      });
    });
    const address = server.address();
    const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    tenant.baseUrl = `http://${hostPart}:${address.port}`;
    tenant.issuer = `${tenant.baseUrl}/`;
    tenant.managementAudience = `${tenant.baseUrl}/api/v2/`;
    tenant.userinfoAudience = `${tenant.baseUrl}/userinfo`;

    let closing = null;
    return {
      url: tenant.baseUrl,
      port: address.port,
      issuer: tenant.issuer,
      managementAudience: tenant.managementAudience,
      config: resolved,
      close() {
        closing ??= new Promise((closed) => {
          server.close(async () => {
            await keyReady.catch(() => {});
            store.close();
            closed();
          });
          server.closeAllConnections();
        });
        return closing;
      },
    };
  } catch (error) {
    server?.close();
    store.close();
    throw error;
  }
}
