// Sends the requests the core describes, and hands every response to the core
// (core.parseResponse) to be parsed or normalized into a MetalockError. Adds what only I/O
// can know: a timeout, and retries (retry-policy.js). Every failure ends as a MetalockError
// with a code: timeout, network_error, or the server's normalized error.
//
// The exchange: the app's `fetch` when it gives one; else XMLHttpRequest where there is one
// (browsers: xhr-exchange.js says why); else globalThis.fetch (Node).
import * as ErrorCode from '../error-codes.js';
import { fetchExchange } from './fetch-exchange.js';
import { xhrAvailable, xhrExchange } from './xhr-exchange.js';
import { backoffDelayMs, rateLimitDelayMs, retryDefaults } from './retry-policy.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// -> attempt(request): one exchange under the timeout.
function exchangeWith(fetch, timeoutMs) {
  if (fetch === undefined && xhrAvailable()) return (request) => xhrExchange(request, timeoutMs);
  const fetchImpl = fetch ?? ((...args) => globalThis.fetch(...args));   // unbound fetch throws in browsers
  return (request) => fetchExchange(fetchImpl, request, timeoutMs);
}

export function createTransport({ core, fetch, timeoutMs, retry = {} }) {
  const attempt = exchangeWith(fetch, timeoutMs);
  const policy = { ...retryDefaults, ...retry };

  // Auth0's brute-force protection answers a blocked login with a 429 too_many_attempts:
  // not a rate limit, since waiting does not lift it, so it is not retried. The core reads it.
  function isAccountBlock(response) {
    try {
      core.parseResponse(response);
      return false;
    } catch (error) {
      return error?.code === ErrorCode.too_many_attempts;
    }
  }

  // -> what read(response) makes of the final response: by default the parsed 2xx body (null
  // when empty); a caller may have the core read it into something else in the same crossing
  // (core.profileResponse). Throws MetalockError.
  async function send(request, { idempotent = false, read = core.parseResponse } = {}) {
    for (let tries = 0; ; tries += 1) {
      const canRetry = tries < policy.maxRetries;
      let response;
      try {
        response = await attempt(request);
      } catch (error) {
        if (idempotent && canRetry) {
          await sleep(backoffDelayMs(tries, policy.backoffMs));
          continue;
        }
        throw error;
      }
      if (response.status === 429 && canRetry && !isAccountBlock(response)) {
        const wait = rateLimitDelayMs(response.headers, Date.now()) ?? backoffDelayMs(tries, policy.backoffMs);
        if (wait <= policy.maxWaitMs) {
          await sleep(wait);
          continue;
        }
      } else if (response.status >= 500 && idempotent && canRetry) {
        await sleep(backoffDelayMs(tries, policy.backoffMs));
        continue;
      }
      return read(response);
    }
  }

  return { send };
}
