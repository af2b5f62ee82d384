// Two (or more) clients of one user update different user_metadata keys concurrently while
// the tenant injects 429s, 503s, dropped connections and latency. What the SDK reported done
// must be on the server at the end; what it reported failed must be a MetalockError with a
// code. Logins happen before the faults (the SDK never retries a login blindly), on the same
// data folder, and the end state is read from a restarted, fault-free tenant.
import { isDeepStrictEqual } from 'node:util';
import { CONNECTION, adminToken, call, startTenant, tempDir, userPath } from '../js/support/tenant.js';
import { clientFor, newUser } from '../js/support/session.js';

export const DEFAULT_FAULTS = { error429: 0.05, error5xx: 0.05, drop: 0.05, latencyMs: [0, 15], seed: 11 };

// A fetch that counts what the faults did to this client's requests.
function countingFetch(counts) {
  return async (url, init) => {
    counts.requests += 1;
    try {
      const response = await fetch(url, init);
      if (response.status === 429) counts.rateLimited += 1;
      if (response.status >= 500) counts.serverErrors += 1;
      return response;
    } catch (error) {
      counts.dropped += 1;
      throw error;
    }
  };
}

export async function concurrentUpdates({ updates = 1000, clients = 2, inFlight = 8, faults = DEFAULT_FAULTS } = {}) {
  const dataDir = tempDir('reliability');
  const counts = { requests: 0, rateLimited: 0, serverErrors: 0, dropped: 0 };
  let tenant = await startTenant({ dataDir });
  const sessions = [];
  let userId;
  try {
    const first = await clientFor(tenant);
    const user = await newUser(first);
    for (let i = 0; i < clients; i += 1) {
      const client = await clientFor(tenant, { fetch: countingFetch(counts), retry: { backoffMs: 20 } });
      const auth = await client.login({
        username: user.email, password: user.password, realm: CONNECTION, audience: tenant.managementAudience,
        scope: 'openid read:current_user update:current_user_metadata',
      });
      userId = auth.idTokenPayload.sub;
      sessions.push(client);
    }
  } finally {
    await tenant.stop();
  }

  // The same port: the tokens' issuer and audience name it. (parseArgs: the last --port wins.)
  const samePort = ['--port', new URL(tenant.url).port];
  tenant = await startTenant({ dataDir, faults, extraArgs: samePort });
  const acknowledged = new Map();   // key -> value the SDK said was stored
  const failures = [];
  try {
    const perClient = Math.ceil(updates / clients);
    await Promise.all(sessions.map(async (client, c) => {
      let next = 0;
      const worker = async () => {
        while (next < perClient && c * perClient + next < updates) {
          const key = `c${c}_k${next}`;
          const value = { n: next, by: c };
          next += 1;
          try {
            await client.updateUserMetadata({ [key]: value });
            acknowledged.set(key, value);
          } catch (error) {
            failures.push(error);
          }
        }
      };
      await Promise.all(Array.from({ length: inFlight }, worker));
    }));
  } finally {
    await tenant.stop();
  }

  tenant = await startTenant({ dataDir, extraArgs: samePort });
  try {
    const stored = await call(tenant.url, userPath(userId), { token: await adminToken(tenant) });
    if (stored.status !== 200) throw new Error(`reading the user back failed: ${stored.status} ${stored.text}`);
    const metadata = stored.body.user_metadata ?? {};
    const missing = [...acknowledged].filter(([key, value]) => !isDeepStrictEqual(metadata[key], value)).map(([key]) => key);
    const uncoded = failures.filter((error) => error?.name !== 'MetalockError' || typeof error.code !== 'string' || error.code === '');
    return {
      updates,
      acknowledged: acknowledged.size,
      failed: failures.length,
      failureCodes: [...new Set(failures.map((error) => error?.code))],
      uncodedFailures: uncoded.length,
      present: acknowledged.size - missing.length,
      missing,
      faultsSeen: counts,
    };
  } finally {
    await tenant.stop();
  }
}
